#include "kiosk/domain/bookings.h"

namespace kiosk::domain {

std::vector<const Booking*> upcomingBookings(const std::vector<Booking>& bookings) {
  std::vector<const Booking*> out;
  for (const auto& b : bookings) {
    if (b.status == BookingStatus::Booked) out.push_back(&b);
  }
  return out;
}

}  // namespace kiosk::domain
