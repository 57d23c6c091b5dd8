// The reception board's operations (staff in a browser, behind their staff number and PIN): the
// board and its live stream, taking and closing help calls, receiving arrivals; and the kiosk's
// own look at the help call it made.

#include <chrono>

#include "board_feed.h"
#include "board_snapshot.h"
#include "board_session.h"
#include "input_rules.h"
#include "routes.h"
#include "staff_login.h"

namespace jobcenter {
namespace {

constexpr auto kKeepAlive = std::chrono::seconds(15);  // a comment line: proxies keep the stream open

std::string sseEvent(const std::string& name, const json& data) { return "event: " + name + "\ndata: " + data.dump() + "\n\n"; }

}  // namespace

void addBoardRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Post("/api/v1/board/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!fromBoardPage(req)) return problem(res, 403, "forbidden", "Only from the board's own pages");
    const auto body = jsonBody(req, res);
    if (!body) return;
    const json number = body->value("staff_number", json()), pin = body->value("pin", json());
    if (body->size() != 2 || !isToken(number, 32) || !pin.is_string() || !isPinShape(pin.get<std::string>())) {
      return problem(res, 400, "invalid-request", "staff_number and pin (4-12 digits) are required");
    }
    const StaffCheck check = checkStaffPin(ctx, number.get<std::string>(), pin.get<std::string>(), kBoardPlace);
    if (check.outcome == StaffCheck::Outcome::LockedOut) {
      res.set_header("Retry-After", "300");
      return problem(res, 429, "too-many-attempts", "Too many wrong PINs", "Wait five minutes", {{"retry_after_seconds", 300}});
    }
    if (check.outcome == StaffCheck::Outcome::Wrong) return problem(res, 401, "unauthorized", "Wrong staff number or PIN");
    startBoardSession(ctx, res, *check.staff);
    sendJson(res, 200, boardStaffJson(*check.staff, ctx.policy));
  });

  server.Post("/api/v1/board/logout", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!fromBoardPage(req)) return problem(res, 403, "forbidden", "Only from the board's own pages");
    endBoardSession(ctx, req, res);
    res.status = 204;
  });

  server.Get("/api/v1/board/me", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto staff = boardStaff(ctx, req, res);
    if (!staff) return;
    sendJson(res, 200, boardStaffJson(*staff, ctx.policy));
  });

  server.Get("/api/v1/board", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardStaff(ctx, req, res)) return;
    sendJson(res, 200, ctx.db.transaction([&](Tx& tx) { return boardSnapshot(tx, nowInstant()); }));
  });

  // Server-Sent Events: the whole board at once, then again whenever it changes. One worker
  // thread per open board (a jobcenter has a handful of desks; the server has 64 workers).
  server.Get("/api/v1/board/stream", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardStaff(ctx, req, res)) return;
    const std::string token = boardToken(req);
    res.set_header("X-Accel-Buffering", "no");
    res.set_chunked_content_provider("text/event-stream", [&ctx, token, sent = uint64_t{0}](size_t, httplib::DataSink& sink) mutable {
      const uint64_t now = sent == 0 ? ctx.board.generation() : ctx.board.waitForChange(sent, kKeepAlive);
      if (ctx.board.closed()) {
        sink.done();
        return true;
      }
      // Checked again each time: a board logged out elsewhere, or past its 8 hours, stops here.
      if (!liveSession(ctx.db, ctx.policy, token, "staff", kBoardPlace)) {
        sink.write(sseEvent("ended", json::object()).data(), sseEvent("ended", json::object()).size());
        sink.done();
        return true;
      }
      std::string out;
      if (sent == 0) out = "retry: 3000\n\n";  // EventSource reconnects after 3 s if the line drops
      if (now != sent) out += sseEvent("board", ctx.db.transaction([&](Tx& tx) { return boardSnapshot(tx, nowInstant()); }));
      else out = ": still here\n\n";
      sent = now;
      return sink.write(out.data(), out.size());
    });
  });

  server.Post(R"(/api/v1/board/help-calls/([A-Za-z0-9_-]{1,64})/take)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto staff = boardStaff(ctx, req, res);
    if (!staff) return;
    if (!req.body.empty()) return problem(res, 400, "invalid-request", "Taking a call has no body");
    const std::string id = req.matches[1];
    std::string refusal;
    const json call = ctx.db.transaction([&](Tx& tx) {
      json current = helpCall(tx, id);
      if (current.is_null()) return current;
      const std::string status = current["status"];
      if (status == "taken" && current.value("taken_by", "") != staff->firstName()) refusal = "help-call-taken";
      else if (status != "open" && status != "taken") refusal = "help-call-closed";
      if (!refusal.empty() || status == "taken") return current;
      tx.exec("UPDATE help_requests SET status = 'taken', taken_by = ?, taken_at = ? WHERE id = ?", {staff->firstName(), nowInstant(), id});
      return helpCall(tx, id);
    });
    if (call.is_null()) return problem(res, 404, "not-found", "No such help call");
    if (refusal == "help-call-taken") return problem(res, 409, refusal, "Someone else is on the way", call["taken_by"].get<std::string>() + " took it");
    if (!refusal.empty()) return problem(res, 409, refusal, "The call is closed already");
    ctx.board.changed();
    sendJson(res, 200, call);
  });

  server.Post(R"(/api/v1/board/help-calls/([A-Za-z0-9_-]{1,64})/close)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardStaff(ctx, req, res)) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const json outcome = body->value("outcome", json());
    if (body->size() != 1 || !outcome.is_string() || (outcome != "handled" && outcome != "citizen_left")) {
      return problem(res, 400, "invalid-request", "outcome must be handled or citizen_left");
    }
    const std::string id = req.matches[1];
    bool closedAlready = false;
    const json call = ctx.db.transaction([&](Tx& tx) {
      json current = helpCall(tx, id);
      if (current.is_null()) return current;
      if (current["status"] != "open" && current["status"] != "taken") {
        closedAlready = true;
        return current;
      }
      tx.exec("UPDATE help_requests SET status = ?, closed_at = ? WHERE id = ?", {outcome.get<std::string>(), nowInstant(), id});
      return helpCall(tx, id);
    });
    if (call.is_null()) return problem(res, 404, "not-found", "No such help call");
    if (closedAlready) return problem(res, 409, "help-call-closed", "The call is closed already");
    ctx.board.changed();
    sendJson(res, 200, call);
  });

  server.Post(R"(/api/v1/board/arrivals/([A-Za-z0-9_-]{1,64})/received)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!boardStaff(ctx, req, res)) return;
    if (!req.body.empty()) return problem(res, 400, "invalid-request", "Marking an arrival received has no body");
    const std::string id = req.matches[1];
    const json a = ctx.db.transaction([&](Tx& tx) {
      if (arrival(tx, id).is_null()) return json();
      tx.exec("INSERT OR IGNORE INTO arrivals_received VALUES(?,?)", {id, nowInstant()});
      return arrival(tx, id);
    });
    if (a.is_null()) return problem(res, 404, "not-found", "No one has checked in for that meeting");
    ctx.board.changed();
    sendJson(res, 200, a);
  });

  // The kiosk watches the call it made: taken, and by whom. Only the kiosk that made it may ask.
  server.Get(R"(/api/v1/help-requests/([A-Za-z0-9_-]{1,64}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const json call = ctx.db.transaction([&](Tx& tx) { return helpCall(tx, req.matches[1]); });
    if (call.is_null() || call["kiosk_id"] != *kiosk) return problem(res, 404, "not-found", "No such help request from this kiosk");
    json out = {{"id", call["id"]}, {"reason", call["reason"]}, {"status", call["status"]}, {"created_at", call["created_at"]}};
    for (const char* field : {"language", "taken_by"}) {
      if (call.contains(field)) out[field] = call[field];
    }
    sendJson(res, 200, out);
  });
}

}  // namespace jobcenter
