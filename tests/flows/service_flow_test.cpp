// The kiosk in service at a jobcenter, on the demo jobcenter over real HTTPS: the jobcenter's own
// settings applied, closed and opened by the clock, the booking system gone and back, and admin
// mode (gesture, PIN, lock-out, closing by itself) with what it writes to the log.
#include <chrono>
#include <iostream>
#include <sstream>

#include "demo_jobcenter.h"
#include "kiosk/services/admin_pin.h"

using nlohmann::json;
using namespace std::chrono_literals;

namespace {

// The settings are asked for on the first frame; their answer comes in real time.
void waitForSettings(DemoJobcenter& k) {
  for (int i = 0; i < 300 && !k.app().jobcenter().known; ++i) k.run({{{"wait_ms", 0}}});
  REQUIRE(k.app().jobcenter().known);
}

// 2026-12-11 is a Friday: the demo jobcenter closes at 13:00 Copenhagen time (12:00 UTC).
kiosk::domain::WallClock::time_point fridayUtc(int hour, int minute) {
  using namespace std::chrono;
  return sys_days{year{2026} / December / day{11}} + hours{hour} + minutes{minute};
}

// What the app writes to standard error while `run` runs.
std::string logOf(const std::function<void()>& run) {
  std::ostringstream captured;
  auto* before = std::cerr.rdbuf(captured.rdbuf());
  try {
    run();
  } catch (...) {
    std::cerr.rdbuf(before);
    throw;
  }
  std::cerr.rdbuf(before);
  return captured.str();
}

const std::string& demoPinHash() {
  static const std::string hash = kiosk::services::hashAdminPin("246810").value();
  return hash;
}

// The admin gesture: the top-left corner held, then the top-right.
const json kGesture = {{{"hold", {{"at", {0.02, 0.02}}}}, {"ms", 2100}},
                       {{"hold", {{"at", {0.98, 0.02}}}}, {"ms", 2100}},
                       {{"wait_for", "admin-pin"}}};

json typePin(const std::string& pin) {
  json steps = json::array();
  for (const char digit : pin) steps.push_back({{"tap", std::string("pin-key-") + digit}});
  steps.push_back({{"tap", "admin.pin.open"}});
  return steps;
}

void withAdmin(kiosk::app::AppOptions& options) { options.adminPinHash = demoPinHash(); }

}  // namespace

TEST_CASE("remote settings: a language or an errand the jobcenter switched off is not offered, its message is shown") {
  DemoJobcenter k;
  k.exec("INSERT INTO kiosk_settings VALUES('languages', ?)", {std::string(R"(["da","en","uk"])")});
  k.exec("INSERT INTO kiosk_settings VALUES('services', ?)",
         {std::string(R"({"check_in":true,"book":true,"move_cancel":true,"activities":false,"joblog":true,"plan":true})")});
  k.exec("INSERT INTO kiosk_settings VALUES('message_of_the_day', ?)", {std::string(R"({"text":"Lukket fredag.","language":"da"})")});
  waitForSettings(k);
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"wait_for", "language"}},
         {{"expect", {{"key", "language.uk"}}}},
         {{"expect_not", {{"key", "language.ar"}}}},
         {{"expect_not", {{"key", "language.pl"}}}},
         {{"tap", "language.en"}},
         {{"wait_for", "menu"}},
         {{"expect", {{"key", "menu.book"}}}},
         {{"expect_not", {{"key", "menu.activities"}}}},
         // Written in Danish, shown to a citizen reading English: it says which language it is in.
         {{"expect", {{"key", "menu-message"}, {"text", "Dansk: Lukket fredag."}}}}});
}

TEST_CASE("the attract screen greets only in the languages a citizen can then choose: enabled here and offered by the jobcenter", "[in-process]") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) { options.enabledLanguages = {"da", "uk", "ar", "en"}; });
  k.exec("INSERT INTO kiosk_settings VALUES('languages', ?)", {std::string(R"(["da","en","uk","so"])")});
  waitForSettings(k);
  k.run({{{"wait_ms", 100}},
         {{"expect", {{"key", "attract.hello.da"}}}},
         {{"expect", {{"key", "attract.hello.uk"}}}},
         {{"expect", {{"key", "attract.hello.en"}}}},
         {{"expect_not", {{"key", "attract.hello.ar"}}}},  // enabled here, not offered by the jobcenter
         {{"expect_not", {{"key", "attract.hello.so"}}}},  // offered, not enabled at this kiosk
         {{"expect_not", {{"key", "attract.hello.pl"}}}},
         {{"tap", "attract.touch_to_start"}},
         {{"wait_for", "language"}},
         {{"expect", {{"key", "language.uk"}}}},
         {{"expect_not", {{"key", "language.ar"}}}}});
}

// Each run() starts its clock at the real time again, so a wait and what follows from it are
// steps of one run.
json steps(std::initializer_list<json> parts) {
  json all = json::array();
  for (const auto& part : parts) {
    for (const auto& step : part) all.push_back(step);
  }
  return all;
}

TEST_CASE("remote settings: a malformed refresh keeps the last good settings and is an incident in the log") {
  DemoJobcenter k;
  k.exec("INSERT INTO kiosk_settings VALUES('languages', ?)", {std::string(R"(["da","en"])")});
  waitForSettings(k);
  REQUIRE(k.app().jobcenter().languages == std::vector<std::string>{"da", "en"});
  k.exec("UPDATE kiosk_settings SET value = ? WHERE name = 'languages'", {std::string(R"(["da",7])")});
  const std::string log = logOf([&] {
    // Five minutes on (on the attract screen, where no idle timer runs) it asks again.
    k.run({{{"wait_ms", 5 * 60 * 1000 + 1000}}, {{"wait_for", "attract"}}});
    for (int i = 0; i < 300 && k.app().waitingOnBookingSystem(); ++i) k.run({{{"wait_ms", 0}}});
  });
  CHECK(log.find("kiosk: incident: config_refresh: configuration refresh refused") != std::string::npos);  // counted for the heartbeat too
  CHECK(k.app().jobcenter().languages == std::vector<std::string>{"da", "en"});
  CHECK_FALSE(k.app().jobcenter().bookingSystemDown);
}

TEST_CASE("opening hours: a citizen finishes after closing time, then the kiosk is closed until it opens") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) {
    options.followOpeningHours = true;
    options.wallClockAtStart = fridayUtc(11, 59);  // 12:59 in Copenhagen
  });
  waitForSettings(k);
  k.toMenu("da");
  // 13:00 passes while the citizen is on the menu: they carry on; closed once they have gone.
  k.run({{{"wait_ms", 70000}},
         {{"expect", {{"key", "menu.book"}}}},
         {{"tap", "menu.book"}},
         {{"wait_for", "login"}},
         {{"tap", "bar.start_over"}},
         {{"wait_for", "closed"}},
         {{"expect", {{"key", "closed.opens"}}}},
         {{"expect", {{"key", "closed-opening-0"}}}},
         {{"expect", {{"key", "closed.jobnet"}}}},
         {{"expect", {{"key", "closed.phone"}}}}});
  // The next opening is Monday 08:00 Copenhagen time; until then the kiosk draws nothing.
  REQUIRE_FALSE(k.app().jobcenter().nextOpenings.empty());
  CHECK(k.app().jobcenter().nextOpenings.front().date == "2026-12-14");
  CHECK_FALSE(k.app().needsFrame());
  REQUIRE(k.app().nextWakeup());
  // Monday about 07:30: still closed; an hour later: open, back to the attract screen.
  k.run({{{"wait_ms", (2 * 24 + 18) * 3600 * 1000 + 29 * 60 * 1000}},
         {{"expect", {{"key", "closed.title"}}}},
         {{"wait_ms", 60 * 60 * 1000}},
         {{"wait_for", "attract"}}});
}

// [in-process]: it stops and starts the server, which only the in-process run owns.
TEST_CASE("booking system unreachable: the menu says so before any login, and it recovers by itself", "[in-process]") {
  DemoJobcenter k;
  waitForSettings(k);
  k.server().stop();
  // The next refresh, five minutes on, gets no answer: the menu says so, and the errand says
  // "at the desk" at once instead of starting a login that could not finish.
  const std::string log = logOf([&] {
    k.run({{{"wait_ms", 5 * 60 * 1000 + 1000}},
           {{"tap", "attract.touch_to_start"}},
           {{"tap", "language.da"}},
           {{"wait_for", "menu"}},
           {{"expect", {{"key", "menu.booking_system_down"}}}, {"timeout_ms", 20000}},
           // Each errand's tile says it, in place of what the errand is for.
           {{"expect", {{"key", "menu.not_now.hint"}, {"text", k.text("da", "menu.not_now.hint")}}}},
           {{"expect_not", {{"key", "menu.book.hint"}}}},
           {{"tap", "menu.book"}},
           {{"wait_for", "unavailable"}},
           {{"tap", "bar.start_over"}},
           {{"wait_for", "attract"}}});
  });
  CHECK(k.app().jobcenter().bookingSystemDown);
  CHECK(log.find("kiosk: the booking system does not answer") != std::string::npos);
  requireStarted(k.server());
  // It asks again by itself (backing off from 15 s) and the menu is whole again, no restart.
  k.run({{{"wait_ms", 6 * 60 * 1000}},
         {{"tap", "attract.touch_to_start"}},
         {{"tap", "language.da"}},
         {{"wait_for", "menu"}},
         {{"expect", {{"key", "menu.book.hint"}, {"text", k.text("da", "menu.book.hint")}}}, {"timeout_ms", 20000}},
         {{"expect_not", {{"key", "menu.booking_system_down"}}}},
         {{"tap", "menu.book"}},
         {{"wait_for", "login"}}});
  CHECK_FALSE(k.app().jobcenter().bookingSystemDown);
}

TEST_CASE("admin mode: the gesture, then the right PIN, opens the admin screen, and every step is logged") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), withAdmin);
  const std::string log = logOf([&] {
    k.run(kGesture);
    k.run(typePin("246810"));
    k.run({{{"wait_for", "admin"}, {"timeout_ms", 10000}},
           {{"expect", {{"key", "admin-booking"}, {"text", k.text("da", "admin.row.booking_answers")}}}},
           {{"expect", {{"key", "admin-heartbeat-value"}, {"text", k.text("da", "admin.value.not_yet")}}}},
           {{"expect", {{"key", "admin-printer"}}}},
           {{"tap", "admin.test.print"}},
           {{"tap", "admin.close"}},
           {{"wait_for", "attract"}}});
  });
  CHECK(log.find("kiosk: admin: gesture made, PIN pad shown") != std::string::npos);
  CHECK(log.find("kiosk: admin: right PIN, admin screen opened") != std::string::npos);
  CHECK(log.find("kiosk: admin: test print sent to") != std::string::npos);
  CHECK(log.find("246810") == std::string::npos);  // never the PIN
}

TEST_CASE("admin mode: what a citizen does by chance does not open it, nor does the gesture without a PIN set") {
  SECTION("a tap in each corner") {
    DemoJobcenter k(DemoJobcenter::fastPolicy(), withAdmin);
    k.run({{{"hold", {{"at", {0.02, 0.02}}}}, {"ms", 200}}, {{"wait_for", "language"}}, {{"hold", {{"at", {0.98, 0.02}}}}, {"ms", 200}}});
    CHECK(k.app().currentScreen() != kiosk::screens::ScreenId::AdminPin);
  }
  SECTION("no PIN in the configuration: the pad says admin mode cannot be opened") {
    // (Against jobcenter-sim the kiosk's configuration file has a PIN hash: this kiosk has none.)
    DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& o) { o.adminPinHash.clear(); });
    k.run(kGesture);
    k.run({{{"expect", {{"key", "admin-pin-status"}, {"text", k.text("da", "admin.pin.no_pin")}}}}});
  }
}

std::string wrongPinText(DemoJobcenter& k, int triesLeft) {
  std::string text = k.text("da", "admin.pin.wrong");
  return text.replace(text.find("{tries}"), 7, std::to_string(triesLeft));
}

TEST_CASE("admin mode: five wrong PINs lock the pad for five minutes and say until when") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), withAdmin);
  k.run(kGesture);
  for (int i = 1; i <= 4; ++i) {
    k.run(steps({typePin("111111"), {{{"expect", {{"key", "admin-pin-status"}, {"text", wrongPinText(k, 5 - i)}}}, {"timeout_ms", 10000}}}}));
  }
  const std::string log = logOf([&] {
    k.run(steps({typePin("111111"), {{{"expect", {{"key", "admin-pin-status"}}}}}}));
    for (int i = 0; i < 300 && k.app().adminView().pad != kiosk::screens::AdminView::Pad::Locked; ++i) k.run({{{"wait_ms", 0}}});
  });
  REQUIRE(k.app().adminView().pad == kiosk::screens::AdminView::Pad::Locked);
  CHECK(log.find("kiosk: admin: wrong PIN; the pad is locked until") != std::string::npos);
  CHECK(k.app().tree().find("admin-pin-status")->text.find(k.app().adminView().lockedUntil) != std::string::npos);
  // Locked: even the right PIN cannot be sent.
  k.run({{{"tap", "pin-key-2"}}});
  CHECK_FALSE(k.app().tree().find("admin.pin.open")->enabled);
  // The pad closes itself after a minute; after the five minutes the right PIN opens admin mode.
  k.run(steps({{{{"wait_ms", 5 * 60 * 1000 + 30 * 1000}}, {{"wait_for", "attract"}}}, kGesture, typePin("246810"),
               {{{"wait_for", "admin"}, {"timeout_ms", 10000}}}}));
}

TEST_CASE("admin mode: the admin screen closes itself after 60 s without a touch") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), withAdmin);
  k.run(kGesture);
  const std::string log = logOf([&] {
    k.run(steps({typePin("246810"),
                 {{{"wait_for", "admin"}, {"timeout_ms", 10000}},
                  {{"wait_ms", 58000}},
                  {{"expect", {{"key", "admin.title"}}}},
                  {{"wait_ms", 3000}},
                  {{"wait_for", "attract"}}}}));
  });
  CHECK(log.find("kiosk: admin: closed after 60 s without a touch") != std::string::npos);
}

TEST_CASE("admin mode: restart quits with the exit code systemd restarts on") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), withAdmin);
  k.run(kGesture);
  k.run(typePin("246810"));
  k.run({{{"wait_for", "admin"}, {"timeout_ms", 10000}}, {{"tap", "admin.restart"}}});
  CHECK(k.app().quitRequested());
  CHECK(k.app().restartRequested());
}

TEST_CASE("lockdown: a request to close the window is ignored in service, obeyed in a developer's window") {
  SECTION("in service") {
    DemoJobcenter k;
    const std::string log = logOf([&] { k.app().push(kiosk::platform::QuitRequested{}, kiosk::app::Clock::now()); });
    CHECK_FALSE(k.app().quitRequested());
    CHECK(log.find("kiosk: lockdown: a request to close the kiosk was ignored") != std::string::npos);
  }
  SECTION("--windowed") {
    DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& o) { o.allowQuit = true; });
    k.app().push(kiosk::platform::QuitRequested{}, kiosk::app::Clock::now());
    CHECK(k.app().quitRequested());
  }
}

// [in-process]: the kiosk's own clock is what moves; the server's process changes nothing here.
TEST_CASE("the system clock set an hour back, then two forward, mid-session: the calendar follows within a minute, the idle timeout neither comes early nor late", "[in-process]") {
  using namespace std::chrono;
  seconds step{0};
  const auto wallBase = kiosk::domain::WallClock::now();
  const auto steadyBase = kiosk::app::Clock::now();
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [&](kiosk::app::AppOptions& options) {
    options.systemClock = [&step, wallBase, steadyBase](kiosk::app::Clock::time_point t) { return wallBase + (t - steadyBase) + step; };
  });
  k.logIn("da", "menu.joblog", "cit-peter");
  auto secondsMoved = [&](kiosk::domain::WallClock::time_point before) { return duration_cast<seconds>(k.app().wallClock() - before).count(); };

  auto before = k.app().wallClock();
  step = -hours(1);
  const std::string log = logOf([&] { k.run({{{"wait_ms", 61000}}}); });
  CHECK(secondsMoved(before) == Approx(-3600 + 61).margin(2));  // an hour back, and the minute that passed
  CHECK(log.find("kiosk: the system clock was set back by 3600 s") != std::string::npos);
  k.run({{{"expect_not", {{"key", "idle.more_time"}}}}});  // 61 s without a touch, not an hour

  k.run({{{"tap", "bar.contrast"}}});  // a touch: the idle time starts again
  before = k.app().wallClock();
  step = hours(1);
  k.run({{{"wait_ms", 61000}}, {{"expect_not", {{"key", "idle.more_time"}}}}});
  CHECK(secondsMoved(before) == Approx(2 * 3600 + 61).margin(2));
  CHECK(k.app().citizen().summary);  // still logged in: two hours on the calendar are not two hours idle
  k.run({{{"wait_ms", 35000}}, {{"expect", {{"key", "idle.more_time"}}}}});  // 96 s without a touch
}
