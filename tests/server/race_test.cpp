// Concurrency: many kiosks racing for few slots, and one kiosk retrying one booking many times at
// once. The oracle is the database: one booking per slot, one booking per idempotency key.
#include <catch2/catch.hpp>

#include <atomic>
#include <iostream>
#include <thread>

#include "test_server.h"

using nlohmann::json;

TEST_CASE("50 clients racing for 10 slots give exactly 10 bookings and 40 clear conflicts") {
  jobcenter::Policy policy = TestServer::fastPolicy();
  policy.maxOpenSelfBookings = 10;  // the race is for slots, not against the limit per citizen
  TestServer t(policy);
  const std::vector<std::string> cprs = {demo_cpr::kFreja, demo_cpr::kMohammed, demo_cpr::kOlena, demo_cpr::kBent,
                                         demo_cpr::kAmina, demo_cpr::kPeter, demo_cpr::kSara};
  // A token is good only at the kiosk it was issued to: each racing kiosk logs its citizen in.
  std::vector<std::string> tokens;
  std::vector<std::unique_ptr<ApiClient>> kiosks;
  for (int i = 0; i < 50; ++i) {
    kiosks.push_back(std::make_unique<ApiClient>(t.client->base(), t.server->identity().caPem(), "kiosk-" + std::to_string(i)));
    const auto staff = kiosks.back()->post("/api/v1/auth/staff", {{"staff_number", "S1001"}, {"pin", "1357"}});
    tokens.push_back(kiosks.back()
                         ->post("/api/v1/auth/assisted-citizen", {{"cpr", cprs[static_cast<size_t>(i) % cprs.size()]}},
                                staff.json().value("access_token", ""))
                         .json()
                         .value("access_token", ""));
  }
  const json slots = kiosks[0]->get("/api/v1/slots?contact_form=in_person&limit=200", tokens[0]).json()["slots"];
  REQUIRE(slots.size() >= 60);
  std::vector<std::string> contested;
  for (size_t i = 50; i < 60; ++i) contested.push_back(slots[i]["id"]);

  std::atomic<int> booked{0}, taken{0}, other{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 50; ++i) {
    clients.emplace_back([&, i] {
      const json body = {{"slot_id", contested[static_cast<size_t>(i % 10)]}, {"topics", {"job_search"}}, {"contact_form", "in_person"}};
      const auto r = kiosks[static_cast<size_t>(i)]->post("/api/v1/bookings", body, tokens[static_cast<size_t>(i)], "race-" + std::to_string(i));
      if (r.status == 201) ++booked;
      else if (r.status == 409 && r.problemCode() == "slot-taken") ++taken;
      else ++other;
    });
  }
  for (auto& c : clients) c.join();
  std::cout << "race for 10 slots: " << booked << " booked, " << taken << " slot-taken, " << other << " other\n";
  CHECK(booked == 10);
  CHECK(taken == 40);
  CHECK(other == 0);
  const auto stored = t.server->database().transaction([&](jobcenter::Tx& tx) {
    int64_t count = 0;
    for (const auto& slot : contested) {
      count += tx.queryInt("SELECT COUNT(*) FROM bookings WHERE slot_id = ? AND status <> 'cancelled'", {slot}).value_or(0);
    }
    return count;
  });
  CHECK(stored == 10);
}

TEST_CASE("20 identical requests at once with one key make exactly one booking") {
  TestServer t;
  const std::string token = t.citizenToken(demo_cpr::kSara);
  const json slot = t.client->get("/api/v1/slots?limit=100", token).json()["slots"].back();
  const json body = {{"slot_id", slot["id"]}, {"topics", {"coaching"}}, {"contact_form", slot["contact_forms"][0]}};
  std::atomic<int> created{0}, replayed{0}, inProgress{0}, other{0};
  std::vector<std::string> ids(20);
  std::vector<std::thread> clients;
  for (int i = 0; i < 20; ++i) {
    clients.emplace_back([&, i] {
      ApiClient client(t.client->base(), t.server->identity().caPem());
      const auto r = client.post("/api/v1/bookings", body, token, "one-key");
      if (r.status == 201) {
        (r.headers.count("idempotent-replayed") ? replayed : created)++;
        ids[static_cast<size_t>(i)] = r.json()["id"];
      } else if (r.status == 409 && r.problemCode() == "idempotency-in-progress") {
        ++inProgress;
      } else {
        ++other;
      }
    });
  }
  for (auto& c : clients) c.join();
  std::cout << "20 retries of one key: " << created << " created, " << replayed << " replayed, " << inProgress
            << " told to wait, " << other << " other\n";
  CHECK(created == 1);
  CHECK(created + replayed + inProgress == 20);
  CHECK(other == 0);
  std::string id;
  for (const auto& each : ids) {
    if (each.empty()) continue;
    if (id.empty()) id = each;
    CHECK(each == id);  // every success names the same booking
  }
  const auto count = t.server->database().transaction(
      [&](jobcenter::Tx& tx) { return tx.queryInt("SELECT COUNT(*) FROM bookings WHERE slot_id = ?", {slot["id"].get<std::string>()}).value_or(0); });
  CHECK(count == 1);
}
