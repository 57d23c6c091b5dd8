#pragma once
// The generic HTTPS layer: libcurl's multi interface on one worker thread, so the UI thread never
// waits on the network. Requests belong to a session; results come back as callbacks the UI
// thread runs in drain() at the start of a frame, and a result for a session that has ended is
// dropped. TLS is verified always, with optional key pins and a client certificate; retries
// follow RetryPolicy within each request's time budget.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/api/http_types.h"
#include "kiosk/api/retry_policy.h"

namespace kiosk::api {

struct TlsSettings {
  std::string caPem;                 // the CA(s) to trust, PEM; or
  std::string caFile;                // a CA bundle file
  std::vector<std::string> pins;     // "sha256//<base64>" of the server key: current and backup
  std::string clientCertificatePem;  // the kiosk's identity, if the jobcenter uses client certificates
  std::string clientKeyPem;
  // Development only: allow plain http, and only to a loopback address.
  bool allowPlainHttpToLoopback = false;
};

struct ClientConfig {
  std::string baseUrl;  // https://booking.jobcenter.example
  std::string kioskId;
  TlsSettings tls;
  std::chrono::milliseconds connectTimeout{5000};
  std::chrono::milliseconds attemptTimeout{10000};
  long lowSpeedBytesPerSecond = 64;  // slower than this for lowSpeedTime is a dead connection
  std::chrono::seconds lowSpeedTime{8};
  size_t maxResponseBytes = 1u << 20;
  RetryPolicy retry;
};

using SessionId = uint64_t;
// Requests that must outlive the session that made them (the logout sent as it ends): never
// cancelled by cancelSession. Sessions are numbered from 1.
inline constexpr SessionId kDetachedSession = 0;

class HttpClient {
 public:
  using Callback = std::function<void(const HttpResult&)>;

  // wakeUi is called from the worker when a result is ready (e.g. Window::wake).
  HttpClient(ClientConfig config, std::function<void()> wakeUi);
  ~HttpClient();  // cancels everything and joins the worker
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  void submit(SessionId session, HttpRequest request, Callback done);
  // Aborts the session's transfers and drops their results. (UI thread.)
  void cancelSession(SessionId session);
  // Runs the callbacks of finished requests; returns how many ran. (UI thread.)
  int drain();
  bool busy() const;  // requests in flight or results waiting
  // Requests not yet answered (results waiting for drain() not counted). A test that needs every
  // answer in before its next frame, so that a seeded run replays exactly, waits for 0. (Any thread.)
  int unanswered() const;
  // Cancelled sessions the worker has not yet acted on: 0 once it has had a pass. Cancellations
  // are forgotten once acted on, so this stays small however many sessions the kiosk has served.
  size_t cancellationsPending() const;
  // For the watchdog: whether the worker made a pass since the call before (true on the first
  // call); each call asks it for another. A worker stuck for longer than the time between two
  // calls answers false. (UI thread.)
  bool checkAlive();
  // When a request last had a 2xx answer (any thread); none: never yet.
  std::optional<std::chrono::system_clock::time_point> lastSuccess() const;

  const ClientConfig& config() const;
  // When the server's certificate expires, as the last new TLS handshake showed it; nothing
  // until one has been made. (Any thread.)
  std::optional<std::chrono::system_clock::time_point> serverCertificateExpires() const;

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

}  // namespace kiosk::api
