// Dates in the jobcenter's calendar, from a given "now": what "today" and "yesterday" are for a
// job log entry, whatever the process's TZ and on the days the clocks change.

#include <catch2/catch.hpp>

#include <cstdlib>

#include "kiosk/domain/calendar.h"

using kiosk::domain::copenhagenDate;
using kiosk::domain::WallClock;

namespace {

WallClock::time_point utc(int64_t unixSeconds) { return WallClock::time_point(std::chrono::seconds(unixSeconds)); }

}  // namespace

TEST_CASE("calendar: today and the days before, in Copenhagen") {
  // 2026-11-24 10:30 UTC is 11:30 in Copenhagen.
  CHECK(copenhagenDate(utc(1795516200)) == "2026-11-24");
  CHECK(copenhagenDate(utc(1795516200), 1) == "2026-11-23");
  CHECK(copenhagenDate(utc(1795516200), 6) == "2026-11-18");
  // 23:30 UTC on 24 November is already 25 November in Copenhagen.
  CHECK(copenhagenDate(utc(1795563000)) == "2026-11-25");
}

TEST_CASE("calendar: the day after the spring clock change, yesterday is still yesterday") {
  // 2026-03-29 is the change to summer time. 00:30 on 30 March in Copenhagen (22:30 UTC on the
  // 29th): 24 hours earlier was 23:30 on the 28th, but yesterday is the 29th.
  const auto justAfterMidnight = utc(1774823400);
  CHECK(copenhagenDate(justAfterMidnight) == "2026-03-30");
  CHECK(copenhagenDate(justAfterMidnight, 1) == "2026-03-29");
  CHECK(copenhagenDate(justAfterMidnight, 2) == "2026-03-28");
}

TEST_CASE("calendar: the process's TZ does not matter") {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  setenv("TZ", "America/Los_Angeles", 1);
  tzset();
  CHECK(copenhagenDate(utc(1795563000)) == "2026-11-25");
  if (before) setenv("TZ", saved.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}
