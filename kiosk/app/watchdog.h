#pragma once
// When the kiosk tells systemd it is alive. A kiosk that no longer draws, or whose network
// worker is stuck, must be restarted: so WATCHDOG=1 is sent only right after a frame was drawn
// and presented, and only when the network worker answered since the last ping. The main loop
// draws a frame at least every third of the interval, even on a still screen, so a healthy
// kiosk pings in time and a hung one (GL, the UI thread, the worker) does not.

#include <chrono>
#include <functional>
#include <optional>

#include "kiosk/app/service_notify.h"

namespace kiosk::app {

class Watchdog {
 public:
  using Clock = std::chrono::steady_clock;
  // networkAlive: whether the network worker made a pass since it was last asked (no worker: true).
  Watchdog(const ServiceNotifier& notifier, std::function<bool()> networkAlive);

  // After the first frame was presented: READY=1 (once).
  void ready();
  // After each frame presented. Sends WATCHDOG=1 when one is due and the network is alive.
  void frameDrawn(Clock::time_point now);
  // When the main loop must draw a frame at the latest, so the next ping is in time; none: no watchdog.
  std::optional<Clock::time_point> frameDue() const;
  void stopping();
  int pingsSent() const { return pings_; }

 private:
  const ServiceNotifier& notifier_;
  std::function<bool()> networkAlive_;
  std::optional<Clock::duration> every_;
  Clock::time_point lastPing_{};
  bool ready_ = false, networkSilentLogged_ = false;
  int pings_ = 0;
};

}  // namespace kiosk::app
