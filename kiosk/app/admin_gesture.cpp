#include "kiosk/app/admin_gesture.h"

namespace kiosk::app {

void AdminGesture::down(float x, float y, float width, float height, Clock::time_point now) {
  const bool top = y < kCorner * height;
  corner_ = !top ? Corner::None : x < kCorner * width ? Corner::TopLeft : x > (1 - kCorner) * width ? Corner::TopRight : Corner::None;
  x_ = x, y_ = y, downAt_ = now;
  travelLimit_ = 0.02f * height;
  if (corner_ == Corner::None) firstDoneAt_.reset();  // anything else starts over
}

void AdminGesture::moved(float x, float y) {
  const float dx = x - x_, dy = y - y_;
  if (dx * dx + dy * dy > travelLimit_ * travelLimit_) corner_ = Corner::None, firstDoneAt_.reset();  // a swipe, not a hold
}

bool AdminGesture::holdingCorner(Clock::time_point now) const { return corner_ != Corner::None && now - downAt_ >= kHold; }

bool AdminGesture::up(Clock::time_point now) {
  const bool held = holdingCorner(now);
  const Corner corner = corner_;
  corner_ = Corner::None;
  if (!held) {
    firstDoneAt_.reset();
    return false;
  }
  if (corner == Corner::TopLeft) {
    firstDoneAt_ = now;
    return false;
  }
  const bool done = firstDoneAt_ && now - *firstDoneAt_ <= kWithin;
  firstDoneAt_.reset();
  return done;
}

}  // namespace kiosk::app
