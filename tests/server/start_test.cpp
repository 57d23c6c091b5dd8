// Starting the reference server either works or says why not, as a result: the kiosk's demo and
// jobcenter-sim print the reason, no exception escapes.

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "require_started.h"

TEST_CASE("a server on a port that is already listening does not start, and says which port", "[no-proxy]") {
  jobcenter::ReferenceServer first(jobcenter::ServerOptions{});
  requireStarted(first);
  jobcenter::ServerOptions options;
  options.port = first.port();
  jobcenter::ReferenceServer second(options);
  const auto started = second.start();
  REQUIRE_FALSE(started.ok());
  CHECK_THAT(started.failure().detail, Catch::Contains("cannot listen on 127.0.0.1:" + std::to_string(first.port())));
  CHECK(second.port() == 0);
}

TEST_CASE("a database path that cannot be opened is a start failure naming the path", "[no-proxy]") {
  jobcenter::ServerOptions options;
  options.databasePath = "/nonexistent-folder-for-this-test/jobcenter.sqlite";
  jobcenter::ReferenceServer server(options);
  const auto started = server.start();
  REQUIRE_FALSE(started.ok());
  CHECK_THAT(started.failure().detail, Catch::Contains("the database cannot be used") && Catch::Contains(options.databasePath));
}

TEST_CASE("a kiosk CA with no certificate in it is a start failure", "[no-proxy]") {
  jobcenter::ServerOptions options;
  options.kioskCaPem = "not a certificate";
  jobcenter::ReferenceServer server(options);
  const auto started = server.start();
  REQUIRE_FALSE(started.ok());
  CHECK(started.failure().detail == "the kiosk CA holds no certificate");
}

namespace {

// The port of a TCP socket's own end (local) or its peer's, or 0.
int portOf(int fd, bool peer) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  if ((peer ? ::getpeername(fd, raw, &length) : ::getsockname(fd, raw, &length)) != 0 || address.sin_family != AF_INET) return 0;
  return ntohs(address.sin_port);
}

// The server's end of a connection from `clientPort`, among this process's descriptors (the
// server runs in it), once it has accepted it; -1 if it does not within two seconds.
int acceptedEnd(int serverPort, int clientPort) {
  for (const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2); std::chrono::steady_clock::now() < deadline;) {
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
      const int fd = std::stoi(entry.path().filename().string());
      if (portOf(fd, false) == serverPort && portOf(fd, true) == clientPort) return fd;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

}  // namespace

// An answer goes out in more than one write (TLS records); with Nagle's algorithm the last one
// waits for the client's delayed acknowledgement, 40 ms (the soak found it, docs/reliability.md).
TEST_CASE("the server's connections send at once, not held back by Nagle's algorithm (TCP_NODELAY)", "[no-proxy]") {
  jobcenter::ReferenceServer server(jobcenter::ServerOptions{});
  requireStarted(server);
  const int client = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(client >= 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(server.port()));
  REQUIRE(::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr) == 1);
  REQUIRE(::connect(client, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0);
  const int serverEnd = acceptedEnd(server.port(), portOf(client, false));
  REQUIRE(serverEnd >= 0);
  int noDelay = 0;
  socklen_t length = sizeof noDelay;
  REQUIRE(::getsockopt(serverEnd, IPPROTO_TCP, TCP_NODELAY, &noDelay, &length) == 0);
  CHECK(noDelay != 0);
  ::close(client);
}
