// The admin PIN pad's lock-out: five wrong PINs lock it for five minutes, then five new tries.

#include <catch2/catch.hpp>

#include "kiosk/domain/admin_lockout.h"

using kiosk::domain::AdminLockout;
using namespace std::chrono_literals;

TEST_CASE("admin lock-out: four wrong PINs leave one try, the fifth locks the pad for five minutes") {
  AdminLockout lockout;
  const auto t0 = AdminLockout::Clock::now();
  for (int i = 0; i < 4; ++i) lockout.wrongPin(t0 + i * 1s);
  CHECK_FALSE(lockout.locked(t0 + 4s));
  CHECK(lockout.triesLeft(t0 + 4s) == 1);
  lockout.wrongPin(t0 + 5s);
  CHECK(lockout.locked(t0 + 5s));
  CHECK(lockout.triesLeft(t0 + 5s) == 0);
  CHECK(lockout.lockedUntil(t0 + 5s) == t0 + 5s + 5min);
  CHECK(lockout.locked(t0 + 5s + 5min - 1s));
  SECTION("a PIN typed while locked does not lengthen the lock") {
    lockout.wrongPin(t0 + 4min);
    CHECK(lockout.lockedUntil(t0 + 4min) == t0 + 5s + 5min);
  }
  SECTION("when the five minutes are over the pad opens with five new tries") {
    CHECK_FALSE(lockout.locked(t0 + 5s + 5min));
    CHECK(lockout.triesLeft(t0 + 5s + 5min) == 5);
    lockout.wrongPin(t0 + 6min);
    CHECK(lockout.triesLeft(t0 + 6min) == 4);
  }
}

TEST_CASE("admin lock-out: a right PIN forgets the wrong ones") {
  AdminLockout lockout;
  const auto t0 = AdminLockout::Clock::now();
  for (int i = 0; i < 4; ++i) lockout.wrongPin(t0);
  lockout.rightPin();
  CHECK(lockout.triesLeft(t0) == 5);
}
