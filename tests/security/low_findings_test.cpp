// The Low findings of issue 16: each small, each with its test.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "input_rules.h"
#include "local_time.h"
#include "raw_connection.h"
#include "schema.h"
#include "secrets.h"
#include "security_server.h"

using nlohmann::json;

namespace {

json validEntry(const std::string& jobTitle) {
  return {{"kind", "application"}, {"job_title", jobTitle}, {"date", "2026-01-05"}, {"how", "email"}};
}

std::string today(Target& t) {
  (void)t;
  return jobcenter::isoDate(jobcenter::localDateOf(jobcenter::nowInstant()));
}

}  // namespace

TEST_CASE("low: tokens and citizen data are never cached") {
  Target t;
  auto c = t.client();
  auto staff = c->post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}});
  CHECK(staff.headers["cache-control"] == "no-store");
  auto assisted = c->post("/api/v1/auth/assisted-citizen", {{"cpr", cpr::kFreja}}, staff.json().value("access_token", ""));
  CHECK(assisted.headers["cache-control"] == "no-store");
  const std::string token = assisted.json().value("access_token", "");
  for (const char* path : {"/api/v1/citizen/summary", "/api/v1/joblog", "/api/v1/bookings"}) {
    INFO(path);
    CHECK(c->get(path, token).headers["cache-control"] == "no-store");
  }
  CHECK(c->post("/api/v1/check-ins", {{"booking_code", "DEMO0TDY"}}).headers["cache-control"] == "no-store");
}

TEST_CASE("low: a heartbeat of the wrong shape is refused with 400, never stored or answered with 500") {
  Target t;
  auto c = t.client();
  const json good = {{"version", "1.4.0"}, {"uptime_seconds", 60}, {"screen", "attract"}, {"healthy", true}};
  CHECK(c->post("/api/v1/kiosk/heartbeat", good).status == 204);
  json screen = good;
  screen["screen"] = 123;
  CHECK(c->post("/api/v1/kiosk/heartbeat", screen).status == 400);
  json extra = good;
  extra["cpr"] = cpr::kFreja;
  CHECK(c->post("/api/v1/kiosk/heartbeat", extra).status == 400);
  json huge = good;
  huge["uptime_seconds"] = 18446744073709551615ULL;
  CHECK(c->post("/api/v1/kiosk/heartbeat", huge).status == 400);
  const auto stored = t.server->database().transaction([](jobcenter::Tx& tx) {
    return tx.queryInt("SELECT uptime_seconds FROM heartbeats WHERE kiosk_id = 'desk-1'");
  });
  CHECK(stored == 60);
}

TEST_CASE("low: a feedback rating of 2^32+1 is refused, not stored as 1") {
  Target t;
  auto c = t.client();
  const std::string token = t.citizenToken(*c, "020285-2345");  // Mohammed: meetings held
  auto r = c->post("/api/v1/feedback", {{"booking_id", "b-1"}, {"rating", 4294967297ULL}}, token, "fb-1");
  CHECK(r.status == 400);
}

TEST_CASE("low: usage events take only a whole hour as `hour`, so nothing personal is stored as anonymous") {
  Target t;
  auto c = t.client();
  for (const std::string& at : std::vector<std::string>{std::string(cpr::kFreja) + "-aaaaaaaaa", "Freja Nielsen, Havnegade 1!!",
                                                        "2026-13-45T99:99:99+01:00", "2026-11-23T09:41:07+01:00"}) {
    INFO(at);
    CHECK(c->post("/api/v1/kiosk/events", {{"events", {{{"type", "session_started"}, {"hour", at}}}}}).status == 400);
  }
  CHECK(c->post("/api/v1/kiosk/events", {{"events", {{{"type", "session_started"}, {"hour", "2026-11-23T09:00:00+01:00"}}}}}).status == 202);
}

TEST_CASE("low: control characters, bidi overrides and terminal escapes are refused in text a person reads") {
  Target t;
  auto c = t.client();
  const std::string token = t.citizenToken(*c, cpr::kFreja);
  const std::string date = today(t);
  int key = 0;
  for (const std::string& bad : std::vector<std::string>{std::string("Kok\0ke", 6), std::string("Kok\xE2\x80\xAE" "ke"),
                                                         std::string("Kok\ake"), std::string("Kok\x1b[31mke")}) {
    json entry = validEntry(bad);
    entry["date"] = date;
    CHECK(c->post("/api/v1/joblog", entry, token, "jl-" + std::to_string(++key)).status == 400);
    json employer = validEntry("Kok");
    employer["date"] = date;
    employer["employer"] = {{"name", bad}};
    CHECK(c->post("/api/v1/joblog", employer, token, "jl-" + std::to_string(++key)).status == 400);
    const json prefs = {{"opted_in", true}, {"language", "da" + bad}, {"text_size", 100}, {"contrast", "normal"}, {"read_aloud", false}};
    CHECK(c->put("/api/v1/citizen/preferences", prefs, token).status == 400);
  }
  const json slot = c->get("/api/v1/slots?contact_form=in_person&limit=1", token).json()["slots"][0];
  const json booking = {{"slot_id", slot["id"]}, {"topics", {"coaching"}}, {"contact_form", "in_person"}, {"wishes", "Hej\x1b[2J"}};
  CHECK(c->post("/api/v1/bookings", booking, token, "bk-1").status == 400);
}

TEST_CASE("low: duplicate topics and an interpreter language that is a path are refused") {
  Target t;
  auto c = t.client();
  const std::string token = t.citizenToken(*c, cpr::kFreja);
  const json slot = c->get("/api/v1/slots?contact_form=in_person&limit=1", token).json()["slots"][0];
  CHECK(c->post("/api/v1/bookings", {{"slot_id", slot["id"]}, {"topics", {"coaching", "coaching"}}, {"contact_form", "in_person"}}, token, "d-1")
            .status == 400);
  CHECK(c->post("/api/v1/bookings",
                {{"slot_id", slot["id"]}, {"topics", {"coaching"}}, {"contact_form", "in_person"}, {"interpreter", {{"language", "../../etc/passwd"}}}},
                token, "d-2")
            .status == 400);
}

TEST_CASE("low: lengths are counted in characters: 600 Arabic letters of wishes are accepted") {
  Target t;
  auto c = t.client();
  const std::string token = t.citizenToken(*c, cpr::kFreja);
  std::string arabic;
  for (int i = 0; i < 600; ++i) arabic += "\xD8\xB3";  // U+0633, two bytes each
  const json slot = c->get("/api/v1/slots?contact_form=in_person&limit=1", token).json()["slots"][0];
  auto r = c->post("/api/v1/bookings", {{"slot_id", slot["id"]}, {"topics", {"coaching"}}, {"contact_form", "in_person"}, {"wishes", arabic}},
                         token, "ar-1");
  CHECK(r.status == 201);
  std::string tooLong;
  for (int i = 0; i < 1001; ++i) tooLong += "a";
  CHECK_FALSE(jobcenter::isPlainText(json(tooLong), 1000));
  CHECK(jobcenter::isPlainText(json(arabic), 600));
}

TEST_CASE("low: a secret file is created 0600 and never through a symbolic link") {
  const auto dir = std::filesystem::temp_directory_path() / ("jobcenter-secret-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const mode_t old = ::umask(0);
  jobcenter::writeSecretFile((dir / "server.key").string(), "secret");
  ::umask(old);
  struct stat st {};
  REQUIRE(::stat((dir / "server.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::filesystem::create_symlink(dir / "elsewhere", dir / "link.key");
  CHECK_THROWS(jobcenter::writeSecretFile((dir / "link.key").string(), "secret"));
  CHECK_FALSE(std::filesystem::exists(dir / "elsewhere"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("low: TLS below 1.2 and CBC suites in TLS 1.2 are refused") {
  Target t;
  RawConnection tls11(t.server->port());
  CHECK_FALSE(tls11.startTls(t.server->identity().caPem(), TLS1_1_VERSION));
  RawConnection cbc(t.server->port());
  CHECK_FALSE(cbc.startTls(t.server->identity().caPem(), TLS1_2_VERSION, "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384"));
  RawConnection gcm(t.server->port());
  CHECK(gcm.startTls(t.server->identity().caPem(), TLS1_2_VERSION, "ECDHE-ECDSA-AES128-GCM-SHA256"));
}

TEST_CASE("low: device codes and tokens are refused in the query string") {
  Target t;
  auto c = t.client();
  const json grant = c->postForm("/api/v1/auth/device", "client_id=kiosk").json();
  auto r = c->postForm("/api/v1/auth/token?device_code=" + grant.value("device_code", "") + "&client_id=kiosk",
                             "grant_type=urn:ietf:params:oauth:grant-type:device_code");
  CHECK(r.status == 400);
  const std::string token = t.citizenToken(*c, cpr::kFreja);
  CHECK(c->get("/api/v1/citizen/summary?access_token=" + token).status == 400);
}

TEST_CASE("low: device grants are limited per kiosk") {
  Target t;
  auto c = t.client();
  int created = 0, limited = 0;
  for (int i = 0; i < 25; ++i) {
    auto r = c->postForm("/api/v1/auth/device", "client_id=kiosk");
    if (r.status == 200) ++created;
    if (r.status == 429) ++limited;
  }
  CHECK(created == 20);
  CHECK(limited == 5);
}

TEST_CASE("low: login failures, idempotency records, rate events and dead tokens are pruned") {
  Target t;
  auto& db = t.server->database();
  const jobcenter::Instant now = jobcenter::nowInstant();
  db.transaction([&](jobcenter::Tx& tx) {
    tx.exec("INSERT INTO login_failures VALUES('staff:S1', ?)", {now - 7200});
    tx.exec("INSERT INTO rate_events VALUES('check-in', ?)", {now - 7200});
    tx.exec("INSERT INTO idempotency VALUES('k', 'key', 'h', 'done', 201, '{}', ?)", {now - 2 * 86400});
    tx.exec("INSERT INTO tokens VALUES('h1', 'citizen', 'cit-freja', 0, 'k', ?, ?, 0)", {now - 9 * 3600, now - 9 * 3600});
  });
  jobcenter::pruneExpired(db, t.server->policy(), now);
  db.transaction([&](jobcenter::Tx& tx) {
    for (const char* table : {"login_failures", "rate_events", "idempotency", "tokens"}) {
      INFO(table);
      CHECK(tx.queryInt(std::string("SELECT COUNT(*) FROM ") + table).value_or(-1) == 0);
    }
  });
}

// [SECTION] The contract's rate-limit stance (OWASP API4)

TEST_CASE("contract: every answer announces the kiosk's request budget, and past it requests are 429 with Retry-After") {
  auto o = Target::options();
  o.requestsPerKioskPerMinute = 5;
  Target t(o);
  auto c = t.client("desk-7");
  int ok = 0, limited = 0;
  for (int i = 0; i < 7; ++i) {
    auto r = c->get("/api/v1/kiosk/config");
    INFO(r.headers["ratelimit"]);
    CHECK(r.headers["ratelimit"].rfind("\"kiosk\";r=", 0) == 0);
    CHECK(r.headers["ratelimit-policy"] == "\"kiosk\";q=5;w=60");
    if (r.status == 200) ++ok;
    if (r.status == 429 && r.problemCode() == "rate-limited" && !r.headers["retry-after"].empty()) ++limited;
  }
  CHECK(ok == 5);
  CHECK(limited == 2);
  CHECK(t.client("desk-8")->get("/api/v1/kiosk/config").status == 200);  // another kiosk has its own budget
}

TEST_CASE("contract: rotating the kiosk id does not escape the request budget of one address") {
  auto o = Target::options();
  o.requestsPerAddressPerMinute = 6;
  Target t(o);
  int limited = 0;
  for (int i = 0; i < 10; ++i) {
    auto c = t.client("rotating-" + std::to_string(i));
    c->sourceAddress = "127.0.0.40";
    if (c->get("/api/v1/kiosk/config").status == 429) ++limited;
  }
  CHECK(limited == 4);
  auto other = t.client("desk-1");
  other->sourceAddress = "127.0.0.41";
  CHECK(other->get("/api/v1/kiosk/config").status == 200);
}
