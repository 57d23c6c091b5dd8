#pragma once
// What systemd does for a service, done by a test: a datagram socket of its own that the kiosk is
// told about in NOTIFY_SOCKET, and the kiosk program started with that environment.

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

extern char** environ;

namespace kiosk::test {

class NotifySocket {
 public:
  explicit NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
    std::filesystem::remove(path_);
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
    bound_ = fd_ >= 0 && ::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  }
  ~NotifySocket() {
    if (fd_ >= 0) ::close(fd_);
    std::filesystem::remove(path_);
  }
  bool bound() const { return bound_; }
  const std::filesystem::path& path() const { return path_; }

  // The next datagram, or none within the time.
  std::optional<std::string> receive(std::chrono::milliseconds within) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(within.count())) != 1) return std::nullopt;
    char buffer[4096];
    const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<size_t>(n));
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  bool bound_ = false;
};

// A program run in the background with extra environment; ended (SIGTERM) when it goes.
class Process {
 public:
  Process(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnvironment) {
    std::vector<std::string> env(extraEnvironment);
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    started_ = ::posix_spawn(&pid_, args[0], nullptr, nullptr, args.data(), envp.data()) == 0;
  }
  ~Process() {
    if (!started_) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  bool started() const { return started_; }
  bool running() {
    int status = 0;
    return started_ && ::waitpid(pid_, &status, WNOHANG) == 0;
  }

 private:
  pid_t pid_ = -1;
  bool started_ = false;
};

}  // namespace kiosk::test
