// Managers' figures and the fleet's health (issue 15): counts under 5 leave the server as "< 5",
// only managers see figures, and /metrics speaks Prometheus' text format.

#include "figures.h"
#include "local_time.h"
#include "test_server.h"

namespace {

using nlohmann::json;

std::string boardCookie(ApiClient& client, const std::string& number, const std::string& pin) {
  const auto login = client.send("POST", "/api/v1/board/login", json{{"staff_number", number}, {"pin", pin}}.dump(), "application/json", "", "", false);
  REQUIRE(login.status == 200);
  const std::string cookie = login.headers.at("set-cookie");
  return cookie.substr(0, cookie.find(';'));
}

ApiResponse asStaff(ApiClient& client, const std::string& cookie, const std::string& path) {
  client.extraHeaders = {"Cookie: " + cookie};
  auto r = client.send("GET", path, "", "", "", "", false);
  client.extraHeaders.clear();
  return r;
}

// A scripted day at the kiosks: 12 sessions at nine and 7 at ten, 10 in Danish and 3 in Arabic.
void scriptedDay(jobcenter::Database& db, const std::string& today) {
  db.transaction([&](jobcenter::Tx& tx) {
    const auto event = [&](const std::string& hour, const std::string& type, const std::string& language) {
      tx.exec("INSERT INTO usage_events(kiosk_id, hour, type, language) VALUES('k1', ?, ?, ?)",
              {today + "T" + hour + ":00:00+01:00", type, language.empty() ? jobcenter::Value(nullptr) : jobcenter::Value(language)});
    };
    for (int i = 0; i < 12; ++i) event("09", "session_started", "");
    for (int i = 0; i < 7; ++i) event("10", "session_started", "");
    for (int i = 0; i < 10; ++i) event("09", "language_chosen", "da");
    for (int i = 0; i < 3; ++i) event("10", "language_chosen", "ar");
  });
}

json rowsOf(const json& figures, const std::string& id) {
  for (const auto& f : figures["figures"]) {
    if (f["id"] == id) return f;
  }
  FAIL("no figure " << id);
  return {};
}

}  // namespace

TEST_CASE("the managers' figures match a scripted day, and a count under 5 leaves the server only as \"< 5\"") {
  TestServer t;
  const std::string today = jobcenter::isoDate(jobcenter::localDateOf(jobcenter::nowInstant()));
  scriptedDay(t.server->database(), today);
  const std::string cookie = boardCookie(*t.client, "S1002", "2468");  // Jonas is a manager
  const auto r = asStaff(*t.client, cookie, "/api/v1/board/figures?from=" + today + "&to=" + today);
  REQUIRE(r.status == 200);
  const json figures = r.json();
  CHECK(rowsOf(figures, "sessions_per_hour")["rows"] == json::parse(R"([{"label":"09","value":12},{"label":"10","value":7}])"));
  CHECK(rowsOf(figures, "sessions_per_day")["rows"] == json::array({{{"label", today}, {"value", 19}}}));
  CHECK(rowsOf(figures, "languages")["rows"] == json::parse(R"([{"label":"da","value":10},{"label":"ar","value":"< 5"}])"));
  CHECK(r.body.find("\"value\":3") == std::string::npos);  // the 3 is nowhere in the answer

  const auto csv = asStaff(*t.client, cookie, "/api/v1/board/figures.csv?from=" + today + "&to=" + today);
  REQUIRE(csv.status == 200);
  CHECK(csv.body.find("\"languages\",\"ar\",\"< 5\"") != std::string::npos);
  CHECK(csv.body.find("\"languages\",\"da\",10") != std::string::npos);
}

TEST_CASE("only managers see the figures, and the range must be dates in order") {
  TestServer t;
  CHECK(asStaff(*t.client, boardCookie(*t.client, "S1001", "1357"), "/api/v1/board/figures").problemCode() == "forbidden");
  const std::string manager = boardCookie(*t.client, "S1002", "2468");
  CHECK(asStaff(*t.client, manager, "/api/v1/board/figures?from=2026-12-05&to=2026-12-01").problemCode() == "invalid-request");
  CHECK(asStaff(*t.client, manager, "/api/v1/board/figures?from=yesterday").problemCode() == "invalid-request");
  CHECK(asStaff(*t.client, manager, "/api/v1/board/figures").status == 200);
}

TEST_CASE("a share or a median from fewer than 5 is not shown either") {
  CHECK(jobcenter::shownCount(0) == 0);
  CHECK(jobcenter::shownCount(4) == "< 5");
  CHECK(jobcenter::shownCount(5) == 5);
}

TEST_CASE("the fleet shows each kiosk's heartbeat as green, and /metrics says the same in Prometheus' format") {
  TestServer t;
  REQUIRE(t.client->post("/api/v1/kiosk/heartbeat", {{"version", "1.4.0"}, {"uptime_seconds", 7200}, {"screen", "attract"}, {"healthy", true},
                                                      {"printer", "ok"}, {"client_certificate_days_left", 200},
                                                      {"incidents", {{{"kind", "printer"}, {"count", 2}}}}})
              .status == 204);
  const auto fleet = asStaff(*t.client, boardCookie(*t.client, "S1001", "1357"), "/api/v1/board/fleet");
  REQUIRE(fleet.status == 200);
  const json kiosk = fleet.json()["kiosks"][0];
  CHECK(kiosk["kiosk_id"] == "test-kiosk");
  CHECK(kiosk["light"] == "green");
  CHECK(kiosk["printer"] == "ok");
  CHECK(kiosk["incidents"]["printer"] == 2);
  const auto metrics = t.client->send("GET", "/metrics", "", "", "", "", false);
  REQUIRE(metrics.status == 200);
  CHECK(metrics.headers.at("content-type").rfind("text/plain; version=0.0.4", 0) == 0);
  CHECK(metrics.body.find("jobcenter_kiosk_up{kiosk=\"test-kiosk\"} 1\n") != std::string::npos);
  CHECK(metrics.body.find("jobcenter_kiosk_uptime_seconds{kiosk=\"test-kiosk\"} 7200\n") != std::string::npos);
  CHECK(metrics.body.find("jobcenter_kiosk_incidents_24h{kiosk=\"test-kiosk\",kind=\"printer\"} 2\n") != std::string::npos);
  CHECK(metrics.body.find("# TYPE jobcenter_help_calls_waiting gauge\n") != std::string::npos);
}
