// Which of the citizen's bookings are still to come, and whether a check-in is early or late.

#include <catch2/catch.hpp>

#include "kiosk/domain/bookings.h"

using kiosk::domain::Booking;
using kiosk::domain::BookingStatus;
using kiosk::domain::upcomingBookings;

namespace {

Booking booking(std::string id, BookingStatus status) {
  Booking b;
  b.id = std::move(id);
  b.status = status;
  return b;
}

std::vector<std::string> idsOf(const std::vector<Booking>& bookings) {
  std::vector<std::string> out;
  for (const auto& b : bookings) out.push_back(b.id);
  return out;
}

}  // namespace

TEST_CASE("bookings: only the booked ones are still to come, in the server's order") {
  const auto upcoming = upcomingBookings({booking("b", BookingStatus::Booked), booking("cancelled", BookingStatus::Cancelled),
                                          booking("checked-in", BookingStatus::CheckedIn), booking("held", BookingStatus::Completed),
                                          booking("a", BookingStatus::Booked)});
  CHECK(idsOf(upcoming) == std::vector<std::string>{"b", "a"});
}

TEST_CASE("bookings: none booked, none to come") {
  CHECK(upcomingBookings({}).empty());
  CHECK(upcomingBookings({booking("x", BookingStatus::Cancelled)}).empty());
}

TEST_CASE("check-in: early and late are said against the meeting's start") {
  using kiosk::domain::CheckInTiming;
  using kiosk::domain::checkInTiming;
  const kiosk::domain::Instant start{1'765'000'000, ""};
  auto at = [&](std::chrono::seconds fromStart) { return kiosk::domain::WallClock::time_point(std::chrono::seconds(start.unixSeconds) + fromStart); };
  CHECK(checkInTiming(start, at(-std::chrono::hours(4))) == CheckInTiming::Early);  // four hours early: "your meeting is at …"
  CHECK(checkInTiming(start, at(-std::chrono::minutes(31))) == CheckInTiming::Early);
  CHECK(checkInTiming(start, at(-std::chrono::minutes(30))) == CheckInTiming::OnTime);
  CHECK(checkInTiming(start, at(std::chrono::minutes(10))) == CheckInTiming::OnTime);
  CHECK(checkInTiming(start, at(std::chrono::minutes(11))) == CheckInTiming::Late);
}
