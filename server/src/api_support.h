#pragma once
// What every route needs: RFC 9457 problems, strict JSON bodies, the calling kiosk, bearer
// sessions with idle and absolute lifetimes, and Idempotency-Key handling.

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "database.h"
#include "local_time.h"

namespace jobcenter {

using nlohmann::json;

struct Policy {
  int moveCutoffDays = 2;      // a booking can be moved until this many days before
  int cancelCutoffDays = 1;    // and cancelled until this many days before
  int bookingHorizonDays = 21;
  int minNoticeHours = 2;      // no new booking closer than this to its start
  int citizenIdleSeconds = 600, citizenAbsoluteSeconds = 1800;
  int staffIdleSeconds = 900, staffAbsoluteSeconds = 8 * 3600;
  int deviceCodeSeconds = 600, devicePollSeconds = 5;
  // Self-booked conversations a citizen may have coming at once; moving is how to change one.
  int maxOpenSelfBookings = 1;
};

// Writes an application/problem+json response. code is the stable machine-readable name.
void problem(httplib::Response& res, int status, const std::string& code, const std::string& title,
             const std::string& detail = {}, const json& extra = json::object());

// The JSON object in the request body, or nullopt after answering 400.
std::optional<json> jsonBody(const httplib::Request& req, httplib::Response& res);

void sendJson(httplib::Response& res, int status, const json& body);

// The calling kiosk's id from X-Kiosk-Id, or nullopt after answering 401.
std::optional<std::string> kioskId(const httplib::Request& req, httplib::Response& res);

struct Session {
  std::string kind;     // "citizen" or "staff"
  std::string subject;  // citizen id or staff number
  bool assisted = false;
  std::string kioskId;
};

std::string bearerToken(const httplib::Request& req);
// The value of the named cookie in the request's Cookie header, or "".
std::string cookieValue(const httplib::Request& req, const std::string& name);
std::string issueToken(Tx& tx, const std::string& kind, const std::string& subject, bool assisted,
                       const std::string& kioskId, Instant now);
// The session behind the bearer token if it is of this kind and still alive (touching its idle
// timer), or nullopt after answering 401.
// The token must also have been issued to the kiosk making the request.
std::optional<Session> requireSession(Database& db, const Policy& policy, const httplib::Request& req,
                                      httplib::Response& res, const std::string& kind);
// The same check for a token from elsewhere (the reception board's cookie), issued at kiosk (a
// place: "board"); nullopt if it is not alive. Answers nothing.
std::optional<Session> liveSession(Database& db, const Policy& policy, const std::string& token, const std::string& kind,
                                   const std::string& kiosk);

// Counts one event in bucket and returns true if fewer than limit were counted in the last
// windowSeconds; otherwise counts nothing and returns false. limit <= 0: no limit.
bool withinLimit(Tx& tx, const std::string& bucket, int limit, int windowSeconds, Instant now);
// 429 rate-limited with Retry-After.
void rateLimited(httplib::Response& res, int retryAfterSeconds, const std::string& title);

// Runs handler at most once per (kiosk, Idempotency-Key): a repeat with the same body replays the
// stored response; a different body gets 422; a repeat while the first still runs gets 409.
void idempotent(Database& db, const httplib::Request& req, httplib::Response& res, const std::string& kiosk,
                const std::string& scope, const std::function<void()>& handler);

}  // namespace jobcenter
