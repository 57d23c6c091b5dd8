#pragma once
// jobcenter-sim as its own process, for the flow suite's second run: started with a free port,
// its stdout read until it says where it listens and its key's pin, stopped with SIGTERM. The
// memory scan starts the kiosk program the same way.

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// What a started program finds besides its arguments: variables added to (or replacing those in)
// its environment, and the directory it starts in (empty: ours).
struct ChildSurroundings {
  std::vector<std::pair<std::string, std::string>> environment;
  std::string workingDirectory;
};

class JobcenterSimProcess {
 public:
  JobcenterSimProcess(const std::string& program, const std::vector<std::string>& args, const ChildSurroundings& surroundings = {}) {
    // Everything the child needs is made before fork: after it, only async-signal-safe calls.
    const std::vector<std::string> environment = environmentWith(surroundings.environment);
    std::vector<char*> envp;
    for (const auto& variable : environment) envp.push_back(const_cast<char*>(variable.c_str()));
    envp.push_back(nullptr);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork");
    if (pid_ == 0) {
      // A test killed by its timeout takes the server with it (and so frees ctest's pipes).
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      if (!surroundings.workingDirectory.empty() && ::chdir(surroundings.workingDirectory.c_str()) != 0) ::_exit(126);
      ::execve(program.c_str(), argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(out[1]);
    stdout_ = out[0];
  }
  ~JobcenterSimProcess() {
    stop();
    if (stdout_ >= 0) ::close(stdout_);
  }
  JobcenterSimProcess(const JobcenterSimProcess&) = delete;
  JobcenterSimProcess& operator=(const JobcenterSimProcess&) = delete;

  // The rest of the first line of its output that starts with `prefix` (it prints its address and
  // pin once it listens); throws when it exits or says nothing for `timeout`.
  std::string valueAfter(const std::string& prefix, std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      for (size_t end; (end = buffered_.find('\n')) != std::string::npos;) {
        const std::string line = buffered_.substr(0, end);
        buffered_.erase(0, end + 1);
        if (line.rfind(prefix, 0) == 0) return line.substr(prefix.size());
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      pollfd p{stdout_, POLLIN, 0};
      if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) throw std::runtime_error("jobcenter-sim did not say \"" + prefix + "\"");
      char chunk[4096];
      const ssize_t n = ::read(stdout_, chunk, sizeof chunk);
      if (n <= 0) throw std::runtime_error("jobcenter-sim exited before saying \"" + prefix + "\"");
      buffered_.append(chunk, static_cast<size_t>(n));
    }
  }

  // A signal to the server: SIGSTOP freezes it mid-request, SIGKILL ends it without a goodbye.
  void signal(int sig) { if (pid_ > 0) ::kill(pid_, sig); }
  // After SIGKILL: collected, so that stop() has nothing left to do.
  void reap() {
    if (pid_ <= 0) return;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  // The server going away, as a machine room sees it: SIGTERM, then waited for.
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::kill(pid_, SIGCONT);  // one stopped for inspection ends too
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  pid_t pid() const { return pid_; }
  void forget() { pid_ = -1; }  // it has been waited for elsewhere

 private:
  // Ours, with these variables set (replacing any of the same name).
  static std::vector<std::string> environmentWith(const std::vector<std::pair<std::string, std::string>>& set) {
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
      const std::string variable = *e;
      const std::string name = variable.substr(0, variable.find('='));
      if (std::none_of(set.begin(), set.end(), [&](const auto& s) { return s.first == name; })) out.push_back(variable);
    }
    for (const auto& [name, value] : set) out.push_back(name + "=" + value);
    return out;
  }

  pid_t pid_ = -1;
  int stdout_ = -1;
  std::string buffered_;
};
