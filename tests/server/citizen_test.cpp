// The home screen's facts, preferences, activities, the job log and feedback; kiosk operations.
#include <catch2/catch.hpp>

#include "local_time.h"
#include "test_server.h"

using nlohmann::json;

TEST_CASE("a newly unemployed citizen must have the first conversation within three weeks") {
  TestServer t;
  const json s = t.client->get("/api/v1/citizen/summary", t.citizenToken(demo_cpr::kFreja)).json();
  jobcenter::LocalDate start, deadline;
  REQUIRE(jobcenter::parseIsoDate(s["unemployment_start"], start));
  REQUIRE(jobcenter::parseIsoDate(s["next_required_contact"], deadline));
  CHECK(deadline == jobcenter::addDays(start, 21));
  CHECK(s["contact_overdue"] == false);
  CHECK_FALSE(s.contains("next_booking"));
  CHECK_FALSE(s.contains("preferences"));
}

TEST_CASE("a long-term unemployed citizen past the deadline is overdue") {
  TestServer t;
  const json s = t.client->get("/api/v1/citizen/summary", t.citizenToken(demo_cpr::kBent)).json();
  CHECK(s["contact_overdue"] == true);
  CHECK(s["latest_agreement"]["text"].get<std::string>().find("pedel") != std::string::npos);
}

TEST_CASE("the summary has the plan, job log counts, saved preferences and a feedback question") {
  TestServer t;
  const json mohammed = t.client->get("/api/v1/citizen/summary", t.citizenToken(demo_cpr::kMohammed)).json();
  CHECK(mohammed["preferences"]["language"] == "ar");
  CHECK(mohammed["abc_plan"]["a"] == "Buschauffør");
  CHECK(mohammed["joblog"]["weekly_target"] == 3);
  CHECK(mohammed["joblog"]["since_last_meeting"] == 3);
  const json peter = t.client->get("/api/v1/citizen/summary", t.citizenToken(demo_cpr::kPeter)).json();
  REQUIRE(peter.contains("feedback_due"));
  CHECK(peter["next_booking"]["status"] == "booked");
}

TEST_CASE("preferences are kept only for a citizen who opts in") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  json prefs = {{"opted_in", true}, {"language", "fa"}, {"text_size", 200}, {"contrast", "high"}, {"read_aloud", false}};
  CHECK(t.client->put("/api/v1/citizen/preferences", prefs, token).status == 200);
  CHECK(t.client->get("/api/v1/citizen/summary", token).json()["preferences"]["text_size"] == 200);
  prefs["opted_in"] = false;
  CHECK(t.client->put("/api/v1/citizen/preferences", prefs, token).status == 200);
  CHECK_FALSE(t.client->get("/api/v1/citizen/summary", token).json().contains("preferences"));
  prefs["text_size"] = 120;
  CHECK(t.client->put("/api/v1/citizen/preferences", prefs, token).problemCode() == "invalid-request");
}

TEST_CASE("topics, consultants with languages and policy are listed") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kFreja);
  CHECK(t.client->get("/api/v1/topics", token).json()["topics"].size() == 6);
  const json consultants = t.client->get("/api/v1/consultants", token).json()["consultants"];
  CHECK(consultants.size() == 8);
  bool arabic = false;
  for (const auto& c : consultants) {
    for (const auto& l : c["languages"]) arabic = arabic || l == "ar";
  }
  CHECK(arabic);
  CHECK(t.client->get("/api/v1/policy", token).json()["move_cutoff_days"] == 2);
  CHECK(t.client->get("/api/v1/topics").status == 401);
}

TEST_CASE("activities: sign up takes a seat, a full one refuses, signing off frees it") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kFreja);
  auto find = [&](const std::string& id) {
    const json activities = t.client->get("/api/v1/activities", token).json()["activities"];
    for (const auto& a : activities) {
      if (a["id"] == id) return a;
    }
    return json();
  };
  const int before = find("a-cv")["seats_left"];
  CHECK(t.client->post("/api/v1/activities/a-cv/registrations", json::object(), token, "r1").status == 201);
  CHECK(find("a-cv")["seats_left"] == before - 1);
  CHECK(find("a-cv")["registered"] == true);
  CHECK(t.client->post("/api/v1/activities/a-cv/registrations", json::object(), token, "r2").problemCode() == "already-registered");
  CHECK(find("a-hjaelp")["seats_left"] == 0);
  CHECK(t.client->post("/api/v1/activities/a-hjaelp/registrations", json::object(), token, "r3").problemCode() == "activity-full");
  CHECK(t.client->del("/api/v1/activities/a-cv/registrations/me", token).status == 204);
  CHECK(find("a-cv")["seats_left"] == before);
  CHECK(t.client->del("/api/v1/activities/a-cv/registrations/me", token).status == 404);
}

TEST_CASE("the job log takes applications and other activities, and counts them this week") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  const std::string today = jobcenter::isoDate(jobcenter::localDateOf(jobcenter::nowInstant()));
  const json application = {{"kind", "application"}, {"job_title", "Receptionist"}, {"employer", {{"name", "Klinik Syd"}, {"address", "Sydvej 3"}}},
                            {"date", today}, {"how", "email"}};
  const auto added = t.client->post("/api/v1/joblog", application, token, "j1");
  REQUIRE(added.status == 201);
  CHECK(added.json()["employer"]["name"] == "Klinik Syd");
  CHECK(t.client->post("/api/v1/joblog", {{"kind", "other"}, {"date", today}, {"description", "Jobmesse i hallen"}}, token, "j2").status == 201);
  CHECK(t.client->post("/api/v1/joblog", {{"kind", "application"}, {"date", today}, {"how", "email"}}, token, "j3").problemCode() ==
        "invalid-request");
  CHECK(t.client->post("/api/v1/joblog", {{"kind", "application"}, {"job_title", "X"}, {"date", "2099-01-01"}, {"how", "email"}}, token, "j4")
            .problemCode() == "invalid-request");
  CHECK(t.client->get("/api/v1/joblog", token).json()["entries"].size() == 2);
  CHECK(t.client->get("/api/v1/citizen/summary", token).json()["joblog"]["this_week"] == 2);
}

TEST_CASE("feedback is given on one's own past meeting") {
  TestServer t;
  const std::string peter = t.citizenToken(demo_cpr::kPeter);
  const std::string booking = t.client->get("/api/v1/citizen/summary", peter).json()["feedback_due"]["booking_id"];
  CHECK(t.client->post("/api/v1/feedback", {{"booking_id", booking}, {"rating", 3}}, peter, "f1").status == 201);
  CHECK_FALSE(t.client->get("/api/v1/citizen/summary", peter).json().contains("feedback_due"));
  CHECK(t.client->post("/api/v1/feedback", {{"booking_id", booking}, {"rating", 9}}, peter, "f2").problemCode() == "invalid-request");
  const std::string sara = t.citizenToken(demo_cpr::kSara);
  CHECK(t.client->post("/api/v1/feedback", {{"booking_id", booking}, {"rating", 1}}, sara, "f3").problemCode() == "not-found");
}

TEST_CASE("kiosk configuration, heartbeat, anonymous events and help requests") {
  TestServer t;
  const json config = t.client->get("/api/v1/kiosk/config").json();
  CHECK(config["kiosk_id"] == "test-kiosk");
  CHECK(config["languages"].size() == 10);
  CHECK(t.client->post("/api/v1/kiosk/heartbeat", {{"version", "0.1.0"}, {"uptime_seconds", 60}, {"screen", "attract"}, {"healthy", true}})
            .status == 204);
  const json events = {{"events", {{{"type", "errand_completed"}, {"flow", "book"}, {"assisted", false},
                                    {"hour", "2026-11-22T10:00:00+01:00"}}}}};
  CHECK(t.client->post("/api/v1/kiosk/events", events).json()["accepted"] == 1);
  json identifying = events;
  identifying["events"][0]["cpr"] = "010190-1234";
  CHECK(t.client->post("/api/v1/kiosk/events", identifying).problemCode() == "invalid-request");
  const auto help = t.client->post("/api/v1/help-requests", {{"reason", "interpreter"}, {"language", "ti"}}, "", "h1");
  CHECK(help.status == 201);
  CHECK(t.client->post("/api/v1/help-requests", {{"reason", "interpreter"}, {"language", "ti"}}, "", "h1").json()["id"] == help.json()["id"]);
  CHECK(t.client->post("/api/v1/help-requests", {{"reason", "bored"}}, "", "h2").problemCode() == "invalid-request");
}

TEST_CASE("a heartbeat's health: printer, certificate days and incidents by kind are stored, and nothing free-form") {
  TestServer t;
  const auto count = [&](const std::string& sql) {
    return t.server->database().transaction([&](jobcenter::Tx& tx) { return tx.queryInt(sql).value_or(-1); });
  };
  const json beat = {{"version", "0.1.0"}, {"uptime_seconds", 60}, {"screen", "attract"}, {"healthy", false}, {"printer", "failed"},
                     {"client_certificate_days_left", 180}, {"server_certificate_days_left", -2},
                     {"incidents", {{{"kind", "printer"}, {"count", 3}}, {{"kind", "certificate"}, {"count", 1}}}}};
  REQUIRE(t.client->post("/api/v1/kiosk/heartbeat", beat).status == 204);
  CHECK(count("SELECT COUNT(*) FROM kiosk_health WHERE kiosk_id = 'test-kiosk' AND printer = 'failed' AND "
                "client_certificate_days = 180 AND server_certificate_days = -2") == 1);
  CHECK(count("SELECT SUM(count) FROM kiosk_incidents WHERE kiosk_id = 'test-kiosk'") == 4);
  CHECK(count("SELECT count FROM kiosk_incidents WHERE kind = 'printer'") == 3);
  json paperOut = beat;
  paperOut["printer"] = "paper_out";  // from a two-way printer's own status
  paperOut.erase("incidents");
  REQUIRE(t.client->post("/api/v1/kiosk/heartbeat", paperOut).status == 204);
  CHECK(count("SELECT COUNT(*) FROM kiosk_health WHERE printer = 'paper_out'") == 1);
  for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
           {"printer", "on fire"},
           {"client_certificate_days_left", "soon"},
           {"incidents", json::array({{{"kind", "printer"}, {"count", 1}, {"detail", "/dev/usb/lp0"}}})},
           {"incidents", json::array({{{"kind", "citizen"}, {"count", 1}}})},
           {"incidents", json::array({{{"kind", "speech"}, {"count", 0}}})}}) {
    json bad = beat;
    bad[field] = value;
    INFO(bad.dump());
    CHECK(t.client->post("/api/v1/kiosk/heartbeat", bad).problemCode() == "invalid-request");
  }
  CHECK(count("SELECT COUNT(*) FROM kiosk_incidents") == 2);  // nothing of the refused ones
}

TEST_CASE("usage events are stored field by field, each type with its own fields, only to the hour") {
  TestServer t;
  const std::string hour = "2026-11-23T09:00:00+01:00";
  const json batch = {{"events",
                       {{{"type", "session_started"}, {"hour", hour}},
                        {{"type", "language_chosen"}, {"language", "ar"}, {"hour", hour}},
                        {{"type", "text_size_chosen"}, {"text_size", 150}, {"hour", hour}},
                        {{"type", "aid_used"}, {"aid", "low_reach"}, {"hour", hour}},
                        {{"type", "step_reached"}, {"step", "book-topics"}, {"flow", "book"}, {"hour", hour}},
                        {{"type", "help_requested"}, {"reason", "interpreter"}, {"hour", hour}},
                        {{"type", "errand_completed"}, {"flow", "book"}, {"assisted", true}, {"hour", hour}},
                        {{"type", "session_ended"}, {"length", "3_to_10_min"}, {"ending", "timed_out"}, {"given_up_at", "booked"}, {"hour", hour}}}}};
  REQUIRE(t.client->post("/api/v1/kiosk/events", batch).json()["accepted"] == 8);
  const auto count = [&](const std::string& where) {
    return t.server->database().transaction(
        [&](jobcenter::Tx& tx) { return tx.queryInt("SELECT COUNT(*) FROM usage_events WHERE kiosk_id = 'test-kiosk' AND " + where).value_or(-1); });
  };
  CHECK(count("hour = '" + hour + "'") == 8);
  CHECK(count("type = 'language_chosen' AND language = 'ar'") == 1);
  CHECK(count("type = 'text_size_chosen' AND text_size = 150") == 1);
  CHECK(count("type = 'aid_used' AND aid = 'low_reach'") == 1);
  CHECK(count("type = 'step_reached' AND step = 'book-topics' AND flow = 'book'") == 1);
  CHECK(count("type = 'help_requested' AND reason = 'interpreter'") == 1);
  CHECK(count("type = 'errand_completed' AND flow = 'book' AND assisted = 1") == 1);
  CHECK(count("type = 'session_ended' AND length = '3_to_10_min' AND ending = 'timed_out' AND given_up_at = 'booked'") == 1);
}

TEST_CASE("a usage event carrying a CPR number, free text, a booking code or an exact time is refused, and nothing of its batch is stored") {
  TestServer t;
  const json valid = {{"type", "errand_completed"}, {"flow", "book"}, {"assisted", false}, {"hour", "2026-11-23T09:00:00+01:00"}};
  REQUIRE(t.client->post("/api/v1/kiosk/events", {{"events", {valid}}}).status == 202);
  for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
           {"cpr", "010190-1234"},
           {"citizen_id", "c-sara"},
           {"note", "Sara Jensen ville booke"},
           {"reference", "K7Q-2M4"},
           {"step", "Sara Jensen"},                       // a step is a screen's name, not text
           {"language", "ar"},                            // a field of another event type
           {"flow", "010190-1234"},
           {"assisted", "yes"},
           {"hour", "2026-11-23T09:14:00+01:00"},         // finer than the hour
           {"hour", "2026-11-23T09:00:00.5+01:00"},
           {"hour", "Tuesday morning"}}) {
    json bad = valid;
    bad[field] = value;
    INFO(bad.dump());
    CHECK(t.client->post("/api/v1/kiosk/events", {{"events", {valid, bad}}}).problemCode() == "invalid-request");
  }
  const json abandonedWithoutPlace = {{"type", "session_ended"}, {"length", "under_1_min"}, {"ending", "started_over"}, {"hour", "2026-11-23T09:00:00Z"}};
  CHECK(t.client->post("/api/v1/kiosk/events", {{"events", {abandonedWithoutPlace}}}).problemCode() == "invalid-request");
  CHECK(t.server->database().transaction([](jobcenter::Tx& tx) { return tx.queryInt("SELECT COUNT(*) FROM usage_events"); }) == 1);
}

TEST_CASE("unknown paths and methods answer with a problem document") {
  TestServer t;
  const auto r = t.client->get("/api/v1/nothing-here");
  CHECK(r.status == 404);
  CHECK(r.problemCode() == "not-found");
}
