#include "kiosk/app/heartbeat.h"

namespace kiosk::app {

const char* printerName(PrinterHealth printer) {
  switch (printer) {
    case PrinterHealth::None: return "none";
    case PrinterHealth::Unknown: return "unknown";
    case PrinterHealth::Ok: return "ok";
    case PrinterHealth::Failed: return "failed";
    case PrinterHealth::PaperNearEnd: return "paper_near_end";
    case PrinterHealth::PaperOut: return "paper_out";
    case PrinterHealth::CoverOpen: return "cover_open";
  }
  return "unknown";
}

nlohmann::json heartbeatBody(const Health& health) {
  nlohmann::json body = {{"version", health.version},
                         {"uptime_seconds", health.uptime.count()},
                         {"screen", health.screen},
                         {"healthy", health.incidents.empty() && (health.printer == PrinterHealth::None || health.printer == PrinterHealth::Unknown ||
                                                             health.printer == PrinterHealth::Ok || health.printer == PrinterHealth::PaperNearEnd)},
                         {"printer", printerName(health.printer)}};
  if (health.clientCertificateDaysLeft) body["client_certificate_days_left"] = *health.clientCertificateDaysLeft;
  if (health.serverCertificateDaysLeft) body["server_certificate_days_left"] = *health.serverCertificateDaysLeft;
  if (!health.incidents.empty()) {
    auto& list = body["incidents"] = nlohmann::json::array();
    for (const auto& i : health.incidents) list.push_back({{"kind", incidentKindName(i.kind)}, {"count", i.count}});
  }
  return body;
}

}  // namespace kiosk::app
