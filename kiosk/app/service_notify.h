#pragma once
// systemd's notification protocol (sd_notify(3)), spoken directly: one datagram per message to
// the AF_UNIX socket named in NOTIFY_SOCKET ("@..." is the abstract namespace). The protocol is
// documented and stable, and speaking it ourselves keeps libsystemd out of the kiosk. Under cage
// systemd's main process is cage, not the kiosk: the unit says NotifyAccess=all, and the
// watchdog interval is read from WATCHDOG_USEC without the WATCHDOG_PID check that makes
// sd_watchdog_enabled() answer 0 in cage's child.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::app {

class ServiceNotifier {
 public:
  // Not under a service manager: every send does nothing and says so.
  ServiceNotifier() = default;
  ServiceNotifier(std::string socketName, std::optional<std::chrono::microseconds> watchdog)
      : socket_(std::move(socketName)), watchdog_(watchdog) {}
  // NOTIFY_SOCKET and WATCHDOG_USEC from the environment.
  static ServiceNotifier fromEnvironment();

  bool enabled() const { return !socket_.empty(); }
  // How often systemd wants to hear WATCHDOG=1 at the latest; none: no watchdog.
  std::optional<std::chrono::microseconds> watchdogInterval() const { return watchdog_; }
  // One message ("READY=1", "WATCHDOG=1", "STATUS=..."); false when it could not be sent.
  bool send(std::string_view message) const;

 private:
  std::string socket_;
  std::optional<std::chrono::microseconds> watchdog_;
};

}  // namespace kiosk::app
