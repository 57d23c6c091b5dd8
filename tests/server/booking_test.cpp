// Slots and bookings: filters and deadline marks, the meeting record, idempotency, slot taken,
// move and cancel within the policy.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "test_server.h"

using nlohmann::json;

namespace {

json freeSlots(TestServer& t, const std::string& token, const std::string& query) {
  const auto r = t.client->get("/api/v1/slots?" + query, token);
  REQUIRE(r.status == 200);
  return r.json()["slots"];
}

// The citizen's booking that is still to come (null if none).
json comingBooking(TestServer& t, const std::string& token) {
  const json bookings = t.client->get("/api/v1/bookings", token).json()["bookings"];
  for (const auto& b : bookings) {
    if (b["status"] == "booked") return b;
  }
  return json();
}

json newBooking(const std::string& slot, const std::string& form = "in_person") {
  return {{"slot_id", slot}, {"topics", {"job_search"}}, {"contact_form", form}};
}

}  // namespace

TEST_CASE("free slots come earliest first, filtered, with those after the deadline marked") {
  TestServer t;
  const std::string freja = t.citizenToken(demo_cpr::kFreja);
  const json slots = freeSlots(t, freja, "topic=coaching&contact_form=video&limit=200");
  REQUIRE(slots.size() > 10);
  std::string previous;
  bool before = false, after = false;
  for (const auto& s : slots) {
    CHECK(s["start"].get<std::string>() >= previous);
    previous = s["start"];
    // Coaching by video: only Anne offers both.
    CHECK(s["consultant_id"] == "c-anne");
    (s["after_deadline"].get<bool>() ? after : before) = true;
  }
  // Freja's first conversation is due within days: the list has times on both sides of it.
  CHECK(before);
  CHECK(after);
  const json karim = freeSlots(t, freja, "consultant=c-karim&limit=5");
  for (const auto& s : karim) CHECK(s["consultant_first_name"] == "Karim");
  CHECK(t.client->get("/api/v1/slots?from=2026-02-30", freja).problemCode() == "invalid-request");
}

TEST_CASE("a booking carries the meeting record the rules ask for") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  const json slot = freeSlots(t, token, "contact_form=phone&limit=50").back();
  json body = newBooking(slot["id"], "phone");
  body["wishes"] = "Jeg vil tale om tandklinik-job.";
  body["interpreter"] = {{"language", "fa"}};
  const auto r = t.client->post("/api/v1/bookings", body, token, "key-1");
  REQUIRE(r.status == 201);
  const json b = r.json();
  for (const char* field : {"id", "reference", "status", "date", "start", "end", "contact_form", "type", "title", "description",
                            "staff_name", "movable", "cancellable", "self_booked", "phone_number"}) {
    INFO(field);
    CHECK(b.contains(field));
  }
  CHECK(b["status"] == "booked");
  CHECK(b["self_booked"] == true);
  CHECK(b["interpreter"]["language"] == "fa");
  CHECK(b["start"] == slot["start"]);
  CHECK(b["reference"].get<std::string>().size() == 8);
  // The booked time is no longer offered.
  for (const auto& s : freeSlots(t, token, "contact_form=phone&limit=200")) CHECK(s["id"] != slot["id"]);
  CHECK(t.client->get("/api/v1/bookings/" + b["id"].get<std::string>(), token).json()["id"] == b["id"]);
}

TEST_CASE("a retried booking with the same key is one booking, another body with that key is refused") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kFreja);
  const json slot = freeSlots(t, token, "limit=30").back();
  const auto first = t.client->post("/api/v1/bookings", newBooking(slot["id"]), token, "same-key");
  const auto retry = t.client->post("/api/v1/bookings", newBooking(slot["id"]), token, "same-key");
  REQUIRE(first.status == 201);
  CHECK(retry.status == 201);
  CHECK(retry.json()["id"] == first.json()["id"]);
  CHECK(retry.headers.at("idempotent-replayed") == "true");
  const auto other = t.client->post("/api/v1/bookings", newBooking(freeSlots(t, token, "limit=1")[0]["id"]), token, "same-key");
  CHECK(other.status == 422);
  CHECK(other.problemCode() == "idempotency-key-reused");
  CHECK(t.client->post("/api/v1/bookings", newBooking(slot["id"]), token).problemCode() == "idempotency-key-missing");
  const auto bookings = t.client->get("/api/v1/bookings", token).json()["bookings"];
  int active = 0;
  for (const auto& b : bookings) active += b["status"] == "booked" ? 1 : 0;
  CHECK(active == 1);
}

TEST_CASE("a slot taken meanwhile is refused with the nearest free times") {
  TestServer t;
  const std::string sara = t.citizenToken(demo_cpr::kSara), bent = t.citizenToken(demo_cpr::kBent);
  const json slot = freeSlots(t, sara, "contact_form=in_person&limit=40").back();
  REQUIRE(t.client->post("/api/v1/bookings", newBooking(slot["id"]), sara, "sara-1").status == 201);
  const auto late = t.client->post("/api/v1/bookings", newBooking(slot["id"]), bent, "bent-1");
  CHECK(late.status == 409);
  CHECK(late.problemCode() == "slot-taken");
  const json alternatives = late.json()["alternatives"];
  REQUIRE(alternatives.size() == 3);
  for (const auto& a : alternatives) CHECK(a["id"] != slot["id"]);
  // The first alternative books.
  CHECK(t.client->post("/api/v1/bookings", newBooking(alternatives[0]["id"]), bent, "bent-2").status == 201);
}

TEST_CASE("a booking is checked before anything is stored") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  const json slot = freeSlots(t, token, "limit=1")[0];
  json noTopic = newBooking(slot["id"]);
  noTopic["topics"] = json::array();
  CHECK(t.client->post("/api/v1/bookings", noTopic, token, "a").problemCode() == "invalid-request");
  json unknown = newBooking(slot["id"]);
  unknown["cpr"] = "010190-1234";
  CHECK(t.client->post("/api/v1/bookings", unknown, token, "b").problemCode() == "invalid-request");
  CHECK(t.client->post("/api/v1/bookings", newBooking("s-does-not-exist"), token, "c").problemCode() == "invalid-request");
  CHECK(t.client->get("/api/v1/bookings", token).json()["bookings"].empty());
}

TEST_CASE("a booking moves within the policy, and not after the cut-off") {
  TestServer t;
  const std::string peter = t.citizenToken(demo_cpr::kPeter);
  const json coming = comingBooking(t, peter);
  REQUIRE(coming.is_object());
  CHECK(coming["movable"] == true);
  const json target = freeSlots(t, peter, "contact_form=in_person&limit=80").back();
  const std::string path = "/api/v1/bookings/" + coming["id"].get<std::string>();
  const auto moved = t.client->post(path + "/move", {{"slot_id", target["id"]}}, peter, "move-1");
  REQUIRE(moved.status == 200);
  CHECK(moved.json()["id"] == coming["id"]);
  CHECK(moved.json()["start"] == target["start"]);

  // Amina's meeting is tomorrow: the cut-off (2 days) has passed.
  const std::string amina = t.citizenToken(demo_cpr::kAmina);
  const json tomorrow = comingBooking(t, amina);
  REQUIRE(tomorrow.is_object());
  CHECK(tomorrow["movable"] == false);
  const auto tooLate = t.client->post("/api/v1/bookings/" + tomorrow["id"].get<std::string>() + "/move",
                                      {{"slot_id", freeSlots(t, amina, "limit=60").back()["id"]}}, amina, "move-2");
  CHECK(tooLate.status == 409);
  CHECK(tooLate.problemCode() == "too-late-to-move");
  // Someone else's booking is not found.
  CHECK(t.client->post(path + "/cancel", json::object(), amina, "x").problemCode() == "not-found");
}

TEST_CASE("a booking is cancelled once") {
  TestServer t;
  const std::string peter = t.citizenToken(demo_cpr::kPeter);
  const json coming = comingBooking(t, peter);
  REQUIRE(coming.is_object());
  const std::string path = "/api/v1/bookings/" + coming["id"].get<std::string>() + "/cancel";
  const auto cancelled = t.client->post(path, json::object(), peter, "cancel-1");
  REQUIRE(cancelled.status == 200);
  CHECK(cancelled.json()["status"] == "cancelled");
  CHECK(cancelled.json()["cancellable"] == false);
  CHECK(t.client->post(path, json::object(), peter, "cancel-1").json()["status"] == "cancelled");  // replay
  CHECK(t.client->post(path, json::object(), peter, "cancel-2").problemCode() == "booking-not-active");
}

TEST_CASE("a citizen with more bookings than the list holds still finds the one to come, as the cut falls on those that are over") {
  TestServer t;
  const std::string peter = t.citizenToken(demo_cpr::kPeter);
  REQUIRE(comingBooking(t, peter).is_object());
  // 600 cancelled meetings in the last 90 days, all earlier than his coming one.
  const int64_t now = std::time(nullptr);
  t.server->database().transaction([&](jobcenter::Tx& tx) {
    for (int i = 0; i < 600; ++i) {
      const std::string n = std::to_string(i);
      char code[9];  // booking codes are eight capitals or digits, as the contract says
      std::snprintf(code, sizeof code, "OVER%04d", i);
      const int64_t start = now - 80 * 86400 + i * 3600;
      tx.exec("INSERT INTO slots VALUES(?,?,?,?,?,?,?)", {"s-over-" + n, "c-anne", start, start + 2700, std::string("[\"in_person\"]"),
                                                          std::string("Jobcenter Havnestad"), std::string("Havnegade 12, 2150 Havnestad")});
      tx.exec("INSERT INTO bookings VALUES(?,?,?,?,'cancelled','in_person','[\"job_search\"]',NULL,NULL,1,?,NULL)",
              {"b-over-" + n, std::string(code), std::string("cit-peter"), "s-over-" + n, start - 86400});
    }
  });
  const json bookings = t.client->get("/api/v1/bookings", peter).json()["bookings"];
  CHECK(bookings.size() == 500);
  CHECK(comingBooking(t, peter).is_object());
  // Still earliest first.
  CHECK(std::is_sorted(bookings.begin(), bookings.end(), [](const json& a, const json& b) { return a["start"] < b["start"]; }));
}

// Prism refuses unparsable JSON itself, so this one only runs directly against the server.
TEST_CASE("a body that is not JSON is refused", "[no-proxy]") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  CHECK(t.client->send("POST", "/api/v1/bookings", "{not json", "application/json", token, "d").problemCode() == "invalid-request");
}
