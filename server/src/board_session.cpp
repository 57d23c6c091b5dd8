#include "board_session.h"

#include "routes.h"
#include "secrets.h"

namespace jobcenter {

bool fromBoardPage(const httplib::Request& req) {
  const std::string origin = req.get_header_value("Origin"), site = req.get_header_value("Sec-Fetch-Site");
  return (origin.empty() || origin == "https://" + req.get_header_value("Host")) && (site.empty() || site == "same-origin");
}

std::string boardToken(const httplib::Request& req) { return cookieValue(req, kBoardCookie); }

void startBoardSession(RouteContext& ctx, httplib::Response& res, const StaffMember& staff) {
  const std::string token = ctx.db.transaction([&](Tx& tx) { return issueToken(tx, "staff", staff.staffNumber, false, kBoardPlace, nowInstant()); });
  res.set_header("Set-Cookie", std::string(kBoardCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
                                   std::to_string(ctx.policy.staffAbsoluteSeconds));
}

void endBoardSession(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string token = boardToken(req);
  if (!token.empty()) {
    ctx.db.transaction([&](Tx& tx) { tx.exec("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", {sha256Hex(token)}); });
    ctx.board.changed();  // its stream ends at once
  }
  res.set_header("Set-Cookie", std::string(kBoardCookie) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
}

std::optional<StaffMember> boardStaff(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (req.method != "GET" && !fromBoardPage(req)) {
    problem(res, 403, "forbidden", "Only from the board's own pages");
    return std::nullopt;
  }
  const std::string token = boardToken(req);
  if (token.empty()) {
    problem(res, 401, "unauthorized", "Not logged in", "Log in with staff number and PIN");
    return std::nullopt;
  }
  const auto session = liveSession(ctx.db, ctx.policy, token, "staff", kBoardPlace);
  std::optional<StaffMember> staff;
  if (session) {
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT name, role FROM staff WHERE staff_number = ?", {session->subject},
               [&](const Row& row) { staff = StaffMember{session->subject, row.text(0), row.text(1)}; });
    });
  }
  if (!staff) problem(res, 401, "session-expired", "The session has ended", "Log in again");
  return staff;
}

std::optional<StaffMember> boardManager(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto staff = boardStaff(ctx, req, res);
  if (staff && staff->role != "manager") {
    problem(res, 403, "forbidden", "Only for managers");
    return std::nullopt;
  }
  return staff;
}

nlohmann::json boardStaffJson(const StaffMember& staff, const Policy& policy) {
  return {{"staff_number", staff.staffNumber}, {"name", staff.name}, {"first_name", staff.firstName()}, {"role", staff.role},
          {"expires_in", policy.staffAbsoluteSeconds}};
}

}  // namespace jobcenter
