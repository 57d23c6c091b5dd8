// The heartbeat's body and the incident collector: only the contract's fields, counts by kind,
// and the counts of an undelivered heartbeat kept for the next one.

#include <catch2/catch.hpp>

#include <sstream>

#include "kiosk/app/heartbeat.h"
#include "kiosk/app/incidents.h"

using namespace kiosk::app;

TEST_CASE("health: each incident is one log line and counted by kind until taken") {
  std::ostringstream log;
  Incidents incidents(log);
  incidents.report(IncidentKind::Printer, "/dev/usb/lp0: cover open");
  incidents.report(IncidentKind::Printer, "/dev/usb/lp0: cover open");
  incidents.report(IncidentKind::Certificate, "the booking system's certificate or pin did not match");
  CHECK(log.str() ==
        "kiosk: incident: printer: /dev/usb/lp0: cover open\n"
        "kiosk: incident: printer: /dev/usb/lp0: cover open\n"
        "kiosk: incident: certificate: the booking system's certificate or pin did not match\n");
  const auto counts = incidents.take();
  REQUIRE(counts.size() == 2);
  CHECK((counts[0].kind == IncidentKind::Certificate && counts[0].count == 1));
  CHECK((counts[1].kind == IncidentKind::Printer && counts[1].count == 2));
  CHECK(incidents.take().empty());
  incidents.restore(counts);  // that heartbeat was not delivered
  incidents.report(IncidentKind::Printer, "again");
  const auto again = incidents.take();
  REQUIRE(again.size() == 2);
  CHECK(again[1].count == 3);
}

TEST_CASE("health: the count of one kind is bounded") {
  std::ostringstream log;
  Incidents incidents(log);
  incidents.restore({{IncidentKind::Speech, Incidents::kMaxCount}});
  incidents.report(IncidentKind::Speech, "espeak-ng exited with 1");
  CHECK(incidents.take().at(0).count == Incidents::kMaxCount);
}

TEST_CASE("health: the heartbeat has the contract's fields, and is unhealthy with incidents or a failed printer") {
  Health health;
  health.version = "0.1.0";
  health.uptime = std::chrono::seconds(3600);
  health.screen = "menu";
  health.printer = PrinterHealth::Ok;
  CHECK(heartbeatBody(health) ==
        nlohmann::json{{"version", "0.1.0"}, {"uptime_seconds", 3600}, {"screen", "menu"}, {"healthy", true}, {"printer", "ok"}});
  health.printer = PrinterHealth::Failed;
  CHECK(heartbeatBody(health)["healthy"] == false);
  health.printer = PrinterHealth::None;
  health.clientCertificateDaysLeft = 12;
  health.incidents = {{IncidentKind::ConfigRefresh, 2}};
  const auto body = heartbeatBody(health);
  CHECK(body["healthy"] == false);
  CHECK(body["printer"] == "none");
  CHECK(body["client_certificate_days_left"] == 12);
  CHECK_FALSE(body.contains("server_certificate_days_left"));
  CHECK(body["incidents"] == nlohmann::json::array({{{"kind", "config_refresh"}, {"count", 2}}}));
}
