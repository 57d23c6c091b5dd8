// The idle timer: "more time?" in the last 30 s, longer for a citizen with staff beside them or
// listening, and frames only when the countdown needs them.

#include <catch2/catch.hpp>

#include "kiosk/app/idle_timer.h"

using kiosk::app::IdleTimer;
using namespace std::chrono_literals;

TEST_CASE("idle timer: asks for more time in the last 30 s, then the citizen has gone") {
  IdleTimer timer(120s);
  const IdleTimer::Clock::time_point t0{};
  timer.touched(t0);
  const IdleTimer::Needs alone;
  CHECK_FALSE(timer.asking(t0 + 89s, alone));
  CHECK(timer.asking(t0 + 90s, alone));
  CHECK(timer.secondsLeft(t0 + 90s, alone) == 30);
  CHECK(timer.secondsLeft(t0 + 119s + 500ms, alone) == 1);
  CHECK_FALSE(timer.expired(t0 + 119s, alone));
  CHECK(timer.expired(t0 + 120s, alone));
  SECTION("a touch starts it again") {
    timer.touched(t0 + 100s);
    CHECK_FALSE(timer.asking(t0 + 110s, alone));
  }
}

TEST_CASE("idle timer: staff beside the citizen triple it, listening doubles it") {
  IdleTimer timer(120s);
  CHECK(timer.timeout({.assisted = true}) == 360s);
  CHECK(timer.timeout({.listening = true}) == 240s);
  CHECK(timer.timeout({.assisted = true, .listening = true}) == 360s);
  // A short timeout still warns for half of it.
  IdleTimer quick(20s);
  CHECK(quick.warning({}) == 10s);
}

TEST_CASE("idle timer: wakes when the warning starts, then each second") {
  IdleTimer timer(120s);
  const IdleTimer::Clock::time_point t0{};
  timer.touched(t0);
  CHECK(timer.nextWakeup(t0 + 10s, {}) == t0 + 90s);
  CHECK(timer.nextWakeup(t0 + 95s, {}) == t0 + 96s);
}

TEST_CASE("idle timer: the configuration's warning length, still at most half the timeout") {
  IdleTimer timer(120s, 45s);
  const IdleTimer::Clock::time_point t0{};
  timer.touched(t0);
  const IdleTimer::Needs alone;
  CHECK(timer.warning(alone) == 45s);
  CHECK_FALSE(timer.asking(t0 + 74s, alone));
  CHECK(timer.asking(t0 + 75s, alone));
  CHECK(IdleTimer(60s, 45s).warning(alone) == 30s);
}

TEST_CASE("idle timer: a citizen told to wait for the staff they called is not timed out meanwhile") {
  IdleTimer timer(120s);
  const IdleTimer::Clock::time_point t0{};
  timer.touched(t0);
  const IdleTimer::Needs waiting{.waitingForStaff = true};
  CHECK_FALSE(timer.asking(t0 + 10min, waiting));  // a busy reception: still waiting, nobody asks
  CHECK_FALSE(timer.expired(t0 + 10min, waiting));
  CHECK(timer.timeout(waiting) == kiosk::app::kStaffWait);
  // Past the generous limit "more time?" asks as usual, and staff at the kiosk count as assisting.
  CHECK(timer.asking(kiosk::app::kStaffWait - 10s + t0, waiting));
  CHECK(timer.timeout({.assisted = true, .waitingForStaff = true}) == 360s);
}
