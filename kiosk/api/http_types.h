#pragma once
// The generic HTTP layer's vocabulary: a request, and what became of it — transport outcome and
// HTTP status in one result, so the typed API above can tell "never sent" from "may have arrived".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::api {

enum class Transport {
  Ok,                // an HTTP response arrived (any status)
  Offline,           // no connection could be made: nothing was sent
  Timeout,           // no complete answer in time: the request may have arrived
  ConnectionLost,    // reset, empty reply or a reply cut off: the request may have arrived
  CertificateRefused,  // the server's certificate or key pin did not check out: an incident, never retried
  TlsFailed,         // no acceptable TLS (old protocol, client certificate refused): never retried
  TooLarge,          // the reply exceeded the size limit
  Cancelled,         // the session ended or the app cancelled it
  Refused,           // not sent: a URL this client will not use (plain http off loopback, …)
};

struct HttpRequest {
  std::string method = "GET";
  std::string path;  // below the configured base URL, e.g. /api/v1/slots?limit=5
  std::string body;
  std::string contentType;  // set with a body
  std::string bearerToken;
  // Writes carry one key, created when the citizen confirmed and reused on every retry; a
  // request without one is only repeated if it is safe to repeat (GET).
  std::string idempotencyKey;
  std::chrono::milliseconds budget{20000};  // all attempts together
};

struct HttpResult {
  Transport transport = Transport::Ok;
  long status = 0;  // HTTP status when transport == Ok
  std::string body;
  std::string contentType;
  bool mayHaveArrived = false;  // a failed write whose outcome is unknown
  int attempts = 0;
  std::string detail;  // for operators (never shown to citizens, never holds request data)

  bool ok() const { return transport == Transport::Ok && status >= 200 && status < 300; }
};

}  // namespace kiosk::api
