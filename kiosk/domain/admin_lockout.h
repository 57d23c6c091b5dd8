#pragma once
// The admin PIN pad's guard against guessing at the kiosk: five wrong PINs in a row lock the pad
// for five minutes. A right PIN forgets the wrong ones. Times are the app's clock (steady), so a
// scripted run can let the five minutes pass.

#include <chrono>
#include <optional>

namespace kiosk::domain {

class AdminLockout {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kMaxWrong = 5;
  static constexpr std::chrono::minutes kLockedFor{5};

  void wrongPin(Clock::time_point now);
  void rightPin() { wrong_ = 0, lockedUntil_.reset(); }
  bool locked(Clock::time_point now) const { return lockedUntil_ && now < *lockedUntil_; }
  // When the pad opens again, while it is locked.
  std::optional<Clock::time_point> lockedUntil(Clock::time_point now) const { return locked(now) ? lockedUntil_ : std::nullopt; }
  int triesLeft(Clock::time_point now) const {
    if (locked(now)) return 0;
    return lockedUntil_ ? kMaxWrong : kMaxWrong - wrong_;  // a lock that ran out gives five new tries
  }

 private:
  int wrong_ = 0;
  std::optional<Clock::time_point> lockedUntil_;
};

}  // namespace kiosk::domain
