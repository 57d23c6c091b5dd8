#pragma once
// Rules on the citizen's bookings.

#include <vector>

#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/calendar.h"

namespace kiosk::domain {

// The meetings still to come, in the server's order: booked, not cancelled, checked in or held.
// Applied once to the booking system's answer; what is kept is only what the citizen can move
// or cancel.
std::vector<Booking> upcomingBookings(std::vector<Booking> bookings);

// A check-in against the meeting's start: more than 30 minutes before it is early ("your meeting
// is at 13.30, we call you"), more than 10 minutes after it is late ("tell the desk").
enum class CheckInTiming { OnTime, Early, Late };
CheckInTiming checkInTiming(const Instant& start, WallClock::time_point now);

}  // namespace kiosk::domain
