// Citizen login by device grant (RFC 8628), staff login, staff-assisted citizen login,
// revocation (RFC 7009), logout, and check-in without login.

#include "booking_json.h"
#include "routes.h"
#include "secrets.h"

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

// Failed attempts for subject within the window; recording one is a separate call.
int recentFailures(Tx& tx, const std::string& subject, Instant now, int windowSeconds) {
  return static_cast<int>(tx.queryInt("SELECT COUNT(*) FROM login_failures WHERE subject = ? AND at > ?", {subject, now - windowSeconds})
                              .value_or(0));
}

}  // namespace

void addAuthRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Post("/api/v1/auth/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const auto kiosk = kioskId(req, res);
    if (!kiosk) return;
    if (!req.has_param("client_id") || req.get_param_value("client_id").empty()) {
      return oauthError(res, "invalid_request", "client_id is required");
    }
    const Instant now = nowInstant();
    const std::string deviceCode = randomToken();
    std::string userCode;
    ctx.db.transaction([&](Tx& tx) {
      tx.exec("DELETE FROM device_grants WHERE expires_at < ?", {now - 3600});
      do {
        userCode = randomCode(kUserCodeLetters, 4) + "-" + randomCode(kUserCodeLetters, 4);
      } while (tx.queryInt("SELECT 1 FROM device_grants WHERE user_code = ?", {userCode}));
      tx.exec("INSERT INTO device_grants VALUES(?,?,?,?,?,NULL,'pending',NULL)",
              {deviceCode, userCode, *kiosk, now + ctx.policy.deviceCodeSeconds, int64_t{ctx.policy.devicePollSeconds}});
    });
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
    if (deviceCode.empty() || req.get_param_value("client_id").empty()) {
      return oauthError(res, "invalid_request", "device_code and client_id are required");
    }
    const Instant now = nowInstant();
    std::string error, description, token;
    ctx.db.transaction([&](Tx& tx) {
      std::optional<std::string> state, citizen, owner;
      int64_t expires = 0, interval = 0, lastPoll = 0;
      tx.query("SELECT state, citizen_id, expires_at, interval_seconds, last_poll, kiosk_id FROM device_grants WHERE device_code = ?",
               {deviceCode}, [&](const Row& row) {
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
        tx.exec("UPDATE device_grants SET interval_seconds = interval_seconds + 5, last_poll = ? WHERE device_code = ?", {now, deviceCode});
      } else if (*state == "denied") {
        error = "access_denied", description = "The login was declined on the phone";
        tx.exec("DELETE FROM device_grants WHERE device_code = ?", {deviceCode});
      } else if (*state == "pending") {
        error = "authorization_pending", description = "Waiting for the phone";
        tx.exec("UPDATE device_grants SET last_poll = ? WHERE device_code = ?", {now, deviceCode});
      } else {
        token = issueToken(tx, "citizen", *citizen, false, *kiosk, now);
        tx.exec("DELETE FROM device_grants WHERE device_code = ?", {deviceCode});  // a device code is used once
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
    if (!number.is_string() || !pin.is_string() || number.get<std::string>().empty() || number.get<std::string>().size() > 32 ||
        pin.get<std::string>().size() < 4 || pin.get<std::string>().size() > 12) {
      return problem(res, 400, "invalid-request", "staff_number and pin (4-12 digits) are required");
    }
    const std::string subject = "staff:" + number.get<std::string>();
    const Instant now = nowInstant();
    std::optional<std::string> hash, name;
    const int failures = ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT pin_hash, name FROM staff WHERE staff_number = ?", {number.get<std::string>()}, [&](const Row& row) {
        hash = row.text(0);
        name = row.text(1);
      });
      return recentFailures(tx, subject, now, 300);
    });
    if (failures >= 5) {
      res.set_header("Retry-After", "300");
      return problem(res, 429, "rate-limited", "Too many wrong PINs", "Wait five minutes", {{"retry_after_seconds", 300}});
    }
    if (!hash || !verifyPin(*hash, pin.get<std::string>())) {
      ctx.db.transaction([&](Tx& tx) { tx.exec("INSERT INTO login_failures VALUES(?,?)", {subject, now}); });
      return problem(res, 401, "unauthorized", "Wrong staff number or PIN");
    }
    const std::string token = ctx.db.transaction([&](Tx& tx) {
      tx.exec("DELETE FROM login_failures WHERE subject = ?", {subject});
      return issueToken(tx, "staff", number.get<std::string>(), false, *kiosk, now);
    });
    sendJson(res, 200,
             {{"access_token", token}, {"token_type", "Bearer"}, {"expires_in", ctx.policy.staffAbsoluteSeconds},
              {"staff", {{"staff_number", number}, {"name", *name}}}});
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
    if (!token.empty()) {
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
      value = (*body)["booking_code"].get<std::string>();
      for (auto& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      condition = "b.reference = ?";
    } else {
      value = (*body)["cpr"].is_string() ? normaliseCpr((*body)["cpr"]) : std::string();
      if (value.empty()) return problem(res, 400, "invalid-request", "cpr must be 10 digits (DDMMYY-XXXX)");
      value = value.substr(0, 6) + "-" + value.substr(6);
      condition = "z.cpr = ?";
    }
    const Instant now = nowInstant();
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
    json summary = {{"id", (*booking)["id"]}, {"reference", (*booking)["reference"]}, {"start", (*booking)["start"]},
                    {"end", (*booking)["end"]}, {"consultant_first_name", (*booking)["consultant"]["first_name"]},
                    {"contact_form", (*booking)["contact_form"]}};
    if (booking->contains("place")) summary["place"] = (*booking)["place"];
    sendJson(res, already ? 200 : 201,
             {{"booking", summary}, {"first_name", firstName}, {"checked_in_at", rfc3339(checkedInAt)},
              {"message_key", already ? "already_checked_in" : "checked_in"}});
  });
}

}  // namespace jobcenter
