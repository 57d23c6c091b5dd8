#include "kiosk/domain/bookings.h"

#include <algorithm>

namespace kiosk::domain {

std::vector<Booking> upcomingBookings(std::vector<Booking> bookings) {
  std::erase_if(bookings, [](const Booking& b) { return b.status != BookingStatus::Booked; });
  return bookings;
}

CheckInTiming checkInTiming(const Instant& start, WallClock::time_point now) {
  const int64_t at = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  if (start.unixSeconds - at > 30 * 60) return CheckInTiming::Early;
  if (at - start.unixSeconds > 10 * 60) return CheckInTiming::Late;
  return CheckInTiming::OnTime;
}

}  // namespace kiosk::domain
