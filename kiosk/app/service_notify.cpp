#include "kiosk/app/service_notify.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace kiosk::app {

ServiceNotifier ServiceNotifier::fromEnvironment() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  if (!socket || !*socket) return {};
  std::optional<std::chrono::microseconds> watchdog;
  if (const char* usec = std::getenv("WATCHDOG_USEC")) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(usec, &end, 10);
    if (end && *end == '\0' && value > 0) watchdog = std::chrono::microseconds(value);
  }
  return ServiceNotifier(socket, watchdog);
}

bool ServiceNotifier::send(std::string_view message) const {
  if (socket_.empty()) return false;
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socket_.size() >= sizeof address.sun_path) return false;
  std::memcpy(address.sun_path, socket_.data(), socket_.size());
  // An abstract socket's name starts with a NUL byte where NOTIFY_SOCKET says '@'.
  if (address.sun_path[0] == '@') address.sun_path[0] = '\0';
  const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socket_.size());
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const auto sent = ::sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address), length);
  ::close(fd);
  return sent == static_cast<ssize_t>(message.size());
}

}  // namespace kiosk::app
