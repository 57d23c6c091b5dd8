// Plays systemd's part for a service started by hand: binds a notification socket (NOTIFY_SOCKET
// for the program under test), prints each message it receives, and succeeds once READY=1 and
// then PINGS WATCHDOG=1 messages arrived within SECONDS. Used by tests/package for the installed
// kiosk under cage, which runs as another user: the socket is made writable for it.
// usage: notify_listen SOCKET SECONDS PINGS

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

#include "../appliance/notify_socket.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: notify_listen SOCKET SECONDS PINGS\n");
    return 2;
  }
  kiosk::test::NotifySocket socket(argv[1]);
  if (!socket.bound() || ::chmod(argv[1], 0666) != 0) {
    std::fprintf(stderr, "notify_listen: cannot bind %s\n", argv[1]);
    return 2;
  }
  std::printf("notify_listen: listening on %s\n", argv[1]);
  std::fflush(stdout);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[2]));
  const int wanted = std::atoi(argv[3]);
  bool ready = false;
  int pings = 0;
  while (std::chrono::steady_clock::now() < deadline && (!ready || pings < wanted)) {
    const auto message = socket.receive(std::chrono::milliseconds(500));
    if (!message) continue;
    std::printf("notify_listen: %s\n", message->c_str());
    std::fflush(stdout);
    if (message->rfind("READY=1", 0) == 0) ready = true;
    else if (*message == "WATCHDOG=1" && ready) ++pings;
  }
  if (ready && pings >= wanted) return 0;
  std::fprintf(stderr, "notify_listen: %s, %d of %d watchdog pings\n", ready ? "ready" : "never ready", pings, wanted);
  return 1;
}
