#include <catch2/catch.hpp>

#include "kiosk/api/retry_policy.h"

using namespace kiosk::api;

namespace {
HttpResult failed(Transport t, long status = 0, int attempts = 1) {
  HttpResult r;
  r.transport = t;
  r.status = status;
  r.attempts = attempts;
  return r;
}
HttpRequest get() { return HttpRequest{}; }
HttpRequest write(const std::string& key) {
  HttpRequest r;
  r.method = "POST";
  r.idempotencyKey = key;
  return r;
}
}  // namespace

TEST_CASE("a write without a key is never repeated once it may have arrived") {
  const RetryPolicy p;
  CHECK_FALSE(p.shouldRetry(write(""), failed(Transport::Timeout)));
  CHECK_FALSE(p.shouldRetry(write(""), failed(Transport::ConnectionLost)));
  CHECK_FALSE(p.shouldRetry(write(""), failed(Transport::Ok, 503)));
  CHECK(p.shouldRetry(write(""), failed(Transport::Offline)));  // nothing was sent
  CHECK(p.shouldRetry(write("k"), failed(Transport::Timeout)));
  CHECK(p.shouldRetry(get(), failed(Transport::ConnectionLost)));
}

TEST_CASE("a PUT without a key is not repeated once it may have arrived, a DELETE is, as it is idempotent") {
  const RetryPolicy p;
  HttpRequest put = write("");
  put.method = "PUT";
  CHECK_FALSE(p.shouldRetry(put, failed(Transport::ConnectionLost)));
  HttpRequest remove;
  remove.method = "DELETE";
  CHECK(p.shouldRetry(remove, failed(Transport::ConnectionLost)));
  CHECK(p.shouldRetry(remove, failed(Transport::Ok, 503)));
  CHECK_FALSE(p.shouldRetry(remove, failed(Transport::Ok, 404)));
}

TEST_CASE("certificate and TLS failures, client errors and 500 are not retried") {
  const RetryPolicy p;
  for (const Transport t : {Transport::CertificateRefused, Transport::TlsFailed, Transport::TooLarge, Transport::Refused, Transport::Cancelled}) {
    CHECK_FALSE(p.shouldRetry(get(), failed(t)));
  }
  CHECK_FALSE(p.shouldRetry(write("k"), failed(Transport::Ok, 400)));
  CHECK_FALSE(p.shouldRetry(write("k"), failed(Transport::Ok, 500)));
  CHECK_FALSE(p.shouldRetry(write("k"), failed(Transport::Ok, 409)));  // slot taken is an answer
  HttpResult inProgress = failed(Transport::Ok, 409);
  inProgress.body = R"({"code":"idempotency-in-progress"})";
  CHECK(p.shouldRetry(write("k"), inProgress));
  CHECK(p.shouldRetry(write("k"), failed(Transport::Ok, 429)));
}

TEST_CASE("attempts are bounded") {
  const RetryPolicy p;
  CHECK_FALSE(p.shouldRetry(get(), failed(Transport::Offline, 0, p.maxAttempts)));
}

TEST_CASE("backoff grows exponentially with full jitter and honours Retry-After within bounds") {
  RetryPolicy p;
  p.base = std::chrono::milliseconds(100);
  p.cap = std::chrono::milliseconds(1000);
  std::mt19937 random(42);
  long long maxSeen[6] = {};
  for (int i = 0; i < 2000; ++i) {
    for (int attempt = 1; attempt <= 5; ++attempt) {
      const long long d = p.delay(attempt, std::nullopt, random).count();
      CHECK(d >= 0);
      CHECK(d <= std::min(1000LL, 100LL << (attempt - 1)));
      maxSeen[attempt] = std::max(maxSeen[attempt], d);
    }
  }
  CHECK(maxSeen[1] > 80);   // the whole range is used, not just its top
  CHECK(maxSeen[5] > 900);
  CHECK(p.delay(1, std::chrono::seconds(2), random) == std::chrono::milliseconds(2000));
  CHECK(p.delay(1, std::chrono::seconds(3600), random) == std::chrono::milliseconds(4000));  // a hostile Retry-After is capped
}
