#pragma once
// Rules on the citizen's bookings.

#include <vector>

#include "kiosk/domain/booking_types.h"

namespace kiosk::domain {

// The meetings still to come, in the server's order: booked, not cancelled, checked in or held.
// Applied once to the booking system's answer; what is kept is only what the citizen can move
// or cancel.
std::vector<Booking> upcomingBookings(std::vector<Booking> bookings);

}  // namespace kiosk::domain
