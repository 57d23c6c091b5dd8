#include "contact_rules.h"

#include <algorithm>

namespace jobcenter {

ContactStatus nextRequiredContact(const LocalDate& unemploymentStart, std::vector<LocalDate> heldMeetings,
                                  const LocalDate& today, const std::optional<LocalDate>& nextBooked) {
  std::sort(heldMeetings.begin(), heldMeetings.end());
  ContactStatus status;
  if (heldMeetings.empty()) {
    status.nextRequiredContact = addDays(unemploymentStart, 21);
  } else if (heldMeetings.size() == 1) {
    status.nextRequiredContact = addMonths(unemploymentStart, 3);
  } else {
    status.nextRequiredContact = addMonths(heldMeetings.back(), 3);
  }
  const bool coveredByBooking = nextBooked && *nextBooked <= status.nextRequiredContact;
  status.overdue = today > status.nextRequiredContact && !coveredByBooking;
  return status;
}

}  // namespace jobcenter
