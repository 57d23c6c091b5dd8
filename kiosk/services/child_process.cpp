// [SECTION] Index: helpers, spawning, the wait loop, reaping.

#include "kiosk/services/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

extern char** environ;

namespace kiosk::services {
namespace {

using Clock = std::chrono::steady_clock;

// [SECTION] Helpers

int millisecondsLeft(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

// Blocks SIGPIPE on this thread for its lifetime and consumes any it raised.
class SigpipeBlocked {
 public:
  SigpipeBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  ~SigpipeBlocked() {
    const timespec zero{0, 0};
    while (sigtimedwait(&pipe_, nullptr, &zero) == SIGPIPE) {
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeBlocked(const SigpipeBlocked&) = delete;
  SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

 private:
  sigset_t pipe_, previous_;
};

// Appends without leaving a copy behind in a freed buffer when the vector grows.
void appendWiping(std::vector<uint8_t>& to, const uint8_t* data, size_t size) {
  if (to.size() + size > to.capacity()) {
    std::vector<uint8_t> bigger;
    bigger.reserve(std::max(to.capacity() * 2, to.size() + size));
    bigger.assign(to.begin(), to.end());
    wipeBytes(to);
    to.swap(bigger);
  }
  to.insert(to.end(), data, data + size);
}

ChildOutcome failure(std::string why) {
  ChildOutcome outcome;
  outcome.status = ChildOutcome::Status::Failed;
  outcome.diagnostic = std::move(why);
  return outcome;
}

}  // namespace

void Fd::reset() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

void wipeBytes(std::vector<uint8_t>& bytes) {
  if (!bytes.empty()) explicit_bzero(bytes.data(), bytes.size());
  bytes.clear();
}

void wipeString(std::string& text) {
  if (!text.empty()) explicit_bzero(text.data(), text.size());
  text.clear();
}

std::optional<std::string> findProgram(const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (name.find('/') != std::string::npos) {
    if (access(name.c_str(), X_OK) == 0) return name;
    return std::nullopt;
  }
  const char* path = getenv("PATH");
  const std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    const size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      const std::string candidate = dir + "/" + name;
      if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

// [SECTION] Spawning

ChildOutcome runChild(const std::string& program, const std::vector<std::string>& args, std::string_view input,
                      const ChildLimits& limits, int cancelFd, const std::function<bool()>& stillWanted) {
  const auto deadline = Clock::now() + limits.timeout;
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0) return failure(std::string("no pipe: ") + strerror(errno));
  Fd inRead(in[0]), inWrite(in[1]);
  if (pipe2(out, O_CLOEXEC) != 0) return failure(std::string("no pipe: ") + strerror(errno));
  Fd outRead(out[0]), outWrite(out[1]);
  if (pipe2(err, O_CLOEXEC) != 0) return failure(std::string("no pipe: ") + strerror(errno));
  Fd errRead(err[0]), errWrite(err[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, inRead.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, outWrite.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, errWrite.get(), 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, pipeSignal;
  sigemptyset(&none);
  sigemptyset(&pipeSignal);
  sigaddset(&pipeSignal, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);  // a worker thread's blocked signals are not the child's
  posix_spawnattr_setsigdefault(&attr, &pipeSignal);
  posix_spawnattr_setpgroup(&attr, 0);  // its own group: kill(-pid) ends it and anything it started
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  std::vector<std::string> argvStrings;
  argvStrings.reserve(args.size() + 1);
  argvStrings.push_back(program);
  argvStrings.insert(argvStrings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argvStrings) argv.push_back(arg.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return failure("cannot start " + program + ": " + strerror(spawned));
  inRead.reset();
  outWrite.reset();
  errWrite.reset();

  // [SECTION] The wait loop

  SigpipeBlocked sigpipeBlocked;
  fcntl(inWrite.get(), F_SETFL, O_NONBLOCK);
  fcntl(outRead.get(), F_SETFL, O_NONBLOCK);
  fcntl(errRead.get(), F_SETFL, O_NONBLOCK);

  ChildOutcome outcome;
  outcome.out.reserve(std::min<size_t>(limits.maxOutput, 1u << 20));
  std::string errors;
  size_t written = 0;
  if (input.empty()) inWrite.reset();
  std::optional<ChildOutcome::Status> endedEarly;

  // Returns false when the child's stream has closed.
  auto drain = [&](Fd& fd, bool isStdout) {
    uint8_t buffer[16384];
    for (;;) {
      const ssize_t n = read(fd.get(), buffer, sizeof buffer);
      if (n > 0) {
        if (isStdout) {
          if (outcome.out.size() + static_cast<size_t>(n) > limits.maxOutput) {
            endedEarly = ChildOutcome::Status::TooMuchOutput;
            explicit_bzero(buffer, sizeof buffer);
            return;
          }
          appendWiping(outcome.out, buffer, static_cast<size_t>(n));
        } else if (errors.size() < 4096) {
          errors.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
        }
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      fd.reset();  // end of stream, or an error: either way it is over
      break;
    }
    explicit_bzero(buffer, sizeof buffer);
  };

  while (!endedEarly && (outRead.open() || errRead.open())) {
    pollfd fds[4];
    nfds_t count = 0;
    const nfds_t cancelAt = count;
    fds[count++] = {cancelFd, POLLIN, 0};
    const nfds_t outAt = outRead.open() ? count : 99;
    if (outRead.open()) fds[count++] = {outRead.get(), POLLIN, 0};
    const nfds_t errAt = errRead.open() ? count : 99;
    if (errRead.open()) fds[count++] = {errRead.get(), POLLIN, 0};
    const nfds_t inAt = inWrite.open() ? count : 99;
    if (inWrite.open()) fds[count++] = {inWrite.get(), POLLOUT, 0};

    const int left = millisecondsLeft(deadline);
    const int ready = left == 0 ? 0 : poll(fds, count, left);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      endedEarly = ChildOutcome::Status::TimedOut;
      break;
    }
    if (fds[cancelAt].revents & POLLIN) {
      uint64_t signalled;
      while (read(cancelFd, &signalled, sizeof signalled) > 0) {
      }
      if (!stillWanted()) {
        endedEarly = ChildOutcome::Status::Cancelled;
        break;
      }
    }
    if (inAt != 99 && fds[inAt].revents) {
      if (fds[inAt].revents & POLLOUT) {
        const ssize_t n = write(inWrite.get(), input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) inWrite.reset();
      } else {
        inWrite.reset();  // it closed its stdin: its exit status will say why
      }
    }
    if (outAt != 99 && fds[outAt].revents) drain(outRead, true);
    if (!endedEarly && errAt != 99 && fds[errAt].revents) drain(errRead, false);
  }
  inWrite.reset();
  outRead.reset();
  errRead.reset();

  // [SECTION] Reaping

  int status = 0;
  if (!endedEarly) {
    // Both streams are closed: it is exiting. Wait for that, still cancellable and bounded.
    for (;;) {
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) break;
      if (done < 0 && errno != EINTR) return failure(std::string("lost the child: ") + strerror(errno));
      pollfd cancel{cancelFd, POLLIN, 0};
      const int left = millisecondsLeft(deadline);
      if (left == 0) {
        endedEarly = ChildOutcome::Status::TimedOut;
        break;
      }
      if (poll(&cancel, 1, std::min(left, 5)) > 0) {
        uint64_t signalled;
        while (read(cancelFd, &signalled, sizeof signalled) > 0) {
        }
        if (!stillWanted()) {
          endedEarly = ChildOutcome::Status::Cancelled;
          break;
        }
      }
    }
  }
  if (endedEarly) {
    // Still unreaped, so the group id cannot have been reused.
    kill(-pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    wipeBytes(outcome.out);
    outcome.status = *endedEarly;
    return outcome;
  }
  if (WIFEXITED(status)) {
    outcome.status = ChildOutcome::Status::Exited;
    outcome.exitCode = WEXITSTATUS(status);
    outcome.inputTaken = written;
    std::string line = errors.substr(0, errors.find('\n'));
    if (line.size() > 200) line.resize(200);
    outcome.diagnostic = std::move(line);
    return outcome;
  }
  wipeBytes(outcome.out);
  return failure(program + " died of signal " + std::to_string(WTERMSIG(status)));
}

}  // namespace kiosk::services
