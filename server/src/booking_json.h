#pragma once
// A booking as the API shows it (the meeting record of Bek. 442/2023 §20), read in one place.

#include <optional>
#include <string>

#include "api_support.h"

namespace jobcenter {

// SELECT list and joins that bookingFromRow expects, for "... WHERE <condition>".
extern const char* const kBookingSelect;
json bookingFromRow(const Row& row, const Policy& policy, Instant now);
std::optional<json> loadBooking(Tx& tx, const std::string& condition, const std::vector<Value>& values, const Policy& policy,
                                Instant now);
// For kSlotSelect rows. The slot says until when a meeting booked in it could be moved and
// cancelled (policy), so the kiosk can say so before the citizen books it.
json slotFromRow(const Row& row, const std::optional<LocalDate>& deadline, const Policy& policy);
extern const char* const kSlotSelect;

}  // namespace jobcenter
