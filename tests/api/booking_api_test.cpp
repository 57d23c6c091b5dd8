// The typed client against the reference server over real HTTPS: login by the device grant,
// summary, slots, booking, a slot taken meanwhile, a reply that does not decode; then every other
// operation — booking choices, the citizen's bookings, activities, job log, feedback, saved
// preferences, and without a citizen login: check-in, help, staff and assisted login.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "client_harness.h"
#include "fault_proxy.h"
#include "kiosk/api/booking_api.h"
#include "reference_server.h"
#include "../server/require_started.h"

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
    requireStarted(*server);
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

  kiosk::api::BookingOutcome book(BookingApi& with, const std::string& slot, const std::string& key) {
    std::optional<kiosk::api::BookingOutcome> got;
    with.createBooking({slot, {"job_search"}, kiosk::domain::ContactForm::InPerson, "", "ar"}, key, [&](auto o) { got = o; });
    pump(*client, [&] { return got.has_value(); });
    return *got;
  }

  kiosk::domain::CitizenSummary summary() {
    std::optional<Outcome<kiosk::domain::CitizenSummary>> got;
    api->citizenSummary([&](auto o) { got = o; });
    pump(*client, [&] { return got.has_value(); });
    REQUIRE(got->ok());
    return *got->value;
  }

  std::unique_ptr<jobcenter::ReferenceServer> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<BookingApi> api;
};

// Starts one call (start gets the callback) and runs the client until it has answered.
template <typename Result, typename Start>
Result answer(HttpClient& client, Start&& start) {
  std::optional<Result> got;
  start([&](Result r) { got = std::move(r); });
  pump(client, [&] { return got.has_value(); });
  return std::move(*got);
}

// A local date some days back, safely within the server's last year whatever the time zones.
std::string daysAgo(int days) {
  using namespace std::chrono;
  const year_month_day date{floor<std::chrono::days>(system_clock::now()) - std::chrono::days(days)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

const kiosk::domain::Activity* findActivity(const std::vector<kiosk::domain::Activity>& list, const std::string& id) {
  for (const auto& a : list) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

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
  // Bent books that very time at the desk (a citizen may have one self-booked meeting coming, so
  // the rival is another citizen).
  b.server->database().transaction([&](jobcenter::Tx& tx) {
    tx.exec("INSERT INTO bookings VALUES('b-desk','DESK0001','cit-bent',?,'booked','in_person','[\"coaching\"]',NULL,NULL,0,0,NULL)",
            {slots[30].id});
  });
  const auto late = b.book(*b.api, slots[30].id, "second");
  CHECK(late.error == ApiError::SlotTaken);
  CHECK(catalogKey(late.error) == "error.slot_taken");
  CHECK(late.alternatives.size() == 3);
  CHECK_FALSE(late.value);
}

TEST_CASE("a second self-booked meeting is BookingLimitReached, naming the booking to move") {
  Bench b;
  b.login("cit-sara");
  const auto slots = b.slots();
  const auto first = b.book(*b.api, slots[30].id, BookingApi::newIdempotencyKey());
  REQUIRE(first.ok());
  const auto second = b.book(*b.api, slots[31].id, BookingApi::newIdempotencyKey());
  CHECK(second.error == ApiError::BookingLimitReached);
  CHECK(catalogKey(second.error) == "error.booking_limit");
  CHECK(second.existingBookings == std::vector<std::string>{first.value->id});
  CHECK_FALSE(second.value);
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
  b.login("cit-freja");  // nothing booked yet: one self-booked meeting per citizen
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
  std::optional<kiosk::api::BookingOutcome> got;
  api.createBooking({slots[40].id, {"coaching"}, kiosk::domain::ContactForm::InPerson, "", ""}, "garbled", [&](auto o) { got = o; });
  pump(viaProxy, [&] { return got.has_value(); });
  REQUIRE(got->ok());
  CHECK(got->value->start.unixSeconds == slots[40].start.unixSeconds);
  CHECK(proxy.requestsSeen() == 2);
}

TEST_CASE("every API error has a catalog key, and only certificate problems are incidents") {
  for (int e = static_cast<int>(ApiError::Offline); e <= static_cast<int>(ApiError::BookingLimitReached); ++e) {
    const auto error = static_cast<ApiError>(e);
    CHECK(catalogKey(error).rfind("error.", 0) == 0);
    CHECK(isIncident(error) == (error == ApiError::CertificateProblem));
  }
}

TEST_CASE("a server whose key does not match the pin is reported to the operator as an incident") {
  Bench b;
  ClientConfig config = b.client->config();
  config.tls.pins = {jobcenter::makeLoopbackIdentity().publicKeyPin()};  // another server's key
  config.retry.maxAttempts = 1;
  HttpClient wrongServer(config, nullptr);
  std::vector<ApiError> incidents;
  BookingApi api(wrongServer, 7, [&](ApiError e) { incidents.push_back(e); });
  std::optional<Outcome<std::vector<kiosk::domain::Topic>>> got;
  api.topics([&](auto o) { got = o; });
  pump(wrongServer, [&] { return got.has_value(); });
  CHECK(got->error == ApiError::CertificateProblem);
  REQUIRE(incidents.size() == 1);
  CHECK(incidents.front() == ApiError::CertificateProblem);
  SECTION("the phone login's polling reports it too") {
    std::optional<ApiError> polled;
    api.pollDeviceLogin("any-code", [&](LoginPoll, ApiError e) { polled = e; });
    pump(wrongServer, [&] { return polled.has_value(); });
    CHECK(*polled == ApiError::CertificateProblem);
    CHECK(incidents.size() == 2);
  }
}

// [SECTION] Booking choices and the citizen's bookings

TEST_CASE("topics, consultants and the booking policy come from the server") {
  Bench b;
  b.login("cit-freja");
  const auto topics = answer<Outcome<std::vector<kiosk::domain::Topic>>>(*b.client, [&](auto done) { b.api->topics(done); });
  REQUIRE(topics.ok());
  REQUIRE(topics.value->size() == 6);
  CHECK((*topics.value)[0].id == "coaching");
  const auto consultants = answer<Outcome<std::vector<kiosk::domain::Consultant>>>(*b.client, [&](auto done) { b.api->consultants(done); });
  REQUIRE(consultants.ok());
  REQUIRE(consultants.value->size() == 8);
  const auto karim = std::find_if(consultants.value->begin(), consultants.value->end(), [](const auto& c) { return c.id == "c-karim"; });
  REQUIRE(karim != consultants.value->end());
  CHECK(std::find(karim->languages.begin(), karim->languages.end(), "ar") != karim->languages.end());
  const auto policy = answer<Outcome<kiosk::domain::BookingPolicy>>(*b.client, [&](auto done) { b.api->bookingPolicy(done); });
  REQUIRE(policy.ok());
  CHECK(policy.value->moveCutoffDays == 2);
  CHECK(policy.value->cancelCutoffDays == 1);
}

TEST_CASE("the citizen's bookings include a new booking") {
  Bench b;
  b.login("cit-sara");
  const auto before = answer<Outcome<std::vector<kiosk::domain::Booking>>>(*b.client, [&](auto done) { b.api->bookings(done); });
  REQUIRE(before.ok());
  CHECK(before.value->empty());
  const auto booked = b.book(*b.api, b.slots()[5].id, BookingApi::newIdempotencyKey());
  REQUIRE(booked.ok());
  const auto after = answer<Outcome<std::vector<kiosk::domain::Booking>>>(*b.client, [&](auto done) { b.api->bookings(done); });
  REQUIRE(after.ok());
  REQUIRE(after.value->size() == 1);
  CHECK((*after.value)[0].id == booked.value->id);
  CHECK((*after.value)[0].status == kiosk::domain::BookingStatus::Booked);
}

TEST_CASE("saved preferences come back in the next summary, opting out forgets them") {
  Bench b;
  b.login("cit-freja");
  kiosk::domain::Preferences wanted{true, "uk", 150, true, true};
  const auto saved = answer<Outcome<kiosk::domain::Preferences>>(*b.client, [&](auto done) { b.api->savePreferences(wanted, done); });
  REQUIRE(saved.ok());
  CHECK(saved.value->language == "uk");
  const auto summary = b.summary();
  REQUIRE(summary.preferences);
  CHECK(summary.preferences->language == "uk");
  CHECK(summary.preferences->textSize == 150);
  CHECK(summary.preferences->highContrast);
  CHECK(summary.preferences->readAloud);
  wanted.optedIn = false;
  REQUIRE(answer<Outcome<kiosk::domain::Preferences>>(*b.client, [&](auto done) { b.api->savePreferences(wanted, done); }).ok());
  CHECK_FALSE(b.summary().preferences);
}

// [SECTION] Activities

TEST_CASE("sign up for an activity once, again is AlreadyRegistered, a full one ActivityFull, withdraw") {
  Bench b;
  b.login("cit-freja");
  auto list = [&] {
    const auto got = answer<Outcome<std::vector<kiosk::domain::Activity>>>(*b.client, [&](auto done) { b.api->activities(done); });
    REQUIRE(got.ok());
    return *got.value;
  };
  auto signUp = [&](const std::string& id) {
    return answer<Outcome<bool>>(*b.client, [&](auto done) { b.api->registerForActivity(id, BookingApi::newIdempotencyKey(), done); });
  };
  auto withdraw = [&](const std::string& id) {
    return answer<Outcome<bool>>(*b.client, [&](auto done) { b.api->unregisterFromActivity(id, done); });
  };
  const auto before = list();
  REQUIRE(before.size() == 5);
  REQUIRE(findActivity(before, "a-cv"));
  const int seats = findActivity(before, "a-cv")->seatsLeft;
  CHECK_FALSE(findActivity(before, "a-cv")->registered);

  CHECK(signUp("a-cv").ok());
  CHECK(signUp("a-cv").error == ApiError::AlreadyRegistered);
  CHECK(signUp("a-hjaelp").error == ApiError::ActivityFull);
  CHECK(signUp("a-nothing").error == ApiError::NotFound);
  const auto signedUp = list();
  CHECK(findActivity(signedUp, "a-cv")->registered);
  CHECK(findActivity(signedUp, "a-cv")->seatsLeft == seats - 1);

  CHECK(withdraw("a-cv").ok());
  CHECK(withdraw("a-cv").error == ApiError::NotFound);  // one attempt, and not signed up
  const auto after = list();
  CHECK_FALSE(findActivity(after, "a-cv")->registered);
  CHECK(findActivity(after, "a-cv")->seatsLeft == seats);
}

TEST_CASE("withdrawing whose answer is lost is repeated, and the repeat's 404 is the first one's success") {
  Bench b;
  b.login("cit-peter");  // signed up for the network meeting
  FaultProxy proxy("127.0.0.1", b.server->port(), b.server->identity().caPem());
  ClientConfig config;
  config.baseUrl = proxy.url();
  config.kioskId = "api-kiosk";
  config.tls.allowPlainHttpToLoopback = true;
  config.retry.base = std::chrono::milliseconds(20);
  HttpClient viaProxy(config, nullptr);
  BookingApi api(viaProxy, 4);
  api.setToken(b.api->token());
  proxy.plan({Fault::ResetAfterForwarding});
  const auto withdrawn = answer<Outcome<bool>>(viaProxy, [&](auto done) { api.unregisterFromActivity("a-net", done); });
  CHECK(withdrawn.ok());
  CHECK(proxy.requestsSeen() == 2);
  const auto list = answer<Outcome<std::vector<kiosk::domain::Activity>>>(*b.client, [&](auto done) { b.api->activities(done); });
  REQUIRE(list.ok());
  CHECK_FALSE(findActivity(*list.value, "a-net")->registered);
}

// [SECTION] Job log and feedback

TEST_CASE("a job log entry is added and listed first") {
  Bench b;
  b.login("cit-sara");  // no job log yet
  const auto empty = answer<Outcome<kiosk::domain::Joblog>>(*b.client, [&](auto done) { b.api->joblog(done); });
  REQUIRE(empty.ok());
  CHECK(empty.value->entries.empty());
  CHECK(empty.value->weeklyTarget == 2);

  kiosk::domain::JoblogEntry application;
  application.date = daysAgo(3);
  application.jobTitle = "Receptionist";
  application.employer = kiosk::domain::Place{"Tandlægerne i Havnestad", ""};
  application.how = kiosk::domain::HowApplied::Email;
  const auto added = answer<Outcome<kiosk::domain::JoblogEntry>>(
      *b.client, [&](auto done) { b.api->addJoblogEntry(application, BookingApi::newIdempotencyKey(), done); });
  REQUIRE(added.ok());
  CHECK(added.value->jobTitle == "Receptionist");
  REQUIRE(added.value->employer);
  CHECK(added.value->employer->address.empty());

  kiosk::domain::JoblogEntry other;
  other.kind = kiosk::domain::JoblogKind::Other;
  other.date = daysAgo(1);
  other.description = "Jobmesse i Havnestad Hallen";
  REQUIRE(answer<Outcome<kiosk::domain::JoblogEntry>>(*b.client, [&](auto done) {
            b.api->addJoblogEntry(other, BookingApi::newIdempotencyKey(), done);
          }).ok());

  const auto log = answer<Outcome<kiosk::domain::Joblog>>(*b.client, [&](auto done) { b.api->joblog(done); });
  REQUIRE(log.ok());
  REQUIRE(log.value->entries.size() == 2);
  CHECK(log.value->entries[0].kind == kiosk::domain::JoblogKind::Other);  // newest date first
  CHECK(log.value->entries[1].id == added.value->id);

  kiosk::domain::JoblogEntry incomplete;  // an application without a job title
  incomplete.date = daysAgo(1);
  incomplete.how = kiosk::domain::HowApplied::Phone;
  CHECK(answer<Outcome<kiosk::domain::JoblogEntry>>(*b.client, [&](auto done) {
          b.api->addJoblogEntry(incomplete, BookingApi::newIdempotencyKey(), done);
        }).error == ApiError::Rejected);
}

TEST_CASE("feedback on Peter Larsen's held meeting is taken once asked for, someone else's meeting is NotFound") {
  Bench b;
  b.login("cit-peter");
  const auto due = b.summary().feedbackBookingId;
  REQUIRE(due);
  const auto sent = answer<Outcome<bool>>(*b.client, [&](auto done) { b.api->sendFeedback(*due, 3, BookingApi::newIdempotencyKey(), done); });
  REQUIRE(sent.ok());
  CHECK_FALSE(b.summary().feedbackBookingId);
  CHECK(answer<Outcome<bool>>(*b.client, [&](auto done) { b.api->sendFeedback("b-1", 2, BookingApi::newIdempotencyKey(), done); }).error ==
        ApiError::NotFound);
}

// [SECTION] Without a citizen login

TEST_CASE("check in by booking code, again, by CPR, and with an unknown code") {
  Bench b;
  auto byCode = [&](const std::string& code) {
    return answer<Outcome<kiosk::domain::CheckIn>>(*b.client, [&](auto done) { b.api->checkInByCode(code, done); });
  };
  const auto first = byCode("DEMO0TDY");
  REQUIRE(first.ok());
  CHECK_FALSE(first.value->alreadyCheckedIn);
  CHECK(first.value->firstName.empty());  // never the citizen's name (issue 16)
  CHECK(first.value->reference == "DEMO0TDY");
  const auto again = byCode("DEMO0TDY");
  REQUIRE(again.ok());
  CHECK(again.value->alreadyCheckedIn);
  CHECK(again.value->checkedInAt.text == first.value->checkedInAt.text);
  const auto byCpr = answer<Outcome<kiosk::domain::CheckIn>>(*b.client, [&](auto done) { b.api->checkInByCpr("030392-3456", done); });
  REQUIRE(byCpr.ok());
  CHECK(byCpr.value->alreadyCheckedIn);
  CHECK_FALSE(byCpr.value->meetingShown);  // by CPR number: only that it happened
  CHECK(byCpr.value->reference.empty());
  CHECK(byCode("NOPE1234").error == ApiError::NotFound);
}

TEST_CASE("a help request reaches staff once, however often it is sent") {
  Bench b;
  const std::string key = BookingApi::newIdempotencyKey();
  auto ask = [&] {
    return answer<Outcome<kiosk::domain::HelpRequest>>(
        *b.client, [&](auto done) { b.api->helpRequest({kiosk::domain::HelpReason::Interpreter, "ar", "", "", false}, key, done); });
  };
  const auto first = ask();
  REQUIRE(first.ok());
  CHECK(first.value->reason == kiosk::domain::HelpReason::Interpreter);
  CHECK(first.value->language == "ar");
  const auto replayed = ask();
  REQUIRE(replayed.ok());
  CHECK(replayed.value->id == first.value->id);
  const auto noLanguage = answer<Outcome<kiosk::domain::HelpRequest>>(*b.client, [&](auto done) {
    b.api->helpRequest({kiosk::domain::HelpReason::PhysicalHelp, "", "", "", false}, BookingApi::newIdempotencyKey(), done);
  });
  REQUIRE(noLanguage.ok());
  CHECK_FALSE(noLanguage.value->language);
}

TEST_CASE("the kiosk follows its own help request: open until taken, and nobody else's") {
  Bench b;
  const auto made = answer<Outcome<kiosk::domain::HelpRequest>>(*b.client, [&](auto done) {
    b.api->helpRequest({kiosk::domain::HelpReason::TooLateToChange, "uk", "cancel", "2026-12-07", false},
                       BookingApi::newIdempotencyKey(), done);
  });
  REQUIRE(made.ok());
  const auto status = [&](const std::string& id) {
    return answer<Outcome<kiosk::domain::HelpRequest>>(*b.client, [&](auto done) { b.api->helpRequestStatus(id, done); });
  };
  const auto open = status(made.value->id);
  REQUIRE(open.ok());
  CHECK(open.value->status == kiosk::domain::HelpStatus::Open);
  CHECK_FALSE(open.value->takenBy);
  CHECK(status("h-not-made-here").error == ApiError::NotFound);
}

TEST_CASE("staff log in, a wrong PIN is WrongCredentials, and a locked number says so at once") {
  Bench b;
  auto staff = [&](const std::string& number, const std::string& pin) {
    return answer<Outcome<kiosk::domain::StaffSession>>(*b.client, [&](auto done) { b.api->staffLogin(number, pin, done); });
  };
  const auto birgitte = staff("S1001", "1357");
  REQUIRE(birgitte.ok());
  CHECK(birgitte.value->name == "Birgitte Lund");
  CHECK(b.api->staffToken() == birgitte.value->accessToken);
  const auto wrong = staff("S1002", "0000");
  CHECK(wrong.error == ApiError::WrongCredentials);
  CHECK(catalogKey(wrong.error) == "error.wrong_credentials");
  for (int i = 0; i < 4; ++i) CHECK(staff("S1002", "0000").error == ApiError::WrongCredentials);
  const auto started = std::chrono::steady_clock::now();
  // The sixth try, with the right PIN, is refused as "too many wrong PINs", never as "busy".
  const auto locked = staff("S1002", "2468");
  CHECK(locked.error == ApiError::TooManyAttempts);  // 429 too-many-attempts, Retry-After: 300
  CHECK(catalogKey(locked.error) == "error.too_many_attempts");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
}

TEST_CASE("staff log a citizen in by CPR, the summary says the session is assisted") {
  Bench b;
  auto assisted = [&](const std::string& cpr) {
    return answer<Outcome<bool>>(*b.client, [&](auto done) { b.api->assistedCitizenLogin(cpr, done); });
  };
  CHECK(assisted("030392-3456").error == ApiError::SessionExpired);  // no staff logged in
  REQUIRE(answer<Outcome<kiosk::domain::StaffSession>>(*b.client, [&](auto done) { b.api->staffLogin("S1001", "1357", done); }).ok());
  CHECK(assisted("999999-9999").error == ApiError::NotFound);
  CHECK(b.api->token().empty());
  REQUIRE(assisted("030392-3456").ok());
  CHECK_FALSE(b.api->token().empty());
  const auto summary = b.summary();
  CHECK(summary.firstName == "Olena");
  CHECK(summary.assisted);
}
