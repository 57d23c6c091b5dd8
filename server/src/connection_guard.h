#pragma once
// Bounds on what a client can hold without sending a request: open connections per address, and
// the time from accepting a connection (or finishing the last answer on it) to a complete request
// line and headers. cpp-httplib 0.11.4 bounds only each single read, so a client trickling one
// byte at a time, or many clients that never start TLS, could hold every worker.
//
// It hooks into OpenSSL rather than into cpp-httplib's (private) connection handling: the info
// callback sees every TLS handshake start in the worker that serves the connection, before any
// byte is read, and the SSL object's ex_data is freed when cpp-httplib is done with it.

#include <openssl/ssl.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace jobcenter {

struct ConnectionLimits {
  int maxPerAddress = 16;        // 0: no limit
  int headerTimeoutMs = 5000;
  int keepAliveSeconds = 5;      // an idle kept-alive connection gets this plus headerTimeoutMs
};

class ConnectionGuard {
 public:
  explicit ConnectionGuard(ConnectionLimits limits);
  ~ConnectionGuard();
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  // Installs the callbacks on the server's SSL_CTX; the guard must outlive every connection.
  void attach(SSL_CTX& ctx);

  // A request's headers are in: its connection's deadline stops until the answer is written.
  void headersArrived(const std::string& address, int port);
  // The answer is written: close the connection now if asked, else wait for the next request.
  void answered(const std::string& address, int port);
  // Close this connection once its answer is written (e.g. its body was refused unread).
  void closeAfterAnswer(const std::string& address, int port);

 private:
  using Clock = std::chrono::steady_clock;
  struct Connection {
    int fd = -1;
    std::string address;
    Clock::time_point deadline;
    bool closeAfterAnswer = false, cut = false;
  };
  static int ticketIndex();
  static void onInfo(const SSL* ssl, int where, int ret);
  static void onFree(void* parent, void* ptr, CRYPTO_EX_DATA* ad, int index, long argl, void* argp);
  void opened(SSL* ssl);
  void closed(const std::string& key);
  void reap();

  ConnectionLimits limits_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, Connection> open_;  // by "address:port"
  std::map<std::string, int> perAddress_;
  bool stopping_ = false;
  std::thread reaper_;
};

}  // namespace jobcenter
