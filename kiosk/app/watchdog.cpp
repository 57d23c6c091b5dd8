#include "kiosk/app/watchdog.h"

#include <iostream>

namespace kiosk::app {

Watchdog::Watchdog(const ServiceNotifier& notifier, std::function<bool()> networkAlive)
    : notifier_(notifier), networkAlive_(std::move(networkAlive)) {
  // A third of the interval: two chances to ping before systemd gives up on the kiosk.
  if (const auto interval = notifier.watchdogInterval()) every_ = std::chrono::duration_cast<Clock::duration>(*interval) / 3;
}

void Watchdog::ready() {
  if (ready_) return;
  ready_ = true;
  if (notifier_.enabled()) notifier_.send("READY=1\nSTATUS=drawing frames");
  lastPing_ = Clock::now();
}

void Watchdog::frameDrawn(Clock::time_point now) {
  if (!ready_ || !every_ || now - lastPing_ < *every_) return;
  // Asked once per due ping: the worker has had a whole period to answer the question before.
  if (!networkAlive_()) {
    if (!networkSilentLogged_) std::cerr << "kiosk: watchdog: the network worker has not answered; not telling systemd the kiosk is alive\n";
    networkSilentLogged_ = true;
    lastPing_ = now;  // ask the worker again in a period, not on every frame
    return;
  }
  networkSilentLogged_ = false;
  lastPing_ = now;
  if (notifier_.send("WATCHDOG=1")) ++pings_;
}

std::optional<Watchdog::Clock::time_point> Watchdog::frameDue() const {
  if (!ready_ || !every_) return std::nullopt;
  return lastPing_ + *every_;
}

void Watchdog::stopping() {
  if (notifier_.enabled()) notifier_.send("STOPPING=1");
}

}  // namespace kiosk::app
