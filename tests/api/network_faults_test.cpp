// Network faults between the kiosk's client and the reference server. The oracle is the server's
// database: exactly one booking per idempotency key — and the client reports success only when
// the server confirmed it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "client_harness.h"
#include "fault_proxy.h"
#include "reference_server.h"
#include "../server/require_started.h"

using kiosk::api::HttpClient;
using kiosk::api::HttpRequest;
using kiosk::api::HttpResult;
using kiosk::api::Transport;
using nlohmann::json;

namespace {

struct FaultBench {
  FaultBench() {
    jobcenter::ServerOptions options;
    options.policy.maxOpenSelfBookings = 20;  // one citizen books a slot per fault case
    options.handshakeTimeoutMs = 30'000;        // memcheck runs these too: a handshake takes seconds there
    server = std::make_unique<jobcenter::ReferenceServer>(options);
    requireStarted(*server);
    proxy = std::make_unique<FaultProxy>("127.0.0.1", server->port(), server->identity().caPem());
    kiosk::api::ClientConfig config;
    config.baseUrl = proxy->url();
    config.kioskId = "fault-kiosk";
    config.tls.allowPlainHttpToLoopback = true;  // the proxy speaks http on loopback; it speaks https onwards
    config.retry.base = std::chrono::milliseconds(20);
    config.retry.cap = std::chrono::milliseconds(200);
    // The staff login hashes a PIN with Argon2id: many seconds under Valgrind's memcheck, which
    // runs these tests too. Each test's own requests carry their own, shorter budgets.
    config.attemptTimeout = std::chrono::seconds(60);
    client = std::make_unique<HttpClient>(config, nullptr);
    token = login();
  }

  std::string login() {
    HttpRequest staff;
    staff.method = "POST";
    staff.path = "/api/v1/auth/staff";
    staff.contentType = "application/json";
    staff.body = R"({"staff_number":"S1001","pin":"1357"})";
    staff.budget = std::chrono::seconds(60);
    const auto s = runToEnd(*client, staff);
    HttpRequest citizen = staff;
    citizen.path = "/api/v1/auth/assisted-citizen";
    citizen.body = R"({"cpr":"070795-7890"})";
    citizen.bearerToken = json::parse(s.body)["access_token"];
    return json::parse(runToEnd(*client, citizen).body)["access_token"];
  }

  std::string freeSlot(int index) {
    HttpRequest r;
    r.path = "/api/v1/slots?limit=200";
    r.bearerToken = token;
    return json::parse(runToEnd(*client, r).body)["slots"][static_cast<size_t>(index)]["id"];
  }

  HttpRequest booking(const std::string& slot, const std::string& key) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/api/v1/bookings";
    r.contentType = "application/json";
    r.body = json{{"slot_id", slot}, {"topics", {"job_search"}}, {"contact_form", "in_person"}}.dump();
    r.bearerToken = token;
    r.idempotencyKey = key;
    r.budget = std::chrono::milliseconds(6000);
    return r;
  }

  int64_t bookingsFor(const std::string& slot) {
    return server->database().transaction([&](jobcenter::Tx& tx) {
      return tx.queryInt("SELECT COUNT(*) FROM bookings WHERE slot_id = ? AND status <> 'cancelled'", {slot}).value_or(0);
    });
  }

  std::unique_ptr<jobcenter::ReferenceServer> server;
  std::unique_ptr<FaultProxy> proxy;
  std::unique_ptr<HttpClient> client;
  std::string token;
};

}  // namespace

TEST_CASE("faults on the way: every booking lands exactly once and success is only claimed when confirmed") {
  FaultBench bench;
  struct Case {
    const char* name;
    std::vector<Fault> faults;
    bool reachesServer;
  };
  const std::vector<Case> cases = {
      {"added latency", {Fault::Delay}, true},
      {"connection reset before the request was sent on", {Fault::ResetBeforeForwarding}, true},
      {"connection reset after the server handled it", {Fault::ResetAfterForwarding}, true},
      {"response cut off half-way", {Fault::CutResponseHalfway}, true},
      {"503 with Retry-After", {Fault::Busy503}, true},
      {"two different faults in a row", {Fault::ResetAfterForwarding, Fault::CutResponseHalfway}, true},
  };
  bench.proxy->delayMs = 300;
  int index = 10;
  for (const auto& c : cases) {
    INFO(c.name);
    const std::string slot = bench.freeSlot(index++);
    bench.proxy->plan(c.faults);
    const HttpResult r = runToEnd(*bench.client, bench.booking(slot, std::string("key-") + c.name));
    CHECK(r.ok());
    CHECK(r.status == 201);
    CHECK(bench.bookingsFor(slot) == 1);
    if (c.faults.front() != Fault::Delay) CHECK(r.attempts > 1);
  }
}

TEST_CASE("a 500 with an HTML page is an error, not retried, and nothing was booked") {
  FaultBench bench;
  const std::string slot = bench.freeSlot(3);
  bench.proxy->plan({Fault::Html500});
  const HttpResult r = runToEnd(*bench.client, bench.booking(slot, "k-500"));
  CHECK_FALSE(r.ok());
  CHECK(r.status == 500);
  CHECK(r.attempts == 1);
  CHECK(bench.bookingsFor(slot) == 0);
}

TEST_CASE("when the truth cannot be learned in time, the outcome is reported unknown, never as success") {
  FaultBench bench;
  const std::string slot = bench.freeSlot(4);
  bench.proxy->plan(std::vector<Fault>(20, Fault::ResetAfterForwarding));
  auto request = bench.booking(slot, "k-unknown");
  request.budget = std::chrono::milliseconds(1500);
  const HttpResult r = runToEnd(*bench.client, request);
  CHECK_FALSE(r.ok());
  CHECK(r.mayHaveArrived);
  // Each answer is cut off; on a slow machine (ThreadSanitizer) the budget may also end in the
  // middle of an attempt. Either way the request may have arrived: unknown, not failed.
  CHECK((r.transport == Transport::ConnectionLost || r.transport == Transport::Timeout));
  // It did arrive, once: a later try with the same key learns the truth.
  CHECK(bench.bookingsFor(slot) == 1);
  bench.proxy->plan({});
  const HttpResult truth = runToEnd(*bench.client, bench.booking(slot, "k-unknown"));
  CHECK(truth.status == 201);
  CHECK(bench.bookingsFor(slot) == 1);
}

TEST_CASE("a broken JSON reply is passed up as is: the typed layer must not trust it") {
  FaultBench bench;
  const std::string slot = bench.freeSlot(5);
  bench.proxy->plan({Fault::InvalidJsonAfterForwarding});
  const HttpResult r = runToEnd(*bench.client, bench.booking(slot, "k-json"));
  CHECK(r.status == 200);
  CHECK(json::parse(r.body, nullptr, false).is_discarded());
  CHECK(bench.bookingsFor(slot) == 1);
}

TEST_CASE("a cancelled session's result never reaches the screen") {
  FaultBench bench;
  bench.proxy->delayMs = 400;
  bench.proxy->plan({Fault::Delay});
  bool delivered = false;
  HttpRequest r;
  r.path = "/api/v1/kiosk/config";
  bench.client->submit(7, r, [&](const HttpResult&) { delivered = true; });
  bench.client->cancelSession(7);
  for (int i = 0; i < 100; ++i) {
    bench.client->drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CHECK_FALSE(delivered);
}

TEST_CASE("ten thousand ended sessions leave no trace in the client, and the next session is answered") {
  FaultBench bench;
  bench.proxy->delayMs = 300;
  bench.proxy->plan({Fault::Delay, Fault::Delay, Fault::Delay, Fault::Delay, Fault::Delay});
  HttpRequest r;
  r.path = "/api/v1/kiosk/config";
  int delivered = 0;
  // A kiosk ends a session every few minutes for months; a few of these have a request under way.
  for (kiosk::api::SessionId session = 100; session < 10'100; ++session) {
    if (session % 2'000 == 0) bench.client->submit(session, r, [&](const HttpResult&) { ++delivered; });
    bench.client->cancelSession(session);
    if (session % 500 == 0) bench.client->drain();
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while ((bench.client->cancellationsPending() > 0 || bench.client->busy()) && std::chrono::steady_clock::now() < until) {
    bench.client->drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(bench.client->cancellationsPending() == 0);
  CHECK_FALSE(bench.client->busy());
  CHECK(delivered == 0);

  std::optional<HttpResult> next;
  bench.client->submit(10'100, r, [&](const HttpResult& result) { next = result; });
  const auto answerBy = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!next && std::chrono::steady_clock::now() < answerBy) {
    bench.client->drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(next);
  CHECK(next->transport == Transport::Ok);
}

TEST_CASE("a 503 with Retry-After is tried again once the time it asks for has passed") {
  jobcenter::ReferenceServer server{jobcenter::ServerOptions{}};
  requireStarted(server);
  FaultProxy proxy("127.0.0.1", server.port(), server.identity().caPem());
  kiosk::api::ClientConfig config;
  config.baseUrl = proxy.url();
  config.kioskId = "retry-after-kiosk";
  config.tls.allowPlainHttpToLoopback = true;  // the proxy speaks http on loopback; it speaks https onwards
  HttpClient client(config, nullptr);
  proxy.plan({Fault::Busy503});  // Retry-After: 1
  HttpRequest r;
  r.path = "/api/v1/kiosk/config";
  const auto started = std::chrono::steady_clock::now();
  const HttpResult result = runToEnd(client, r);
  CHECK(result.ok());
  CHECK(result.attempts == 2);
  // One second as asked, not the policy's own backoff (at most 250 ms for a first retry).
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(950));
}
