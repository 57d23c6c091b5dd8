#pragma once
// Rules on the citizen's bookings.

#include <vector>

#include "kiosk/domain/booking_types.h"

namespace kiosk::domain {

// The meetings still to come, in the server's order: booked, not cancelled, checked in or held.
std::vector<const Booking*> upcomingBookings(const std::vector<Booking>& bookings);

}  // namespace kiosk::domain
