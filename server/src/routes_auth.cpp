// Citizen login by device grant (RFC 8628), staff login, staff-assisted citizen login,
// revocation (RFC 7009), logout, and check-in without login.

#include "booking_json.h"
#include "input_rules.h"
#include "routes.h"
#include "secrets.h"
#include "staff_login.h"

namespace jobcenter {
namespace {

constexpr const char* kDeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";
constexpr const char* kUserCodeLetters = "BCDFGHJKLMNPQRSTVWXZ";  // no vowels: no words, no 0/O or 1/I mix-ups

void oauthError(httplib::Response& res, const std::string& error, const std::string& description) {
  sendJson(res, 400, {{"error", error}, {"error_description", description}});
  res.set_header("Cache-Control", "no-store");
}

std::string normaliseCpr(std::string cpr) {
  if (cpr.size() == 11 && cpr[6] == '-') cpr.erase(6, 1);
  return cpr.size() == 10 && cpr.find_first_not_of("0123456789") == std::string::npos ? cpr : std::string();
}

}  // namespace

void addAuthRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Post("/api/v1/auth/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    if (!req.has_param("client_id") || req.get_param_value("client_id").empty() || req.get_param_value("client_id").size() > 64) {
      return oauthError(res, "invalid_request", "client_id is required");
    }
    const Instant now = nowInstant();
    const std::string deviceCode = randomToken();
    std::string userCode;
    const bool allowed = ctx.db.transaction([&](Tx& tx) {
      if (!withinLimit(tx, "device-grant:" + *kiosk, ctx.options.deviceGrantsPerKioskPerMinute, 60, now)) return false;
      tx.exec("DELETE FROM device_grants WHERE expires_at < ?", {now});
      do {
        userCode = randomCode(kUserCodeLetters, 4) + "-" + randomCode(kUserCodeLetters, 4);
      } while (tx.queryInt("SELECT 1 FROM device_grants WHERE user_code = ?", {userCode}));
      // Only a hash of the device code is stored, as with tokens: a copied database holds none.
      tx.exec("INSERT INTO device_grants VALUES(?,?,?,?,?,NULL,'pending',NULL)",
              {sha256Hex(deviceCode), userCode, *kiosk, now + ctx.policy.deviceCodeSeconds, int64_t{ctx.policy.devicePollSeconds}});
      return true;
    });
    if (!allowed) return rateLimited(res, 60, "Too many logins started at this kiosk");
    const std::string verification = ctx.baseUrl + "/device";
    sendJson(res, 200,
             {{"device_code", deviceCode},
              {"user_code", userCode},
              {"verification_uri", verification},
              {"verification_uri_complete", verification + "?user_code=" + userCode},
              {"expires_in", ctx.policy.deviceCodeSeconds},
              {"interval", ctx.policy.devicePollSeconds}});
    res.set_header("Cache-Control", "no-store");
  });

  server.Post("/api/v1/auth/token", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    if (req.get_param_value("grant_type") != kDeviceGrant) {
      return oauthError(res, "unsupported_grant_type", "Only the device authorization grant is supported");
    }
    const std::string deviceCode = req.get_param_value("device_code");
    const std::string deviceHash = sha256Hex(deviceCode);
    if (deviceCode.empty() || deviceCode.size() > 512 || req.get_param_value("client_id").empty() ||
        req.get_param_value("client_id").size() > 64) {
      return oauthError(res, "invalid_request", "device_code and client_id are required");
    }
    const Instant now = nowInstant();
    std::string error, description, token;
    ctx.db.transaction([&](Tx& tx) {
      std::optional<std::string> state, citizen, owner;
      int64_t expires = 0, interval = 0, lastPoll = 0;
      tx.query("SELECT state, citizen_id, expires_at, interval_seconds, last_poll, kiosk_id FROM device_grants WHERE device_code = ?",
               {deviceHash}, [&](const Row& row) {
                 state = row.text(0);
                 citizen = row.optionalText(1);
                 expires = row.integer(2);
                 interval = row.integer(3);
                 lastPoll = row.isNull(4) ? 0 : row.integer(4);
                 owner = row.text(5);
               });
      if (!state || owner != *kiosk) {
        error = "invalid_grant", description = "Unknown device code";
      } else if (now >= expires) {
        error = "expired_token", description = "The code has expired; start again";
      } else if (lastPoll && now - lastPoll < interval) {
        // RFC 8628 3.5: too fast; the client must add 5 seconds to its interval from now on.
        error = "slow_down", description = "Poll less often";
        tx.exec("UPDATE device_grants SET interval_seconds = interval_seconds + 5, last_poll = ? WHERE device_code = ?", {now, deviceHash});
      } else if (*state == "denied") {
        error = "access_denied", description = "The login was declined on the phone";
        tx.exec("DELETE FROM device_grants WHERE device_code = ?", {deviceHash});
      } else if (*state == "pending" || !citizen || citizen->empty()) {
        // Approved without a citizen cannot happen through the phone page; were it ever stored,
        // it still gives no token.
        error = "authorization_pending", description = "Waiting for the phone";
        tx.exec("UPDATE device_grants SET last_poll = ? WHERE device_code = ?", {now, deviceHash});
      } else {
        token = issueToken(tx, "citizen", *citizen, false, *kiosk, now);
        tx.exec("DELETE FROM device_grants WHERE device_code = ?", {deviceHash});  // a device code is used once
      }
    });
    if (!error.empty()) return oauthError(res, error, description);
    sendJson(res, 200, {{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", ctx.policy.citizenAbsoluteSeconds}, {"scope", "citizen"}});
    res.set_header("Cache-Control", "no-store");
  });

  server.Post("/api/v1/auth/staff", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const json number = body->value("staff_number", json()), pin = body->value("pin", json());
    if (body->size() != 2 || !isToken(number, 32) || !pin.is_string() || !isPinShape(pin.get<std::string>())) {
      return problem(res, 400, "invalid-request", "staff_number and pin (4-12 digits) are required");
    }
    const std::string staffNumber = number.get<std::string>();
    const StaffCheck check = checkStaffPin(ctx, staffNumber, pin.get<std::string>(), *kiosk);
    if (check.outcome == StaffCheck::Outcome::LockedOut) {
      res.set_header("Retry-After", "300");
      return problem(res, 429, "too-many-attempts", "Too many wrong PINs", "Wait five minutes", {{"retry_after_seconds", 300}});
    }
    if (check.outcome == StaffCheck::Outcome::Wrong) return problem(res, 401, "unauthorized", "Wrong staff number or PIN");
    const std::string token =
        ctx.db.transaction([&](Tx& tx) { return issueToken(tx, "staff", staffNumber, false, *kiosk, nowInstant()); });
    sendJson(res, 200,
             {{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", ctx.policy.staffAbsoluteSeconds},
              {"staff", {{"staff_number", number}, {"name", check.staff->name}}}});
  });

  server.Post("/api/v1/auth/assisted-citizen", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const auto staff = requireSession(ctx.db, ctx.policy, req, res, "staff");
    if (!staff) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const std::string cpr = body->contains("cpr") && (*body)["cpr"].is_string() ? normaliseCpr((*body)["cpr"]) : std::string();
    if (cpr.empty()) return problem(res, 400, "invalid-request", "cpr must be 10 digits (DDMMYY-XXXX)");
    const Instant now = nowInstant();
    const auto token = ctx.db.transaction([&](Tx& tx) -> std::optional<std::string> {
      const auto citizen = [&] {
        std::optional<std::string> id;
        tx.query("SELECT id FROM citizens WHERE cpr = ? OR cpr = ?", {cpr, cpr.substr(0, 6) + "-" + cpr.substr(6)},
                 [&](const Row& row) { id = row.text(0); });
        return id;
      }();
      if (!citizen) return std::nullopt;
      return issueToken(tx, "citizen", *citizen, true, *kiosk, now);
    });
    if (!token) return problem(res, 404, "not-found", "No citizen with that CPR number");
    sendJson(res, 200, {{"access_token", *token}, {"token_type", "Bearer"}, {"expires_in", ctx.policy.citizenAbsoluteSeconds},
                        {"scope", "citizen assisted"}});
  });

  server.Post("/api/v1/auth/revoke", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const std::string token = req.get_param_value("token");
    if (token.empty() || token.size() > 512) return problem(res, 400, "invalid-request", "token must be 1 to 512 characters");
    {
      ctx.db.transaction([&](Tx& tx) { tx.exec("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", {sha256Hex(token)}); });
    }
    sendJson(res, 200, json::object());  // RFC 7009: 200 whether or not the token was known
  });

  server.Post("/api/v1/auth/logout", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const std::string token = bearerToken(req);
    if (token.empty()) return problem(res, 401, "unauthorized", "Not logged in");
    ctx.db.transaction([&](Tx& tx) { tx.exec("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", {sha256Hex(token)}); });
    res.status = 204;
  });

  server.Post("/api/v1/check-ins", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    const auto body = jsonBody(req, res);
    if (!body) return;
    const bool byCode = body->contains("booking_code"), byCpr = body->contains("cpr");
    if (byCode == byCpr || body->size() != 1) return problem(res, 400, "invalid-request", "Send either booking_code or cpr");
    std::string condition;
    std::string value;
    if (byCode) {
      if (!(*body)["booking_code"].is_string()) return problem(res, 400, "invalid-request", "booking_code must be text");
      if (!isToken((*body)["booking_code"], 16)) return problem(res, 400, "invalid-request", "booking_code must be a booking code");
      value = (*body)["booking_code"].get<std::string>();
      // O and 0, I and 1 look alike on a card and on a screen: either is taken for the other.
      // New codes use neither (routes_booking.cpp); older ones and the demo's may.
      for (auto& c : value) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (c == 'O') c = '0';
        if (c == 'I') c = '1';
      }
      condition = "REPLACE(REPLACE(b.reference, 'O', '0'), 'I', '1') = ?";
    } else {
      value = (*body)["cpr"].is_string() ? normaliseCpr((*body)["cpr"]) : std::string();
      if (value.empty()) return problem(res, 400, "invalid-request", "cpr must be 10 digits (DDMMYY-XXXX)");
      value = value.substr(0, 6) + "-" + value.substr(6);
      condition = "z.cpr = ?";
    }
    const Instant now = nowInstant();
    // Unauthenticated, so limited: per kiosk and, against guessing from many kiosk ids, in all.
    const bool allowed = ctx.db.transaction([&](Tx& tx) {
      return withinLimit(tx, "check-in:" + *kiosk, ctx.options.checkInsPerKioskPerMinute, 60, now) &&
             withinLimit(tx, "check-in", ctx.options.checkInsPerMinute, 60, now);
    });
    if (!allowed) return rateLimited(res, 60, "Too many check-ins right now");
    const LocalDate today = localDateOf(now);
    const Instant dayStart = localToInstant(today, 0, 0), dayEnd = localToInstant(addDays(today, 1), 0, 0);
    std::optional<json> booking;
    bool already = false;
    std::string firstName;
    Instant checkedInAt = now;
    ctx.db.transaction([&](Tx& tx) {
      std::optional<std::string> id;
      tx.query("SELECT b.id, b.status, z.first_name, b.checked_in_at FROM bookings b JOIN slots s ON s.id = b.slot_id"
               " JOIN citizens z ON z.id = b.citizen_id WHERE " + condition +
                   " AND s.start_at >= ? AND s.start_at < ? AND b.status IN ('booked','checked_in') ORDER BY s.start_at LIMIT 1",
               {value, dayStart, dayEnd}, [&](const Row& row) {
                 id = row.text(0);
                 already = row.text(1) == "checked_in";
                 firstName = row.text(2);
                 if (already) checkedInAt = row.integer(3);
               });
      if (!id) return;
      if (!already) tx.exec("UPDATE bookings SET status = 'checked_in', checked_in_at = ? WHERE id = ?", {now, *id});
      booking = loadBooking(tx, "b.id = ?", {*id}, ctx.policy, now);
    });
    if (!booking) return problem(res, 404, "not-found", "No meeting today", "There is no meeting today for that code");
    if (!already) ctx.board.changed();  // an arrival for the reception board
    json out = {{"checked_in_at", rfc3339(checkedInAt)}, {"message_key", already ? "already_checked_in" : "checked_in"}};
    // A CPR number proves nothing about who typed it: the answer says only that the check-in
    // happened. A booking code is the citizen's own (on the appointment card): the answer may
    // show the meeting it belongs to, but never the citizen's name.
    if (byCode) {
      json summary = {{"id", (*booking)["id"]}, {"reference", (*booking)["reference"]}, {"start", (*booking)["start"]},
                      {"end", (*booking)["end"]}, {"consultant_first_name", (*booking)["consultant"]["first_name"]},
                      {"contact_form", (*booking)["contact_form"]}};
      if (booking->contains("place")) summary["place"] = (*booking)["place"];
      out["booking"] = summary;
    }
    sendJson(res, already ? 200 : 201, out);
  });
}

}  // namespace jobcenter
