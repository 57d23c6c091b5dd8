#include "kiosk/app/idle_timer.h"

#include <algorithm>

namespace kiosk::app {

std::chrono::seconds IdleTimer::timeout(Needs needs) const {
  if (needs.assisted) return base_ * 3;
  const std::chrono::seconds own = needs.listening ? base_ * 2 : base_;
  return needs.waitingForStaff ? std::max(own, kStaffWait) : own;
}

std::chrono::seconds IdleTimer::warning(Needs needs) const { return std::min(warning_, timeout(needs) / 2); }

int IdleTimer::secondsLeft(Clock::time_point now, Needs needs) const {
  return static_cast<int>(std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(left(now, needs)).count()));
}

IdleTimer::Clock::time_point IdleTimer::nextWakeup(Clock::time_point now, Needs needs) const {
  return asking(now, needs) ? now + std::chrono::seconds(1) : lastInput_ + timeout(needs) - warning(needs);
}

}  // namespace kiosk::app
