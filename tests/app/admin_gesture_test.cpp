// The admin gesture: hold the top-left corner, then the top-right, two seconds each.

#include <catch2/catch.hpp>

#include "kiosk/app/admin_gesture.h"

using kiosk::app::AdminGesture;
using namespace std::chrono_literals;

namespace {

constexpr float W = 1920, H = 1080;

// A finger held still at (x, y) for `held`, then lifted; true when that completed the gesture.
bool hold(AdminGesture& g, float x, float y, AdminGesture::Clock::time_point& now, std::chrono::milliseconds held) {
  g.down(x, y, W, H, now);
  now += held;
  return g.up(now);
}

}  // namespace

TEST_CASE("admin gesture: top-left held, then top-right held, opens admin mode") {
  AdminGesture g;
  auto now = AdminGesture::Clock::now();
  CHECK_FALSE(hold(g, 20, 20, now, 2100ms));
  now += 3s;
  CHECK(hold(g, W - 20, 20, now, 2100ms));
}

TEST_CASE("admin gesture: what a citizen does by chance does not open it") {
  AdminGesture g;
  auto now = AdminGesture::Clock::now();
  SECTION("the corners only tapped") {
    CHECK_FALSE(hold(g, 20, 20, now, 200ms));
    CHECK_FALSE(hold(g, W - 20, 20, now, 2100ms));
  }
  SECTION("the right corner first") {
    CHECK_FALSE(hold(g, W - 20, 20, now, 2100ms));
    CHECK_FALSE(hold(g, 20, 20, now, 2100ms));
  }
  SECTION("a tap elsewhere in between") {
    CHECK_FALSE(hold(g, 20, 20, now, 2100ms));
    CHECK_FALSE(hold(g, 900, 500, now, 100ms));
    CHECK_FALSE(hold(g, W - 20, 20, now, 2100ms));
  }
  SECTION("too slow") {
    CHECK_FALSE(hold(g, 20, 20, now, 2100ms));
    now += 9s;
    CHECK_FALSE(hold(g, W - 20, 20, now, 2100ms));
  }
  SECTION("a swipe that starts in the corner") {
    g.down(20, 20, W, H, now);
    g.moved(300, 200);
    now += 2100ms;
    CHECK_FALSE(g.up(now));
    CHECK_FALSE(hold(g, W - 20, 20, now, 2100ms));
  }
}

TEST_CASE("admin gesture: a corner held long enough is not also a tap") {
  AdminGesture g;
  const auto now = AdminGesture::Clock::now();
  g.down(20, 20, W, H, now);
  CHECK_FALSE(g.holdingCorner(now + 1s));
  CHECK(g.holdingCorner(now + 2s));
  g.down(900, 20, W, H, now);
  CHECK_FALSE(g.holdingCorner(now + 5s));
}
