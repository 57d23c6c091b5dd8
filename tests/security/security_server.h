#pragma once
// One reference server per attack, on loopback HTTPS with the demo seed, its limits set small so
// that every attack is a few dozen requests and a few seconds at most.

#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "../server/api_client.h"
#include "reference_server.h"
#include "../server/require_started.h"

struct Target {
  explicit Target(jobcenter::ServerOptions o = options()) {
    server = std::make_unique<jobcenter::ReferenceServer>(std::move(o));
    requireStarted(*server);
  }

  // Limits as shipped, except the device poll interval (the contract's shortest).
  static jobcenter::ServerOptions options() {
    jobcenter::ServerOptions o;
    o.policy.devicePollSeconds = 1;
    return o;
  }

  std::unique_ptr<ApiClient> client(const std::string& kiosk = "desk-1") const {
    auto c = std::make_unique<ApiClient>(server->baseUrl(), server->identity().caPem(), kiosk);
    c->timeoutMs = 5000;
    return c;
  }

  std::string staffToken(ApiClient& c) const {
    return c.post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}}).json().value("access_token", "");
  }
  // A citizen session at kiosk c by staff-assisted login.
  std::string citizenToken(ApiClient& c, const std::string& cpr) const {
    return c.post("/api/v1/auth/assisted-citizen", {{"cpr", cpr}}, staffToken(c)).json().value("access_token", "");
  }

  std::unique_ptr<jobcenter::ReferenceServer> server;
};

// The phone page as a browser holds it: its cookie and the form token that goes with it.
struct PhonePage {
  std::string cookie, csrf;  // "name=value", and the hidden field
  static PhonePage open(ApiClient& phone, const std::string& query = {}) {
    auto page = phone.get("/device" + query);
    PhonePage p;
    p.cookie = page.headers["set-cookie"].substr(0, page.headers["set-cookie"].find(';'));
    if (const auto at = page.body.find("name=\"csrf\" value=\""); at != std::string::npos) {
      p.csrf = page.body.substr(at + 19, page.body.find('"', at + 19) - at - 19);
    }
    return p;
  }
  // Posts the form as the browser that opened the page would.
  ApiResponse post(ApiClient& phone, const std::string& form, const std::string& origin) const {
    phone.extraHeaders = {"Origin: " + origin, "Cookie: " + cookie};
    auto r = phone.postForm("/device", form + "&csrf=" + csrf);
    phone.extraHeaders = {};
    return r;
  }
};

namespace cpr {
inline const char* const kFreja = "010190-1234";
inline const char* const kOlena = "030392-3456";  // a meeting later today, booking code DEMO0TDY
inline const char* const kSara = "070795-7890";
}  // namespace cpr
