#pragma once
// A fresh reference server per test (in-memory SQLite, demo seed) on loopback HTTPS, and a client
// that trusts its throwaway CA. With KIOSK_CONTRACT_PROXY set (e.g. http://127.0.0.1:4010), the
// server listens on KIOSK_CONTRACT_UPSTREAM_PORT and every request goes through that
// contract-validating proxy instead; any response it flags (sl-violations) fails the test.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <string>

#include "api_client.h"
#include "reference_server.h"
#include "require_started.h"

struct TestServer {
  explicit TestServer(jobcenter::Policy policy = fastPolicy()) {
    const char* proxy = std::getenv("KIOSK_CONTRACT_PROXY");
    const char* upstream = std::getenv("KIOSK_CONTRACT_UPSTREAM_PORT");
    if (proxy && upstream) {
      // Behind the proxy, one server for the whole run, reset for each test: restarting it would
      // cut the proxy's open connections to it.
      static std::unique_ptr<jobcenter::ReferenceServer> shared;
      if (!shared) {
        jobcenter::ServerOptions options = testOptions();
        options.port = std::atoi(upstream);
        shared = std::make_unique<jobcenter::ReferenceServer>(options);
        requireStarted(*shared);
      }
      shared->resetDemo(policy);
      server = shared.get();
      client = std::make_unique<ApiClient>(proxy, server->identity().caPem());
      return;
    }
    jobcenter::ServerOptions options = testOptions();
    options.policy = policy;
    owned = std::make_unique<jobcenter::ReferenceServer>(options);
    requireStarted(*owned);
    server = owned.get();
    client = std::make_unique<ApiClient>(server->baseUrl(), server->identity().caPem());
  }

  ~TestServer() {
    std::string all;
    for (const auto& v : client->violations()) all += v + "\n";
    INFO("the contract-validating proxy reported:\n" << all);
    CHECK(client->violations().empty());
  }

  // The shipped limits, except those that 50 racing clients on one loopback address would trip:
  // the attacker-style tests (tests/security) check the limits themselves.
  static jobcenter::ServerOptions testOptions() {
    jobcenter::ServerOptions o;
    o.maxConnectionsPerClient = 0;
    o.threads = 64;
    return o;
  }

  static jobcenter::Policy fastPolicy() {
    jobcenter::Policy p;
    p.devicePollSeconds = 1;  // the shortest interval the contract allows
    return p;
  }

  // A citizen session through staff-assisted login (fast; the device grant has its own tests).
  std::string citizenToken(const std::string& cpr) {
    const auto staff = client->post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}});
    const auto citizen = client->post("/api/v1/auth/assisted-citizen", {{"cpr", cpr}}, staff.json().value("access_token", ""));
    return citizen.json().value("access_token", "");
  }

  std::unique_ptr<jobcenter::ReferenceServer> owned;
  jobcenter::ReferenceServer* server = nullptr;
  std::unique_ptr<ApiClient> client;
};

// Demo citizens' CPR numbers (invented; see server/src/demo_seed.cpp).
namespace demo_cpr {
inline const char* const kFreja = "010190-1234";
inline const char* const kMohammed = "020285-2345";
inline const char* const kOlena = "030392-3456";
inline const char* const kBent = "040465-4567";
inline const char* const kAmina = "050598-5678";
inline const char* const kPeter = "060680-6789";
inline const char* const kSara = "070795-7890";
}  // namespace demo_cpr
