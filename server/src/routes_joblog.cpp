// The job log (applications and other job-seeking activities) and meeting feedback.

#include <set>

#include "input_rules.h"
#include "routes.h"
#include "secrets.h"

namespace jobcenter {
namespace {

const std::set<std::string> kHow = {"online_form", "email", "in_person", "phone", "unsolicited"};

// Plain text of 1..max characters (not bytes: 600 Arabic letters are 1 200 bytes).
bool shortText(const json& v, size_t max) { return isPlainText(v, max); }

std::optional<std::string> validateEntry(const json& e, const LocalDate& today) {
  static const std::set<std::string> fields = {"kind", "job_title", "employer", "date", "how", "description"};
  for (const auto& [key, value] : e.items()) {
    if (!fields.contains(key)) return "unknown field \"" + key + "\"";
  }
  const json kind = e.value("kind", json());
  if (kind != "application" && kind != "other") return "kind must be application or other";
  LocalDate date;
  if (!e.value("date", json()).is_string() || !parseIsoDate(e["date"], date)) return "date must be YYYY-MM-DD";
  if (date > today || date < addDays(today, -365)) return "date must be within the last year";
  if (kind == "application") {
    if (!shortText(e.value("job_title", json()), 200)) return "job_title is required (at most 200 characters)";
    if (!e.value("how", json()).is_string() || !kHow.contains(e["how"].get<std::string>())) return "how must say how you applied";
  } else if (!isPlainText(e.value("description", json()), 1000, /*multiline=*/true)) {
    return "description is required for other activities";
  }
  if (e.contains("employer")) {
    const json& m = e["employer"];
    if (!m.is_object() || !shortText(m.value("name", json()), 200)) return "employer needs a name";
    for (const auto& [key, value] : m.items()) {
      if (key != "name" && key != "address") return "unknown employer field \"" + key + "\"";
    }
    if (m.contains("address") && !shortText(m["address"], 300)) return "employer address: at most 300 characters";
  }
  if (e.contains("description") && !isPlainText(e["description"], 1000, /*multiline=*/true)) return "description: at most 1000 characters";
  if (e.contains("job_title") && !shortText(e["job_title"], 200)) return "job_title: at most 200 characters";
  return std::nullopt;
}

json entryFromRow(const Row& row) {
  json e = {{"id", row.text(0)}, {"kind", row.text(1)}, {"date", row.text(5)}, {"created_at", rfc3339(row.integer(8))}};
  if (!row.isNull(2)) e["job_title"] = row.text(2);
  if (!row.isNull(3)) {
    e["employer"] = {{"name", row.text(3)}};
    if (!row.isNull(4)) e["employer"]["address"] = row.text(4);
  }
  if (!row.isNull(6)) e["how"] = row.text(6);
  if (!row.isNull(7)) e["description"] = row.text(7);
  return e;
}

constexpr const char* kEntrySelect =
    "SELECT id, kind, job_title, employer_name, employer_address, date, how, description, created_at FROM joblog";

}  // namespace

void addJoblogRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/joblog", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    json entries = json::array();
    int64_t target = 0;
    ctx.db.transaction([&](Tx& tx) {
      tx.query(std::string(kEntrySelect) + " WHERE citizen_id = ? ORDER BY date DESC, created_at DESC LIMIT 10000", {session->subject},
               [&](const Row& row) { entries.push_back(entryFromRow(row)); });
      target = tx.queryInt("SELECT weekly_target FROM citizens WHERE id = ?", {session->subject}).value_or(0);
    });
    sendJson(res, 200, {{"entries", entries}, {"weekly_target", target}});
  });

  server.Post("/api/v1/joblog", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      const Instant now = nowInstant();
      if (const auto why = validateEntry(*body, localDateOf(now))) return problem(res, 400, "invalid-request", "The entry is not valid", *why);
      const json& e = *body;
      const std::string id = "j-" + randomCode("abcdefghijkmnpqrstuvwxyz23456789", 12);
      auto opt = [](const json& v) { return v.is_string() ? Value(v.get<std::string>()) : Value(nullptr); };
      const json employer = e.value("employer", json::object());
      ctx.db.transaction([&](Tx& tx) {
        tx.exec("INSERT INTO joblog VALUES(?,?,?,?,?,?,?,?,?,?)",
                {id, session.subject, e["kind"].get<std::string>(), opt(e.value("job_title", json())), opt(employer.value("name", json())),
                 opt(employer.value("address", json())), e["date"].get<std::string>(), opt(e.value("how", json())),
                 opt(e.value("description", json())), now});
        tx.query(std::string(kEntrySelect) + " WHERE id = ?", {id}, [&](const Row& row) { sendJson(res, 201, entryFromRow(row)); });
      });
    });
  });

  server.Post("/api/v1/feedback", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      const json booking = body->value("booking_id", json()), rating = body->value("rating", json());
      if (body->size() != 2 || !isToken(booking, 64) || !boundedInteger(rating, 1, 3)) {
        return problem(res, 400, "invalid-request", "Send booking_id and rating 1 (not good), 2 (ok) or 3 (good)");
      }
      const Instant now = nowInstant();
      ctx.db.transaction([&](Tx& tx) {
        if (!tx.queryInt("SELECT 1 FROM bookings WHERE id = ? AND citizen_id = ? AND status IN ('completed','checked_in')",
                         {booking.get<std::string>(), session.subject})) {
          return problem(res, 404, "not-found", "No meeting of yours to give feedback on");
        }
        tx.exec("INSERT OR REPLACE INTO feedback VALUES(?,?,?)", {booking.get<std::string>(), int64_t{rating.get<int>()}, now});
        sendJson(res, 201, {{"booking_id", booking}, {"rating", rating}, {"created_at", rfc3339(now)}});
      });
    });
  });
}

}  // namespace jobcenter
