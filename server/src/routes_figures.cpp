// For managers: the figures (/api/v1/board/figures, and as CSV); for IT: every kiosk's health
// (/api/v1/board/fleet) and /metrics in Prometheus' text format, so a jobcenter with many sites
// scrapes it into its own Prometheus and Grafana instead of watching a page.

#include "board_session.h"
#include "figures.h"
#include "routes.h"

namespace jobcenter {
namespace {

constexpr Instant kGreenSeconds = 120, kAmberSeconds = 600;

// The range from ?from=&to= (local dates, at most a year); the last 30 days if neither is given.
std::optional<std::pair<LocalDate, LocalDate>> dateRange(const httplib::Request& req, httplib::Response& res) {
  const LocalDate today = localDateOf(nowInstant());
  LocalDate from = addDays(today, -29), to = today;
  if ((req.has_param("from") && !parseIsoDate(req.get_param_value("from"), from)) ||
      (req.has_param("to") && !parseIsoDate(req.get_param_value("to"), to)) || to < from || addDays(from, 366) < to) {
    problem(res, 400, "invalid-request", "from and to must be dates (YYYY-MM-DD), from first, at most a year apart");
    return std::nullopt;
  }
  return std::pair{from, to};
}

const char* light(Instant secondsSince) { return secondsSince < kGreenSeconds ? "green" : secondsSince < kAmberSeconds ? "amber" : "red"; }

json fleet(Tx& tx, Instant now) {
  json kiosks = json::array();
  tx.query("SELECT h.kiosk_id, p.place, h.version, h.uptime_seconds, h.screen, h.healthy, h.received_at, k.printer,"
           " k.client_certificate_days, k.server_certificate_days FROM heartbeats h LEFT JOIN kiosk_places p ON p.kiosk_id = h.kiosk_id"
           " LEFT JOIN kiosk_health k ON k.kiosk_id = h.kiosk_id ORDER BY h.kiosk_id",
           {}, [&](const Row& row) {
             json k = {{"kiosk_id", row.text(0)}, {"version", row.text(2)}, {"uptime_seconds", row.integer(3)}, {"screen", row.text(4)},
                       {"healthy", row.integer(5) != 0}, {"last_heartbeat", rfc3339(row.integer(6))},
                       {"seconds_since_heartbeat", now - row.integer(6)}, {"light", light(now - row.integer(6))},
                       {"incidents", json::object()}};
             if (!row.isNull(1)) k["place"] = row.text(1);
             if (!row.isNull(7)) k["printer"] = row.text(7);
             if (!row.isNull(8)) k["client_certificate_days_left"] = row.integer(8);
             if (!row.isNull(9)) k["server_certificate_days_left"] = row.integer(9);
             kiosks.push_back(k);
           });
  // Incidents of the last 24 hours, counted by kind.
  for (auto& k : kiosks) {
    tx.query("SELECT kind, SUM(count) FROM kiosk_incidents WHERE kiosk_id = ? AND received_at > ? GROUP BY kind", {k["kiosk_id"].get<std::string>(), now - 86400},
             [&](const Row& row) { k["incidents"][row.text(0)] = row.integer(1); });
  }
  return {{"generated_at", rfc3339(now)}, {"kiosks", kiosks}};
}

std::string prometheus(const json& f, Tx& tx) {
  std::string out;
  const auto metric = [&](const std::string& name, const std::string& help) { out += "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n"; };
  const auto sample = [&](const std::string& name, const std::string& labels, const std::string& value) {
    out += name + "{" + labels + "} " + value + "\n";
  };
  const auto kiosk = [](const json& k) { return "kiosk=\"" + k["kiosk_id"].get<std::string>() + "\""; };
  metric("jobcenter_kiosk_up", "1 if the kiosk's last heartbeat is under 2 minutes old and says it is healthy.");
  for (const auto& k : f["kiosks"]) sample("jobcenter_kiosk_up", kiosk(k), k["light"] == "green" && k["healthy"] == true ? "1" : "0");
  metric("jobcenter_kiosk_heartbeat_age_seconds", "Seconds since the kiosk's last heartbeat.");
  for (const auto& k : f["kiosks"]) sample("jobcenter_kiosk_heartbeat_age_seconds", kiosk(k), k["seconds_since_heartbeat"].dump());
  metric("jobcenter_kiosk_uptime_seconds", "Seconds since the kiosk program started, as its last heartbeat said.");
  for (const auto& k : f["kiosks"]) sample("jobcenter_kiosk_uptime_seconds", kiosk(k), k["uptime_seconds"].dump());
  metric("jobcenter_kiosk_info", "The kiosk's version and printer state (always 1).");
  for (const auto& k : f["kiosks"]) {
    sample("jobcenter_kiosk_info", kiosk(k) + ",version=\"" + k["version"].get<std::string>() + "\",printer=\"" + k.value("printer", "unknown") + "\"", "1");
  }
  metric("jobcenter_kiosk_certificate_days_left", "Days until the kiosk's client certificate or the server certificate it sees expires.");
  for (const auto& k : f["kiosks"]) {
    for (const char* which : {"client", "server"}) {
      const std::string field = std::string(which) + "_certificate_days_left";
      if (k.contains(field)) sample("jobcenter_kiosk_certificate_days_left", kiosk(k) + ",certificate=\"" + which + "\"", k[field].dump());
    }
  }
  metric("jobcenter_kiosk_incidents_24h", "Incidents the kiosk reported in the last 24 hours, by kind.");
  for (const auto& k : f["kiosks"]) {
    for (const auto& [kind, count] : k["incidents"].items()) sample("jobcenter_kiosk_incidents_24h", kiosk(k) + ",kind=\"" + kind + "\"", count.dump());
  }
  metric("jobcenter_help_calls_waiting", "Help calls from kiosks that no staff member has taken yet.");
  out += "jobcenter_help_calls_waiting " + std::to_string(tx.queryInt("SELECT COUNT(*) FROM help_requests WHERE status = 'open'").value_or(0)) + "\n";
  return out;
}

}  // namespace

void addFigureRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/board/figures", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardManager(ctx, req, res)) return;
    const auto range = dateRange(req, res);
    if (!range) return;
    sendJson(res, 200, ctx.db.transaction([&](Tx& tx) { return managerFigures(tx, range->first, range->second); }));
  });

  server.Get("/api/v1/board/figures.csv", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardManager(ctx, req, res)) return;
    const auto range = dateRange(req, res);
    if (!range) return;
    const json figures = ctx.db.transaction([&](Tx& tx) { return managerFigures(tx, range->first, range->second); });
    res.set_header("Content-Disposition", "attachment; filename=\"kiosk-figures-" + figures["from"].get<std::string>() + "-" +
                                              figures["to"].get<std::string>() + ".csv\"");
    res.set_content(figuresCsv(figures), "text/csv; charset=utf-8");
  });

  server.Get("/api/v1/board/fleet", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardStaff(ctx, req, res)) return;
    sendJson(res, 200, ctx.db.transaction([&](Tx& tx) { return fleet(tx, nowInstant()); }));
  });

  // Kiosk ids and counts only, nothing about a citizen: open to the jobcenter's own network, as
  // Prometheus scrapes without a login.
  server.Get("/metrics", [&ctx](const httplib::Request&, httplib::Response& res) {
    res.set_content(ctx.db.transaction([&](Tx& tx) { return prometheus(fleet(tx, nowInstant()), tx); }), "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace jobcenter
