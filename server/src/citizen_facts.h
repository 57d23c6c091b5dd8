#pragma once
// What the server knows about a citizen's contact history, read once for the summary and slots.

#include <optional>
#include <string>
#include <vector>

#include "contact_rules.h"
#include "database.h"

namespace jobcenter {

struct ContactHistory {
  LocalDate unemploymentStart;
  std::vector<LocalDate> held;           // conversations that took place
  std::optional<std::string> lastHeldBooking;
  std::optional<LocalDate> nextBooked;   // earliest coming booking
  ContactStatus status;
};

ContactHistory contactHistory(Tx& tx, const std::string& citizen, Instant now);

}  // namespace jobcenter
