#include "kiosk/api/retry_policy.h"

#include <algorithm>

namespace kiosk::api {

bool safeToRepeat(const HttpRequest& request) {
  // DELETE (only ever of the citizen's own registration) is idempotent by nature: repeating it leaves the same state.
  return request.method == "GET" || request.method == "DELETE" || !request.idempotencyKey.empty();
}

bool RetryPolicy::shouldRetry(const HttpRequest& request, const HttpResult& result) const {
  if (result.attempts >= maxAttempts) return false;
  switch (result.transport) {
    case Transport::Offline: return true;  // nothing was sent
    case Transport::Timeout:
    case Transport::ConnectionLost: return safeToRepeat(request);
    case Transport::Ok: break;
    default: return false;  // certificate, TLS, size, refusal, cancellation: trying again changes nothing
  }
  switch (result.status) {
    case 429: return true;  // the server asked us to wait; nothing was done
    case 502:
    case 503:
    case 504: return safeToRepeat(request);
    case 409:
      // The first try with this key is still running at the server: ask again to learn its outcome.
      return !request.idempotencyKey.empty() && result.body.find("idempotency-in-progress") != std::string::npos;
    default: return false;
  }
}

std::chrono::milliseconds RetryPolicy::delay(int attempt, std::optional<std::chrono::seconds> retryAfter, std::mt19937& random) const {
  if (retryAfter) {
    return std::min<std::chrono::milliseconds>(std::chrono::duration_cast<std::chrono::milliseconds>(*retryAfter), cap * 4);
  }
  const int doublings = std::clamp(attempt - 1, 0, 20);
  const auto ceiling = std::min<long long>(cap.count(), base.count() << doublings);
  std::uniform_int_distribution<long long> jitter(0, ceiling);
  return std::chrono::milliseconds(jitter(random));
}

}  // namespace kiosk::api
