#pragma once
// When to try again and how long to wait: exponential backoff with full jitter, honouring the
// server's Retry-After. Pure, so the rules are unit-tested without a network.

#include <chrono>
#include <optional>
#include <random>

#include "kiosk/api/http_types.h"

namespace kiosk::api {

struct RetryPolicy {
  std::chrono::milliseconds base{250};
  std::chrono::milliseconds cap{4000};
  int maxAttempts = 6;

  // Whether the attempt's result is worth another try. A request that may have arrived is only
  // repeated when that is safe: a GET, a DELETE, or a write with an Idempotency-Key.
  bool shouldRetry(const HttpRequest& request, const HttpResult& result) const;

  // Full jitter: a uniform wait in [0, min(cap, base * 2^(attempt-1))], or the server's
  // Retry-After if it gave one (bounded by the cap's 4x so a hostile server cannot park the kiosk).
  std::chrono::milliseconds delay(int attempt, std::optional<std::chrono::seconds> retryAfter, std::mt19937& random) const;
};

// The request is harmless to repeat: reading, deleting, or a write the server deduplicates by key.
bool safeToRepeat(const HttpRequest& request);

}  // namespace kiosk::api
