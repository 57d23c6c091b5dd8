#pragma once
// The jobcenter's calendar: dates in Copenhagen time, from a "now" the caller gives (the app's
// clock, which scripted runs and tests control), never the process's TZ or the wall clock.

#include <chrono>
#include <string>

namespace kiosk::domain {

using WallClock = std::chrono::system_clock;

// The Copenhagen calendar date `daysBefore` days before `now`, as "2026-03-29". Calendar days,
// not 24-hour steps: the day after a clock change, "yesterday" is still yesterday.
std::string copenhagenDate(WallClock::time_point now, int daysBefore = 0);

}  // namespace kiosk::domain
