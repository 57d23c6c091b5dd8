// Opening hours in Copenhagen time: open now, when it closes, the next openings — across a
// weekend, a closed day and a clock change.

#include <catch2/catch.hpp>

#include "kiosk/domain/opening_hours.h"

using namespace kiosk::domain;

namespace {

// Mon-Thu 08:00-15:00, Fri 08:00-13:00, as the demo jobcenter.
OpeningHours danishWeek() {
  OpeningHours hours;
  for (int day = 1; day <= 4; ++day) hours.spans.push_back({day, 8 * 60, 15 * 60});
  hours.spans.push_back({5, 8 * 60, 13 * 60});
  return hours;
}

// A UTC instant from "2026-12-07T07:30:00" (Copenhagen is UTC+1 in winter, +2 in summer).
WallClock::time_point utc(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}} + hours{h} + minutes{min};
}

}  // namespace

TEST_CASE("opening hours: HH:MM both ways") {
  CHECK(parseClockTime("08:00") == 480);
  CHECK(parseClockTime("23:59") == 1439);
  CHECK_FALSE(parseClockTime("24:00"));
  CHECK_FALSE(parseClockTime("8:00"));
  CHECK_FALSE(parseClockTime("08:60"));
  CHECK(clockTime(13 * 60 + 5) == "13:05");
}

TEST_CASE("opening hours: open from opening to closing, in Copenhagen time") {
  const auto hours = danishWeek();
  // Monday 7 December 2026: 08:00 in Copenhagen is 07:00 UTC.
  CHECK_FALSE(isOpen(hours, utc(2026, 12, 7, 6, 59)));
  CHECK(isOpen(hours, utc(2026, 12, 7, 7, 0)));
  CHECK(closingTime(hours, utc(2026, 12, 7, 7, 0)) == utc(2026, 12, 7, 14, 0));
  CHECK_FALSE(isOpen(hours, utc(2026, 12, 7, 14, 0)));
  // Friday closes at 13:00.
  CHECK(isOpen(hours, utc(2026, 12, 11, 11, 59)));
  CHECK_FALSE(isOpen(hours, utc(2026, 12, 11, 12, 0)));
  // Saturday is not listed: closed all day.
  CHECK_FALSE(isOpen(hours, utc(2026, 12, 12, 10, 0)));
}

TEST_CASE("opening hours: after Friday's closing the next opening is Monday morning") {
  const auto next = nextOpenings(danishWeek(), utc(2026, 12, 11, 12, 30), 2);
  REQUIRE(next.size() == 2);
  CHECK(next[0].date == "2026-12-14");
  CHECK(next[0].weekday == 1);
  CHECK(next[0].opensAt == utc(2026, 12, 14, 7, 0));
  CHECK(next[1].date == "2026-12-15");
}

TEST_CASE("opening hours: before opening, today's opening is the next one") {
  const auto next = nextOpenings(danishWeek(), utc(2026, 12, 7, 5, 0), 1);
  REQUIRE(next.size() == 1);
  CHECK(next[0].date == "2026-12-07");
  CHECK(clockTime(next[0].opens) == "08:00");
}

TEST_CASE("opening hours: a closed day is skipped even on an open weekday") {
  auto hours = danishWeek();
  hours.closedDates = {"2026-12-24"};  // Thursday
  CHECK_FALSE(isOpen(hours, utc(2026, 12, 24, 9, 0)));
  const auto next = nextOpenings(hours, utc(2026, 12, 23, 15, 0), 1);
  REQUIRE(next.size() == 1);
  CHECK(next[0].date == "2026-12-25");
}

TEST_CASE("opening hours: in summer time 08:00 in Copenhagen is 06:00 UTC") {
  const auto hours = danishWeek();
  CHECK_FALSE(isOpen(hours, utc(2026, 6, 1, 5, 59)));  // Monday 1 June 2026
  CHECK(isOpen(hours, utc(2026, 6, 1, 6, 0)));
}

TEST_CASE("opening hours: with no opening in four weeks there is no next opening") {
  CHECK(nextOpenings(OpeningHours{}, utc(2026, 12, 7, 9, 0), 3).empty());
}
