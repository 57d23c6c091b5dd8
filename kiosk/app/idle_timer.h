#pragma once
// How long a citizen may stand still. After `timeout` with no touch the citizen is taken to have
// left (Event::IdleTimeout in the flow table); the last `warning` of it asks "do you need more
// time?" with a countdown. A citizen with staff beside them, or listening to the screen, gets
// longer (WCAG 2.2.1: timing adjustable).

#include <chrono>
#include <optional>

namespace kiosk::app {

// The warning comes this long before the idle timeout (at least 20 s: WCAG 2.2.1), or half the
// timeout when that is shorter.
inline constexpr std::chrono::seconds kIdleWarning{30};
// How long a citizen who called staff may wait without touching the screen: generous, as a busy
// reception may take a while; past it "more time?" asks as usual.
inline constexpr std::chrono::seconds kStaffWait{15 * 60};

class IdleTimer {
 public:
  using Clock = std::chrono::steady_clock;

  // warning: how long "do you need more time?" counts down (the configuration's idle warning).
  explicit IdleTimer(std::chrono::seconds base, std::chrono::seconds warning = kIdleWarning) : base_(base), warning_(warning) {}

  // What stretches the time: staff assisting (three times), speech mode on (twice), and a
  // citizen told "stay here, someone is coming" (kStaffWait at least: nobody is timed out
  // while they wait for the staff they called).
  struct Needs {
    bool assisted = false, listening = false, waitingForStaff = false;
  };

  void touched(Clock::time_point now) { lastInput_ = now; }  // a touch, a key, "yes, more time"
  Clock::time_point lastInput() const { return lastInput_; }

  std::chrono::seconds timeout(Needs needs) const;
  std::chrono::seconds warning(Needs needs) const;
  Clock::duration left(Clock::time_point now, Needs needs) const { return lastInput_ + timeout(needs) - now; }
  bool asking(Clock::time_point now, Needs needs) const { return left(now, needs) <= warning(needs); }
  bool expired(Clock::time_point now, Needs needs) const { return left(now, needs) <= Clock::duration::zero(); }
  // Whole seconds left, as the countdown says them (at least 1 while asking).
  int secondsLeft(Clock::time_point now, Needs needs) const;
  // When a frame is next needed: when the warning starts, then every second of the countdown.
  Clock::time_point nextWakeup(Clock::time_point now, Needs needs) const;

 private:
  std::chrono::seconds base_;
  std::chrono::seconds warning_;
  Clock::time_point lastInput_{};
};

}  // namespace kiosk::app
