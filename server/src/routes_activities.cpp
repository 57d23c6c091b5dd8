// Job-support activities: list with seats left, sign up (never past the last seat), cancel.

#include "routes.h"

namespace jobcenter {
namespace {

constexpr const char* kActivitySelect =
    "SELECT a.id, a.title, a.kind, a.description, a.start_at, a.end_at, a.place_name, a.place_address, a.seats_total,"
    " a.seats_total - a.seats_taken_elsewhere - (SELECT COUNT(*) FROM registrations r WHERE r.activity_id = a.id),"
    " EXISTS (SELECT 1 FROM registrations r WHERE r.activity_id = a.id AND r.citizen_id = ?) FROM activities a";

json activityFromRow(const Row& row) {
  return {{"id", row.text(0)},
          {"title", row.text(1)},
          {"kind", row.text(2)},
          {"description", row.text(3)},
          {"start", rfc3339(row.integer(4))},
          {"end", rfc3339(row.integer(5))},
          {"place", {{"name", row.text(6)}, {"address", row.text(7)}}},
          {"seats_total", row.integer(8)},
          {"seats_left", std::max<int64_t>(0, row.integer(9))},
          {"registered", row.integer(10) != 0}};
}

}  // namespace

void addActivityRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/v1/activities", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    json list = json::array();
    ctx.db.transaction([&](Tx& tx) {
      tx.query(std::string(kActivitySelect) + " WHERE a.start_at > ? ORDER BY a.start_at LIMIT 500", {session->subject, nowInstant()},
               [&](const Row& row) { list.push_back(activityFromRow(row)); });
    });
    sendJson(res, 200, {{"activities", list}});
  });

  server.Post(R"(/api/v1/activities/([A-Za-z0-9_-]{1,64})/registrations)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    citizenWrite(ctx, req, res, [&](const Session& session) {
      const auto body = jsonBody(req, res);
      if (!body) return;
      if (!body->empty()) return problem(res, 400, "invalid-request", "Send an empty object");
      const std::string id = req.matches[1];
      const Instant now = nowInstant();
      ctx.db.transaction([&](Tx& tx) {
        std::optional<json> activity;
        tx.query(std::string(kActivitySelect) + " WHERE a.id = ?", {session.subject, id}, [&](const Row& row) { activity = activityFromRow(row); });
        if (!activity) return problem(res, 404, "not-found", "No such activity");
        if ((*activity)["registered"].get<bool>()) return problem(res, 409, "already-registered", "You are already signed up");
        if ((*activity)["seats_left"].get<int64_t>() <= 0) return problem(res, 409, "activity-full", "There are no seats left");
        tx.exec("INSERT INTO registrations VALUES(?,?,?)", {id, session.subject, now});
        sendJson(res, 201, {{"activity_id", id}, {"registered_at", rfc3339(now)}});
      });
    });
  });

  server.Delete(R"(/api/v1/activities/([A-Za-z0-9_-]{1,64})/registrations/me)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto session = citizenRequest(ctx, req, res);
    if (!session) return;
    const bool removed = ctx.db.transaction([&](Tx& tx) {
      tx.exec("DELETE FROM registrations WHERE activity_id = ? AND citizen_id = ?", {std::string(req.matches[1]), session->subject});
      return tx.changes() == 1;
    });
    if (!removed) return problem(res, 404, "not-found", "You are not signed up for that activity");
    res.status = 204;
  });
}

}  // namespace jobcenter
