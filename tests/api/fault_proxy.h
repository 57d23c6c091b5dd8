#pragma once
// A small HTTP proxy for fault injection between the kiosk's client (plain http on loopback, the
// client's development mode) and the reference server (https). Each request takes the next
// planned fault; with none planned it passes the request through unchanged.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

enum class Fault {
  PassThrough,
  Delay,                 // wait delayMs, then pass through
  ResetBeforeForwarding, // the request never reaches the server; the client sees a reset
  ResetAfterForwarding,  // the server handles it; the client sees a reset instead of the answer
  CutResponseHalfway,    // the server handles it; the client gets half the answer, then EOF
  Busy503,               // answer 503 with Retry-After: 1 without forwarding
  Html500,               // answer 500 with an HTML page without forwarding
  InvalidJsonAfterForwarding,  // the server handles it; the client gets 200 with broken JSON
};

class FaultProxy {
 public:
  FaultProxy(std::string upstreamHost, int upstreamPort, std::string upstreamCaPem);
  ~FaultProxy();
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  void plan(std::vector<Fault> faults);
  int delayMs = 0;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int requestsSeen() const;

 private:
  void acceptLoop();
  void serve(int client);
  Fault next();

  std::string upstreamHost_, upstreamCaPem_;
  int upstreamPort_;
  int listener_ = -1;
  int port_ = 0;
  bool stopping_ = false;
  std::thread acceptor_;
  std::vector<std::thread> workers_;
  mutable std::mutex mutex_;
  std::deque<Fault> plan_;
  int seen_ = 0;
};
