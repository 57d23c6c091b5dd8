#include "kiosk/app/admin_mode.h"

#include <algorithm>

#include "kiosk/services/admin_pin.h"

namespace kiosk::app {

AdminMode::~AdminMode() {
  if (check_.valid()) check_.wait();  // bounded: one Argon2id check
}

void AdminMode::submit(std::string& pin, Clock::time_point now) {
  if (!hasPin() || check_.valid() || lockout_.locked(now)) {
    std::fill(pin.begin(), pin.end(), '\0');
    pin.clear();
    return;
  }
  // The PIN moves into the worker, which wipes it when the check is done.
  check_ = std::async(std::launch::async, [hash = pinHash_, typed = std::move(pin), wake = wakeUi_]() mutable {
    const bool right = services::verifyAdminPin(hash, typed);
    std::fill(typed.begin(), typed.end(), '\0');
    if (wake) wake();
    return right;
  });
  pin.clear();
}

AdminMode::Verdict AdminMode::poll(Clock::time_point now) {
  if (!check_.valid() || check_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return Verdict::None;
  const bool right = check_.get();
  lastWrong_ = !right;
  if (right) lockout_.rightPin();
  else lockout_.wrongPin(now);
  return right ? Verdict::Right : Verdict::Wrong;
}

void AdminMode::describe(screens::AdminView& view, Clock::time_point now, const std::string& lockedUntilText) const {
  using Pad = screens::AdminView::Pad;
  view.triesLeft = lockout_.triesLeft(now);
  view.lockedUntil.clear();
  if (!hasPin()) view.pad = Pad::NoPin;
  else if (check_.valid()) view.pad = Pad::Checking;
  else if (lockout_.locked(now)) view.pad = Pad::Locked, view.lockedUntil = lockedUntilText;
  else view.pad = lastWrong_ ? Pad::Wrong : Pad::Ready;
}

}  // namespace kiosk::app
