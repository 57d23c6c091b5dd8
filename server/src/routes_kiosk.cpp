// Kiosk identity, remote configuration, heartbeat, anonymous usage events, help from staff.

#include <chrono>
#include <set>

#include "input_rules.h"
#include "routes.h"
#include "secrets.h"
#include "usage_event_rules.h"

namespace jobcenter {
namespace {

bool isOneOf(const json& value, std::initializer_list<const char*> allowed) {
  if (!value.is_string()) return false;
  for (const char* a : allowed) {
    if (value.get<std::string>() == a) return true;
  }
  return false;
}

// A screen's name as the kiosk reports it: "select-slot", "check-in".
bool isScreenName(const json& value) {
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  return !s.empty() && s.size() <= 64 && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.-") == std::string::npos;
}

// What the citizen was doing when they called, so staff come knowing: the flow, and the date of
// the meeting it was about. Nothing that names the citizen.
struct Errand {
  std::optional<std::string> flow, meetingDate;
};

std::optional<Errand> validateErrand(const json& e) {
  if (e.is_null()) return Errand{};
  if (!e.is_object() || !isOneOf(e.value("flow", json()), {"check_in", "book", "move", "cancel", "activities", "joblog", "plan"})) {
    return std::nullopt;
  }
  Errand errand{e["flow"].get<std::string>(), std::nullopt};
  for (const auto& [key, value] : e.items()) {
    if (key == "flow") continue;
    LocalDate date;
    if (key != "meeting_date" || !value.is_string() || !parseIsoDate(value.get<std::string>(), date)) return std::nullopt;
    errand.meetingDate = value.get<std::string>();
  }
  return errand;
}

constexpr int64_t kMaxUptimeSeconds = 10LL * 366 * 86400;  // ten years
constexpr int64_t kMaxCertificateDays = 36600;              // a century either way

struct IncidentCount {
  std::string kind;
  int64_t count = 0;
};

// The heartbeat's health fields (all optional): the printer as the kiosk knows it, days left on
// both certificates, incidents since the last heartbeat counted by kind. Only these values: the
// heartbeat carries nothing free-form.
std::optional<std::string> validateHealth(const json& b, std::vector<IncidentCount>& incidents) {
  if (b.contains("printer") &&
      !isOneOf(b["printer"], {"none", "unknown", "ok", "failed", "paper_near_end", "paper_out", "cover_open"})) {
    return "printer must be none, unknown, ok, failed, paper_near_end, paper_out or cover_open";
  }
  for (const char* field : {"client_certificate_days_left", "server_certificate_days_left"}) {
    if (b.contains(field) && !boundedInteger(b[field], -kMaxCertificateDays, kMaxCertificateDays)) {
      return std::string(field) + " must be a whole number of days";
    }
  }
  if (!b.contains("incidents")) return std::nullopt;
  const json& list = b["incidents"];
  if (!list.is_array() || list.size() > 8) return "incidents must be a list of at most 8 counts";
  std::set<std::string> kinds;
  for (const auto& i : list) {
    if (!i.is_object() || i.size() != 2 || !isOneOf(i.value("kind", json()), {"certificate", "speech", "printer", "config_refresh"})) {
      return "each incident is {kind: certificate|speech|printer|config_refresh, count}";
    }
    const auto count = boundedInteger(i.value("count", json()), 1, 100000);
    if (!count) return "an incident's count must be 1 to 100000";
    if (!kinds.insert(i["kind"].get<std::string>()).second) return "each incident kind once";
    incidents.push_back({i["kind"].get<std::string>(), *count});
  }
  return std::nullopt;
}

// The reference jobcenter's settings, as a Danish jobcenter keeps them: open Monday to Thursday
// 08:00-15:00 and Friday 08:00-13:00, closed over Christmas and New Year; no message of the day
// until one is set in kiosk_settings.
json defaultKioskSettings() {
  json hours = json::array();
  for (int day = 1; day <= 5; ++day) hours.push_back({{"weekday", day}, {"opens", "08:00"}, {"closes", day == 5 ? "13:00" : "15:00"}});
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const int year = static_cast<int>(std::chrono::year_month_day{today}.year());
  const std::string y = std::to_string(year), next = std::to_string(year + 1);
  return {{"jobcenter_name", "Jobcenter Havnestad"},
          {"address", "Havnegade 12, 2150 Havnestad"},
          {"languages", {"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"}},
          {"default_language", "da"},
          {"idle_timeout_seconds", 120},
          {"opening_hours", hours},
          {"closed_days", {y + "-12-24", y + "-12-25", y + "-12-26", y + "-12-31", next + "-01-01"}},
          {"services", {{"check_in", true}, {"book", true}, {"move_cancel", true}, {"activities", true}, {"joblog", true}, {"plan", true}}},
          {"support_phone", "+45 70 00 00 00"}};
}

}  // namespace

void addKioskRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/kiosk/config", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    json settings = defaultKioskSettings();
    // What the jobcenter has changed (the kiosk_settings table): only the contract's own names.
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT name, value FROM kiosk_settings", {}, [&](const Row& row) {
        const std::string name = row.text(0);
        const json value = json::parse(row.text(1), nullptr, /*allow_exceptions=*/false);
        if (name == "message_of_the_day" && value.is_object()) settings[name] = value;
        else if (settings.contains(name) && !value.is_discarded()) settings[name] = value;
      });
    });
    settings["kiosk_id"] = *kiosk;
    sendJson(res, 200, settings);
  });

  server.Post("/api/v1/kiosk/heartbeat", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const auto& b = *body;
    static const std::set<std::string> fields = {"version",     "uptime_seconds", "screen", "healthy", "printer", "client_certificate_days_left",
                                                 "server_certificate_days_left", "incidents"};
    for (const auto& [key, value] : b.items()) {
      if (!fields.contains(key)) return problem(res, 400, "invalid-request", "A heartbeat is not valid", "unknown field \"" + key + "\"");
    }
    const auto uptime = boundedInteger(b.value("uptime_seconds", json()), 0, kMaxUptimeSeconds);
    if (!isToken(b.value("version", json()), 64) || !uptime || !b.value("healthy", json()).is_boolean() ||
        !isScreenName(b.value("screen", json()))) {
      return problem(res, 400, "invalid-request", "A heartbeat needs version (at most 64 characters), uptime_seconds, screen and healthy");
    }
    std::vector<IncidentCount> incidents;
    if (const auto why = validateHealth(b, incidents)) return problem(res, 400, "invalid-request", "A heartbeat is not valid", *why);
    const auto optionalInt = [&](const char* field) { return b.contains(field) ? Value(b[field].get<int64_t>()) : Value(nullptr); };
    const Instant now = nowInstant();
    ctx.db.transaction([&](Tx& tx) {
      tx.exec("INSERT OR REPLACE INTO heartbeats VALUES(?,?,?,?,?,?)",
              {*kiosk, b["version"].get<std::string>(), *uptime, b["screen"].get<std::string>(), int64_t{b["healthy"].get<bool>()}, now});
      tx.exec("INSERT OR REPLACE INTO kiosk_health VALUES(?,?,?,?,?)",
              {*kiosk, b.contains("printer") ? Value(b["printer"].get<std::string>()) : Value(nullptr),
               optionalInt("client_certificate_days_left"), optionalInt("server_certificate_days_left"), now});
      for (const auto& i : incidents) tx.exec("INSERT INTO kiosk_incidents VALUES(?,?,?,?)", {*kiosk, i.kind, i.count, now});
    });
    res.status = 204;
  });

  server.Post("/api/v1/kiosk/events", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const json events = body->value("events", json());
    if (!events.is_array() || events.empty() || events.size() > 100) {
      return problem(res, 400, "invalid-request", "events must be a list of 1 to 100 events");
    }
    for (const auto& e : events) {
      if (const auto why = refuseUsageEvent(e)) return problem(res, 400, "invalid-request", "An event is not valid", *why);
    }
    const auto text = [](const json& e, const char* field) { return e.contains(field) ? Value(e[field].get<std::string>()) : Value(nullptr); };
    ctx.db.transaction([&](Tx& tx) {
      for (const auto& e : events) {
        tx.exec("INSERT INTO usage_events VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                {*kiosk, e["hour"].get<std::string>(), e["type"].get<std::string>(), text(e, "flow"), text(e, "language"),
                 e.contains("assisted") ? Value(int64_t{e["assisted"].get<bool>()}) : Value(nullptr), text(e, "step"),
                 text(e, "given_up_at"), text(e, "length"), text(e, "ending"),
                 e.contains("text_size") ? Value(e["text_size"].get<int64_t>()) : Value(nullptr), text(e, "aid"), text(e, "reason")});
      }
    });
    sendJson(res, 202, {{"accepted", events.size()}});
  });

  server.Post("/api/v1/help-requests", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    idempotent(ctx.db, req, res, *kiosk, "help", [&] {
      const auto body = jsonBody(req, res);
      if (!body) return;
      const json reason = body->value("reason", json());
      if (!isOneOf(reason, {"interpreter", "cannot_read", "physical_help", "other", "too_late_to_change"})) {
        return problem(res, 400, "invalid-request", "reason must be interpreter, cannot_read, physical_help, other or too_late_to_change");
      }
      for (const auto& [key, value] : body->items()) {
        if (key != "reason" && key != "language" && key != "errand" && key != "staff_present") {
          return problem(res, 400, "invalid-request", "unknown field \"" + key + "\"");
        }
      }
      const json language = body->value("language", json());
      if (!language.is_null() && !isLanguageTag(language)) {
        return problem(res, 400, "invalid-request", "language must be a language code");
      }
      const json staffPresent = body->value("staff_present", json(false));
      if (!staffPresent.is_boolean()) return problem(res, 400, "invalid-request", "staff_present must be true or false");
      const auto errand = validateErrand(body->value("errand", json()));
      if (!errand) return problem(res, 400, "invalid-request", "errand must be {flow, meeting_date (YYYY-MM-DD)?}");
      const std::string id = "h-" + randomCode("abcdefghijkmnpqrstuvwxyz23456789", 10);
      const Instant now = nowInstant();
      // A call for staff makes someone walk over: a kiosk can make a few a minute, not a flood.
      if (!ctx.db.transaction([&](Tx& tx) { return withinLimit(tx, "help:" + *kiosk, ctx.options.helpRequestsPerKioskPerMinute, 60, now); })) {
        return rateLimited(res, 60, "Staff have been called already");
      }
      const auto orNull = [](const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); };
      ctx.db.transaction([&](Tx& tx) {
        tx.exec("INSERT INTO help_requests(id, kiosk_id, reason, language, status, created_at, errand_flow, meeting_date, staff_present)"
                " VALUES(?,?,?,?,'open',?,?,?,?)",
                {id, *kiosk, reason.get<std::string>(), language.is_null() ? Value(nullptr) : Value(language.get<std::string>()), now,
                 orNull(errand->flow), orNull(errand->meetingDate), int64_t{staffPresent.get<bool>()}});
      });
      ctx.board.changed();
      json out = {{"id", id}, {"reason", reason}, {"status", "open"}, {"created_at", rfc3339(now)}};
      if (!language.is_null()) out["language"] = language;
      sendJson(res, 201, out);
    });
  });
}

}  // namespace jobcenter
