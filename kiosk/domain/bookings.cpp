#include "kiosk/domain/bookings.h"

#include <algorithm>

namespace kiosk::domain {

std::vector<Booking> upcomingBookings(std::vector<Booking> bookings) {
  std::erase_if(bookings, [](const Booking& b) { return b.status != BookingStatus::Booked; });
  return bookings;
}

}  // namespace kiosk::domain
