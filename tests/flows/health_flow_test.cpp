// Honest health: the heartbeat reaches the jobcenter with exactly the contract's anonymous fields
// (the printer as the kiosk knows it, days left on the client certificate, incidents counted by
// kind), and the operator's log of whole citizen sessions holds nothing personal.
#include <chrono>
#include <sstream>
#include <thread>

#include "demo_jobcenter.h"

using kiosk::app::IncidentKind;

namespace {

// Waits (in real time: the server stores it on its own thread) until the query counts `want`.
bool eventually(DemoJobcenter& k, const std::string& sql, int64_t want) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (k.count(sql) == want) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// Everything written to std::cerr while it lives (the kiosk's log is standard error).
class CapturedLog {
 public:
  CapturedLog() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
  ~CapturedLog() { std::cerr.rdbuf(old_); }
  std::string text() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::streambuf* old_;
};

}  // namespace

TEST_CASE("the heartbeat reaches the jobcenter with the printer's state, certificate days and incidents by kind") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) {
    options.heartbeatEvery = std::chrono::hours(1);  // one at start, then none during the test
    options.clientCertificateExpires = std::chrono::system_clock::now() + std::chrono::days(30) + std::chrono::hours(12);
  });
  // Before the first frame: the first heartbeat carries them.
  k.app().incidents().report(IncidentKind::Printer, "file:/nowhere: cannot open (test)");
  k.app().incidents().report(IncidentKind::Printer, "file:/nowhere: cannot open (test)");
  k.app().incidents().report(IncidentKind::Speech, "espeak-ng exited with 1 (test)");
  k.toMenu("ar");
  REQUIRE(eventually(k, "SELECT COUNT(*) FROM heartbeats WHERE kiosk_id = 'flow-kiosk'", 1));
  CHECK(k.count("SELECT COUNT(*) FROM heartbeats WHERE kiosk_id = 'flow-kiosk' AND version = '0.1.0' AND healthy = 0 AND "
                "screen = 'attract' AND uptime_seconds < 60") == 1);
  // The harness's printer (a file: one-way) has printed nothing yet. The server's certificate, as
  // the handshake showed it, runs 30 days from the server's start: 29 whole days and some hours.
  CHECK(k.count("SELECT COUNT(*) FROM kiosk_health WHERE kiosk_id = 'flow-kiosk' AND printer = 'unknown' AND "
                "client_certificate_days = 30 AND server_certificate_days = 29") == 1);
  CHECK(k.count("SELECT count FROM kiosk_incidents WHERE kiosk_id = 'flow-kiosk' AND kind = 'printer'") == 2);
  CHECK(k.count("SELECT count FROM kiosk_incidents WHERE kiosk_id = 'flow-kiosk' AND kind = 'speech'") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM kiosk_incidents") == 2);
  // Counted once: the next heartbeat starts from nothing.
  CHECK(k.app().incidents().take().empty());
}

TEST_CASE("the kiosk's log of whole sessions names no citizen: no CPR number, name, booking code or typed text") {
  CapturedLog log;
  {
    DemoJobcenter k;
    // A line the scan must see, so a log that was not captured cannot pass.
    k.app().incidents().report(IncidentKind::Speech, "log capture check");
    k.run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.da"}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}},
           {{"type", "NOSUCH99"}}, {{"press", "enter"}}, {{"wait_ms", 1500}},
           {{"type", "demo0tdy"}}, {{"press", "enter"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "checkin-done"}}}},
           {{"tap", "common.done"}}, {{"wait_for", "attract"}}});
    k.run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.uk"}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}},
           {{"type", "030392-3456"}}, {{"press", "enter"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "checkin-done"}}}},
           {{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}});
    k.logIn("ar", "menu.move_cancel", "cit-mohammed");
    k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}});
    k.logIn("da", "menu.move_cancel", "cit-peter");
    k.stopServer();  // the booking system going away is logged too
    k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}});

    const std::string text = log.text();
    INFO(text);
    REQUIRE(text.find("kiosk: incident: speech: log capture check") != std::string::npos);
    std::vector<std::string> personal = {"NOSUCH99", "nosuch99", "demo0tdy", "0303923456"};
    for (const auto& sql : {"SELECT cpr FROM citizens", "SELECT replace(cpr, '-', '') FROM citizens", "SELECT first_name FROM citizens",
                            "SELECT last_name FROM citizens", "SELECT reference FROM bookings", "SELECT id FROM citizens"}) {
      for (auto& value : k.texts(sql)) personal.push_back(value);
    }
    CHECK(personal.size() > 30);
    for (const auto& value : personal) {
      INFO(value);
      CHECK(text.find(value) == std::string::npos);
    }
  }
}
