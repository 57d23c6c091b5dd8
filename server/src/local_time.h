#pragma once
// Europe/Copenhagen wall-clock time <-> instants, through ICU (thread-safe, knows DST). Instants
// are Unix seconds; the API writes RFC 3339 with the local offset of that instant.

#include <cstdint>
#include <string>

namespace jobcenter {

using Instant = int64_t;  // seconds since 1970-01-01T00:00:00Z

struct LocalDate {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const LocalDate&) const = default;
};

Instant nowInstant();
// The instant at which the Copenhagen wall clock shows date at hour:minute.
Instant localToInstant(const LocalDate& date, int hour, int minute);
LocalDate localDateOf(Instant t);
int localWeekday(Instant t);  // 1 = Monday .. 7 = Sunday
std::string rfc3339(Instant t);  // 2026-11-23T09:00:00+01:00
std::string isoDate(const LocalDate& d);
bool parseIsoDate(const std::string& text, LocalDate& out);
LocalDate addDays(const LocalDate& d, int days);
LocalDate addMonths(const LocalDate& d, int months);  // clamps the day to the month's length

}  // namespace jobcenter
