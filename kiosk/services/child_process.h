#pragma once
// Runs a helper program (espeak-ng, lp) as a child process: input on its stdin — never on its
// command line, where `ps` would show it — and its stdout collected in memory, never on disk.
// The caller's thread waits; another thread can cut the wait short through a cancel fd. Used by
// the speech worker (espeak-ng) and the receipt printer (lp); nothing here is logged.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::services {

// A file descriptor that is closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void reset();

 private:
  int fd_ = -1;
};

struct ChildLimits {
  std::chrono::milliseconds timeout{10000};  // from start to exit
  size_t maxOutput = 32u << 20;              // bytes on stdout
};

struct ChildOutcome {
  enum class Status { Exited, Cancelled, TimedOut, TooMuchOutput, Failed };
  Status status = Status::Failed;
  int exitCode = -1;          // Exited: the exit status
  size_t inputTaken = 0;      // bytes of input that went into its stdin (less: it stopped reading)
  std::vector<uint8_t> out;   // what it wrote on stdout (wipe it when done: it may be a citizen's)
  std::string diagnostic;     // Exited: the first line of its stderr; Failed: why it did not run
};

// Starts program (a path) with args in a process group of its own, so that a kill reaches
// anything it started; writes input to its stdin and closes it; reads its stdout and stderr
// until it exits. Returns early — the group killed with SIGKILL and the child reaped, so no
// process of it is left — on the timeout, when stdout passes maxOutput, or when cancelFd becomes
// readable (it is read empty: an eventfd or a non-blocking pipe) and stillWanted() says false.
// A cancelFd of -1 means nobody cancels: only the limits end it early (stillWanted is not called).
// SIGPIPE is blocked on the calling thread meanwhile: a child that quits early fails the write.
ChildOutcome runChild(const std::string& program, const std::vector<std::string>& args, std::string_view input,
                      const ChildLimits& limits, int cancelFd, const std::function<bool()>& stillWanted);

// The program's path: name itself if it holds a '/', else the first executable on PATH.
std::optional<std::string> findProgram(const std::string& name);

// Overwrites with zeros, then empties (buffers that held a citizen's words or their sound).
void wipeBytes(std::vector<uint8_t>& bytes);
void wipeString(std::string& text);

}  // namespace kiosk::services
