#pragma once
// The heartbeat's body (POST /kiosk/heartbeat, Heartbeat in server/openapi.yaml): how the kiosk
// is, in the contract's fields only — nothing about any citizen.

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/incidents.h"

namespace kiosk::app {

// none: no printer here; unknown: a one-way printer that has printed nothing yet; the last three
// from a two-way printer's own status (DLE EOT).
enum class PrinterHealth { None, Unknown, Ok, Failed, PaperNearEnd, PaperOut, CoverOpen };
// As the contract's heartbeat and the metrics file name it: "paper_out", "cover_open", ...
const char* printerName(PrinterHealth printer);

struct Health {
  std::string version;
  std::chrono::seconds uptime{0};
  std::string screen;
  PrinterHealth printer = PrinterHealth::None;
  std::optional<int> clientCertificateDaysLeft, serverCertificateDaysLeft;
  std::vector<IncidentCount> incidents;
};

// Healthy: no incidents since the last heartbeat and the printer (if any) able to print (paper
// near its end still prints).
nlohmann::json heartbeatBody(const Health& health);

}  // namespace kiosk::app
