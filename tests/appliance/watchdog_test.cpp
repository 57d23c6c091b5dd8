// systemd's readiness and watchdog, on a socket the test owns: the notification protocol spoken
// by the kiosk's own code, the rule for when WATCHDOG=1 may be sent, and the real kiosk program
// telling a service manager it is ready and alive.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <thread>

#include "kiosk/api/http_client.h"
#include "kiosk/app/service_notify.h"
#include "kiosk/app/watchdog.h"
#include "notify_socket.h"

using namespace kiosk::app;
using namespace std::chrono_literals;
using kiosk::test::NotifySocket;
using kiosk::test::Process;

namespace {

std::filesystem::path socketPath(const std::string& name) {
  return std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".sock");
}

}  // namespace

TEST_CASE("watchdog: a message reaches the socket NOTIFY_SOCKET names, as one datagram") {
  NotifySocket socket(socketPath("notify-one"));
  REQUIRE(socket.bound());
  const ServiceNotifier notifier(socket.path().string(), 30s);
  CHECK(notifier.enabled());
  CHECK(notifier.send("READY=1\nSTATUS=drawing frames"));
  CHECK(socket.receive(1s) == "READY=1\nSTATUS=drawing frames");
}

TEST_CASE("watchdog: without NOTIFY_SOCKET nothing is sent and nothing fails") {
  const ServiceNotifier notifier;
  CHECK_FALSE(notifier.enabled());
  CHECK_FALSE(notifier.send("READY=1"));
  Watchdog watchdog(notifier, [] { return true; });
  watchdog.ready();
  watchdog.frameDrawn(Watchdog::Clock::now() + 1h);
  CHECK_FALSE(watchdog.frameDue());
}

TEST_CASE("watchdog: WATCHDOG=1 only after READY=1, a third of the interval apart, and only while the network worker answers") {
  NotifySocket socket(socketPath("notify-rule"));
  REQUIRE(socket.bound());
  const ServiceNotifier notifier(socket.path().string(), 30s);
  bool networkAlive = true;
  Watchdog watchdog(notifier, [&] { return networkAlive; });
  const auto start = Watchdog::Clock::now();

  watchdog.frameDrawn(start + 20s);  // not ready yet: no ping
  CHECK_FALSE(socket.receive(50ms));
  watchdog.ready();
  CHECK(socket.receive(1s) == "READY=1\nSTATUS=drawing frames");
  REQUIRE(watchdog.frameDue());
  const auto due = *watchdog.frameDue();
  CHECK(due - start >= 9s);
  CHECK(due - start <= 11s);

  watchdog.frameDrawn(due - 1s);  // too soon after the last
  CHECK_FALSE(socket.receive(50ms));
  watchdog.frameDrawn(due);
  CHECK(socket.receive(1s) == "WATCHDOG=1");

  networkAlive = false;  // a stuck network worker: frames go on, pings stop
  watchdog.frameDrawn(due + 10s);
  watchdog.frameDrawn(due + 20s);
  CHECK_FALSE(socket.receive(50ms));
  networkAlive = true;
  watchdog.frameDrawn(due + 30s);
  CHECK(socket.receive(1s) == "WATCHDOG=1");
  CHECK(watchdog.pingsSent() == 2);
}

TEST_CASE("watchdog: the HTTPS client's worker answers the liveness question between two asks") {
  kiosk::api::ClientConfig config;
  config.baseUrl = "https://127.0.0.1:9";
  kiosk::api::HttpClient client(config, [] {});
  CHECK(client.checkAlive());  // the first ask: nothing asked before
  bool answered = false;
  for (int i = 0; i < 100 && !answered; ++i) {
    std::this_thread::sleep_for(10ms);
    answered = client.checkAlive();
  }
  CHECK(answered);
  CHECK_FALSE(client.lastSuccess());  // nothing was asked of any server
}

TEST_CASE("watchdog: the real kiosk sends READY=1 after its first frame, then WATCHDOG=1 while it draws") {
  NotifySocket socket(socketPath("notify-kiosk"));
  REQUIRE(socket.bound());
  // The environment systemd gives the service's processes; WATCHDOG_PID is cage's under cage,
  // so it is set to another process here and the kiosk must still ping.
  Process kiosk({KIOSK_PROGRAM, "--demo", "--backend", "headless"},
                {"NOTIFY_SOCKET=" + socket.path().string(), "WATCHDOG_USEC=600000", "WATCHDOG_PID=1"});
  REQUIRE(kiosk.started());
  std::vector<std::string> messages;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  int pings = 0;
  while (pings < 3 && std::chrono::steady_clock::now() < deadline) {
    if (auto message = socket.receive(1s)) {
      messages.push_back(*message);
      if (*message == "WATCHDOG=1") ++pings;
    }
  }
  REQUIRE(messages.size() >= 4);
  CHECK(messages.front() == "READY=1\nSTATUS=drawing frames");
  CHECK(pings == 3);
  CHECK(kiosk.running());
}
