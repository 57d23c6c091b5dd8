// Logging in: the device grant (RFC 8628) with the phone page, staff and assisted login, token
// lifetimes and revocation, and check-in without login.
#include <catch2/catch.hpp>

#include <thread>

#include "test_server.h"

namespace {

struct Grant {
  std::string deviceCode, userCode;
};

Grant startGrant(ApiClient& client) {
  const auto r = client.postForm("/api/v1/auth/device", "client_id=test-kiosk");
  REQUIRE(r.status == 200);
  const auto j = r.json();
  CHECK(j["verification_uri_complete"].get<std::string>().find(j["user_code"].get<std::string>()) != std::string::npos);
  CHECK(j["expires_in"].get<int>() > 0);
  return {j["device_code"], j["user_code"]};
}

ApiResponse poll(ApiClient& client, const Grant& grant) {
  return client.postForm("/api/v1/auth/token", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=" +
                                                   grant.deviceCode + "&client_id=test-kiosk");
}

ApiResponse phone(ApiClient& client, const std::string& userCode, const std::string& citizen, const std::string& action) {
  return client.send("POST", "/device", "user_code=" + userCode + "&citizen=" + citizen + "&action=" + action,
                     "application/x-www-form-urlencoded", "", "", false);
}

}  // namespace

TEST_CASE("a citizen logs in by approving on the phone page, and the kiosk polls until then") {
  TestServer t;
  const Grant grant = startGrant(*t.client);
  const auto pending = poll(*t.client, grant);
  CHECK(pending.status == 400);
  CHECK(pending.json()["error"] == "authorization_pending");

  const auto page = t.client->send("GET", "/device?user_code=" + grant.userCode, "", "", "", "", false);
  CHECK(page.status == 200);
  CHECK(page.body.find(grant.userCode) != std::string::npos);
  CHECK(phone(*t.client, grant.userCode, "cit-freja", "approve").status == 200);

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the polling interval
  const auto granted = poll(*t.client, grant);
  REQUIRE(granted.status == 200);
  CHECK(granted.json()["token_type"] == "Bearer");
  const auto summary = t.client->get("/api/v1/citizen/summary", granted.json()["access_token"]);
  CHECK(summary.status == 200);
  CHECK(summary.json()["first_name"] == "Freja");
  CHECK(summary.json()["assisted"] == false);
  // A device code is used once.
  CHECK(poll(*t.client, grant).json()["error"] == "invalid_grant");
}

TEST_CASE("a code typed without the dash and in small letters still works on the phone page") {
  TestServer t;
  const Grant grant = startGrant(*t.client);
  std::string typed = grant.userCode;
  typed.erase(4, 1);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(phone(*t.client, typed, "cit-sara", "approve").status == 200);
  CHECK(poll(*t.client, grant).status == 200);
}

TEST_CASE("declining on the phone gives access_denied") {
  TestServer t;
  const Grant grant = startGrant(*t.client);
  CHECK(phone(*t.client, grant.userCode, "cit-freja", "deny").status == 200);
  CHECK(poll(*t.client, grant).json()["error"] == "access_denied");
}

TEST_CASE("polling faster than the interval gives slow_down") {
  auto policy = TestServer::fastPolicy();
  policy.devicePollSeconds = 5;
  TestServer t(policy);
  const Grant grant = startGrant(*t.client);
  CHECK(poll(*t.client, grant).json()["error"] == "authorization_pending");
  CHECK(poll(*t.client, grant).json()["error"] == "slow_down");
}

TEST_CASE("an unused code expires") {
  auto policy = TestServer::fastPolicy();
  policy.deviceCodeSeconds = 1;
  TestServer t(policy);
  const Grant grant = startGrant(*t.client);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  CHECK(poll(*t.client, grant).json()["error"] == "expired_token");
  CHECK(phone(*t.client, grant.userCode, "cit-freja", "approve").status == 400);
}

TEST_CASE("another kiosk cannot redeem a device code") {
  TestServer t;
  const Grant grant = startGrant(*t.client);
  phone(*t.client, grant.userCode, "cit-freja", "approve");
  ApiClient other(t.client->base(), t.server->identity().caPem(), "another-kiosk");
  CHECK(poll(other, grant).json()["error"] == "invalid_grant");
}

TEST_CASE("guessing user codes on the phone page is rate limited") {
  TestServer t;
  // 10 wrong codes a minute per client address (tests/security also checks the limit in all).
  for (int i = 0; i < 10; ++i) CHECK(phone(*t.client, "BBBB-BBBB", "cit-freja", "approve").status == 400);
  CHECK(phone(*t.client, "BBBB-BBBB", "cit-freja", "approve").status == 429);
}

TEST_CASE("staff log in with number and PIN, wrong PINs are limited") {
  TestServer t;
  const auto wrong = t.client->post("/api/v1/auth/staff", {{"staff_number", "S1002"}, {"pin", "0000"}});
  CHECK(wrong.status == 401);
  CHECK(wrong.problemCode() == "unauthorized");
  CHECK(wrong.headers.at("content-type").find("application/problem+json") == 0);
  for (int i = 0; i < 4; ++i) t.client->post("/api/v1/auth/staff", {{"staff_number", "S1002"}, {"pin", "0000"}});
  const auto limited = t.client->post("/api/v1/auth/staff", {{"staff_number", "S1002"}, {"pin", "2468"}});
  CHECK(limited.status == 429);
  CHECK(limited.problemCode() == "too-many-attempts");  // not "rate-limited": the kiosk says what happened
  CHECK(limited.headers.count("retry-after") == 1);
  const auto other = t.client->post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}});
  REQUIRE(other.status == 200);
  CHECK(other.json()["staff"]["name"] == "Birgitte Lund");
}

TEST_CASE("staff identify a citizen without a smartphone, the session says it is assisted") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kOlena);
  REQUIRE_FALSE(token.empty());
  const auto summary = t.client->get("/api/v1/citizen/summary", token);
  CHECK(summary.json()["first_name"] == "Olena");
  CHECK(summary.json()["assisted"] == true);
  const auto staff = t.client->post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}});
  CHECK(t.client->post("/api/v1/auth/assisted-citizen", {{"cpr", "999999-9999"}}, staff.json()["access_token"]).status == 404);
  // A citizen token cannot do staff work.
  CHECK(t.client->post("/api/v1/auth/assisted-citizen", {{"cpr", demo_cpr::kFreja}}, token).status == 401);
}

TEST_CASE("a revoked or logged-out token stops working at once") {
  TestServer t;
  const std::string a = t.citizenToken(demo_cpr::kFreja);
  CHECK(t.client->postForm("/api/v1/auth/revoke", "token=" + a).status == 200);
  CHECK(t.client->get("/api/v1/citizen/summary", a).problemCode() == "session-expired");
  const std::string b = t.citizenToken(demo_cpr::kFreja);
  CHECK(t.client->send("POST", "/api/v1/auth/logout", "", "", b, "").status == 204);
  CHECK(t.client->get("/api/v1/citizen/summary", b).status == 401);
  // Revoking something unknown is not an error (RFC 7009).
  CHECK(t.client->postForm("/api/v1/auth/revoke", "token=nonsense").status == 200);
}

TEST_CASE("an idle citizen session expires") {
  auto policy = TestServer::fastPolicy();
  // Token times are whole seconds: 3 s leaves room for a slow machine between login and first use.
  policy.citizenIdleSeconds = 3;
  TestServer t(policy);
  const std::string token = t.citizenToken(demo_cpr::kFreja);
  CHECK(t.client->get("/api/v1/citizen/summary", token).status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(4200));
  CHECK(t.client->get("/api/v1/citizen/summary", token).problemCode() == "session-expired");
}

TEST_CASE("every request must name its kiosk") {
  TestServer t;
  const auto r = t.client->send("GET", "/api/v1/kiosk/config", "", "", "", "", false);
  CHECK(r.status == 401);
  CHECK(r.problemCode() == "unauthorized");
  CHECK(r.json()["type"] == "https://jobcenter-kiosk.example/problems/unauthorized");
}

TEST_CASE("check in by booking code or health card, once") {
  TestServer t;
  const auto first = t.client->post("/api/v1/check-ins", {{"booking_code", "demo0tdy"}});
  REQUIRE(first.status == 201);
  CHECK(first.json()["booking"]["reference"] == "DEMO0TDY");
  CHECK_FALSE(first.json().contains("first_name"));  // never the citizen's name (issue 16)
  CHECK(first.json()["message_key"] == "checked_in");
  const auto again = t.client->post("/api/v1/check-ins", {{"cpr", "0303923456"}});
  CHECK(again.status == 200);
  CHECK(again.json()["message_key"] == "already_checked_in");
  CHECK_FALSE(again.json().contains("booking"));  // by CPR number: only that it happened
  CHECK(t.client->post("/api/v1/check-ins", {{"booking_code", "NOPE1234"}}).problemCode() == "not-found");
  // O typed for 0 (and 0 for O) finds the same meeting: the two look alike on a card.
  CHECK(t.client->post("/api/v1/check-ins", {{"booking_code", "DEMOOTDY"}}).json()["message_key"] == "already_checked_in");
  CHECK(t.client->post("/api/v1/check-ins", {{"booking_code", "dem00tdy"}}).json()["message_key"] == "already_checked_in");
  CHECK(t.client->post("/api/v1/check-ins", {{"cpr", demo_cpr::kFreja}}).problemCode() == "not-found");
  CHECK(t.client->post("/api/v1/check-ins", {{"cpr", "12"}}).problemCode() == "invalid-request");
  CHECK(t.client->post("/api/v1/check-ins", {{"booking_code", "X"}, {"cpr", demo_cpr::kOlena}}).status == 400);
}

TEST_CASE("with kiosk certificates configured, a kiosk is who its certificate says", "[no-proxy]") {
  // One server identity to sign both sides; the server trusts its own CA for kiosk certificates.
  jobcenter::ServerOptions options;
  options.policy = TestServer::fastPolicy();
  const auto probe = std::make_unique<jobcenter::ReferenceServer>(options);
  options.kioskCaPem = probe->identity().caPem();
  // A second server whose kiosk CA is the first server's CA; the kiosk's certificate is issued there.
  jobcenter::ReferenceServer server(options);
  requireStarted(server);
  const auto kioskCert = probe->identity().issueClientCertificate("desk-1");

  ApiClient withoutCertificate(server.baseUrl(), server.identity().caPem(), "desk-1");
  CHECK_FALSE(withoutCertificate.get("/api/v1/kiosk/config").error.empty());  // the TLS handshake is refused

  ApiClient desk(server.baseUrl(), server.identity().caPem(), "desk-1");
  desk.useClientCertificate(kioskCert.certificatePem, kioskCert.privateKeyPem);
  CHECK(desk.get("/api/v1/kiosk/config").status == 200);

  ApiClient impostor(server.baseUrl(), server.identity().caPem(), "desk-2");
  impostor.useClientCertificate(kioskCert.certificatePem, kioskCert.privateKeyPem);
  CHECK(impostor.get("/api/v1/kiosk/config").problemCode() == "forbidden");
}
