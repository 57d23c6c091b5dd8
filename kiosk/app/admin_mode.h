#pragma once
// The admin PIN's check and its lock-out, for the app shell. The check (Argon2id, a fraction of
// a second) runs on a thread of its own; the app polls it once per frame and the thread wakes
// the window when it is done, so the UI thread never waits on it.

#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <string>

#include "kiosk/domain/admin_lockout.h"
#include "kiosk/screens/admin_view.h"

namespace kiosk::app {

class AdminMode {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kIdleClose{60};  // the admin screens close after this without a touch

  explicit AdminMode(std::function<void()> wakeUi) : wakeUi_(std::move(wakeUi)) {}
  ~AdminMode();
  AdminMode(const AdminMode&) = delete;
  AdminMode& operator=(const AdminMode&) = delete;

  // The configuration's Argon2id hash; empty: admin mode cannot be opened.
  void usePinHash(std::string hash) { pinHash_ = std::move(hash); }

  bool hasPin() const { return !pinHash_.empty(); }
  // Starts checking a typed PIN (ignored while locked or while one is being checked); wipes it.
  void submit(std::string& pin, Clock::time_point now);
  enum class Verdict { None, Right, Wrong };
  // Once per frame: what the check said, the one time it is done.
  Verdict poll(Clock::time_point now);
  bool checking() const { return check_.valid(); }
  // The PIN pad's state, for AdminView. lockedUntilText: the time the pad opens again, as shown.
  void describe(screens::AdminView& view, Clock::time_point now, const std::string& lockedUntilText) const;
  std::optional<Clock::time_point> lockedUntil(Clock::time_point now) const { return lockout_.lockedUntil(now); }
  void leave() { lastWrong_ = false; }  // the pad starts clean next time (the lock-out stays)

 private:
  std::string pinHash_;
  std::function<void()> wakeUi_;
  domain::AdminLockout lockout_;
  std::future<bool> check_;
  bool lastWrong_ = false;
};

}  // namespace kiosk::app
