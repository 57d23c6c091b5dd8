#pragma once
// Minimum contact rules (minimumskontakt): the first conversation within three weeks of
// unemployment, the second at the latest after three months of unemployment, then at least one
// every three months. Pure: dates in, date out.

#include <optional>
#include <vector>

#include "local_time.h"

namespace jobcenter {

struct ContactStatus {
  LocalDate nextRequiredContact;  // the last day the next conversation may take place
  bool overdue = false;           // that day has passed and nothing is booked
};

// heldMeetings: dates of conversations that took place, any order. nextBooked: the earliest
// future booking, if any.
ContactStatus nextRequiredContact(const LocalDate& unemploymentStart, std::vector<LocalDate> heldMeetings,
                                  const LocalDate& today, const std::optional<LocalDate>& nextBooked);

}  // namespace jobcenter
