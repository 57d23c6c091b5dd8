#pragma once
// The managers' figures for a date range, from the kiosks' anonymous usage events and the
// server's own records. Every count from 1 to 4 is replaced by "< 5" here, on the server, before
// anything leaves it (and so is every share or time computed from such a count): no figure, in
// the page or in its CSV, can point at one person.

#include <nlohmann/json.hpp>
#include <string>

#include "database.h"
#include "local_time.h"

namespace jobcenter {

inline constexpr int kSmallestShownCount = 5;

// A count as it may leave the server: 0, 5 or more, or the text "< 5".
nlohmann::json shownCount(int64_t count);

// from..to inclusive, local dates.
nlohmann::json managerFigures(Tx& tx, const LocalDate& from, const LocalDate& to);
// The same figures as CSV: one row per cell (figure, label, value), suppressed cells as "< 5".
std::string figuresCsv(const nlohmann::json& figures);

}  // namespace jobcenter
