// The typed client against the reference server over real HTTPS: login by the device grant,
// summary, slots, booking, a slot taken meanwhile, a reply that does not decode.
#include <catch2/catch.hpp>

#include "client_harness.h"
#include "fault_proxy.h"
#include "kiosk/api/booking_api.h"
#include "reference_server.h"

using namespace kiosk::api;

namespace {

// Runs the client's callbacks until done() says so.
template <typename Done>
void pump(HttpClient& client, Done&& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done() && std::chrono::steady_clock::now() < until) {
    client.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  REQUIRE(done());
}

struct Bench {
  Bench() {
    jobcenter::ServerOptions options;
    options.policy.devicePollSeconds = 0;
    server = std::make_unique<jobcenter::ReferenceServer>(options);
    server->start();
    ClientConfig config;
    config.baseUrl = server->baseUrl();
    config.kioskId = "api-kiosk";
    config.tls.caPem = server->identity().caPem();
    config.tls.pins = {server->identity().publicKeyPin()};
    client = std::make_unique<HttpClient>(config, nullptr);
    api = std::make_unique<BookingApi>(*client, 1);
  }

  void approveOnPhone(const std::string& userCode, const std::string& citizen) {
    httplib::SSLClient phone("127.0.0.1", server->port());
    phone.enable_server_certificate_verification(false);  // stands in for the citizen's phone browser
    auto r = phone.Post("/device", "user_code=" + userCode + "&citizen=" + citizen + "&action=approve", "application/x-www-form-urlencoded");
    REQUIRE(r);
    REQUIRE(r->status == 200);
  }

  void login(const std::string& citizen) {
    std::optional<Outcome<kiosk::domain::DeviceAuthorization>> start;
    api->startDeviceLogin([&](auto o) { start = o; });
    pump(*client, [&] { return start.has_value(); });
    REQUIRE(start->ok());
    std::optional<LoginPoll> first;
    api->pollDeviceLogin(start->value->deviceCode, [&](LoginPoll p, ApiError) { first = p; });
    pump(*client, [&] { return first.has_value(); });
    CHECK(*first == LoginPoll::Pending);
    approveOnPhone(start->value->userCode, citizen);
    std::optional<LoginPoll> second;
    api->pollDeviceLogin(start->value->deviceCode, [&](LoginPoll p, ApiError) { second = p; });
    pump(*client, [&] { return second.has_value(); });
    REQUIRE(*second == LoginPoll::LoggedIn);
  }

  std::vector<kiosk::domain::Slot> slots() {
    std::optional<Outcome<std::vector<kiosk::domain::Slot>>> got;
    api->freeSlots({"", "", kiosk::domain::ContactForm::InPerson, 100}, [&](auto o) { got = o; });
    pump(*client, [&] { return got.has_value(); });
    REQUIRE(got->ok());
    return *got->value;
  }

  Outcome<kiosk::domain::Booking> book(BookingApi& with, const std::string& slot, const std::string& key) {
    std::optional<Outcome<kiosk::domain::Booking>> got;
    with.createBooking({slot, {"job_search"}, kiosk::domain::ContactForm::InPerson, "", "ar"}, key, [&](auto o) { got = o; });
    pump(*client, [&] { return got.has_value(); });
    return *got;
  }

  std::unique_ptr<jobcenter::ReferenceServer> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<BookingApi> api;
};

}  // namespace

TEST_CASE("log in on the phone, read the summary, book a time") {
  Bench b;
  b.login("cit-mohammed");
  std::optional<Outcome<kiosk::domain::CitizenSummary>> summary;
  b.api->citizenSummary([&](auto o) { summary = o; });
  pump(*b.client, [&] { return summary.has_value(); });
  REQUIRE(summary->ok());
  CHECK(summary->value->firstName == "Mohammed");
  REQUIRE(summary->value->preferences);
  CHECK(summary->value->preferences->language == "ar");

  const auto slots = b.slots();
  REQUIRE(slots.size() > 20);
  const auto booked = b.book(*b.api, slots[20].id, BookingApi::newIdempotencyKey());
  REQUIRE(booked.ok());
  CHECK(booked.value->start.unixSeconds == slots[20].start.unixSeconds);
  CHECK(booked.value->interpreterLanguage == "ar");
}

TEST_CASE("a time taken meanwhile says so and offers the nearest free times") {
  Bench b;
  b.login("cit-sara");
  const auto slots = b.slots();
  REQUIRE(b.book(*b.api, slots[30].id, "first").ok());
  BookingApi other(*b.client, 2);
  other.setToken(b.api->token());
  const auto late = b.book(other, slots[30].id, "second");
  CHECK(late.error == ApiError::SlotTaken);
  CHECK(catalogKey(late.error) == "error.slot_taken");
  CHECK(late.alternatives.size() == 3);
  CHECK_FALSE(late.value);
}

TEST_CASE("an expired session is reported as such") {
  Bench b;
  b.api->setToken("not-a-real-token");
  std::optional<Outcome<kiosk::domain::CitizenSummary>> summary;
  b.api->citizenSummary([&](auto o) { summary = o; });
  pump(*b.client, [&] { return summary.has_value(); });
  CHECK(summary->error == ApiError::SessionExpired);
}

TEST_CASE("a booking whose confirmation arrives garbled is confirmed by asking again with the same key") {
  Bench b;
  b.login("cit-peter");
  const auto slots = b.slots();
  FaultProxy proxy("127.0.0.1", b.server->port(), b.server->identity().caPem());
  ClientConfig config;
  config.baseUrl = proxy.url();
  config.kioskId = "api-kiosk";
  config.tls.allowPlainHttpToLoopback = true;
  HttpClient viaProxy(config, nullptr);
  BookingApi api(viaProxy, 3);
  api.setToken(b.api->token());
  proxy.plan({Fault::InvalidJsonAfterForwarding});
  std::optional<Outcome<kiosk::domain::Booking>> got;
  api.createBooking({slots[40].id, {"coaching"}, kiosk::domain::ContactForm::InPerson, "", ""}, "garbled", [&](auto o) { got = o; });
  pump(viaProxy, [&] { return got.has_value(); });
  REQUIRE(got->ok());
  CHECK(got->value->start.unixSeconds == slots[40].start.unixSeconds);
  CHECK(proxy.requestsSeen() == 2);
}

TEST_CASE("every API error has a catalog key, and only certificate problems are incidents") {
  for (int e = static_cast<int>(ApiError::Offline); e <= static_cast<int>(ApiError::ServerError); ++e) {
    const auto error = static_cast<ApiError>(e);
    CHECK(catalogKey(error).rfind("error.", 0) == 0);
    CHECK(isIncident(error) == (error == ApiError::CertificateProblem));
  }
}
