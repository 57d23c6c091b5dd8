#include "api_support.h"

#include <algorithm>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "secrets.h"

namespace jobcenter {

void problem(httplib::Response& res, int status, const std::string& code, const std::string& title,
             const std::string& detail, const json& extra) {
  json body = {{"type", "https://jobcenter-kiosk.example/problems/" + code}, {"title", title}, {"status", status}, {"code", code}};
  if (!detail.empty()) body["detail"] = detail;
  for (const auto& [key, value] : extra.items()) body[key] = value;
  res.status = status;
  res.set_content(body.dump(), "application/problem+json");
}

void sendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

std::optional<json> jsonBody(const httplib::Request& req, httplib::Response& res) {
  if (req.body.size() > 64 * 1024) {
    problem(res, 400, "invalid-request", "The request is too large");
    return std::nullopt;
  }
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) {
    problem(res, 400, "invalid-request", "The request body must be a JSON object");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> kioskId(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.get_header_value("X-Kiosk-Id");
  const bool valid = !id.empty() && id.size() <= 64 &&
                     id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
  if (!valid) {
    problem(res, 401, "unauthorized", "Unknown kiosk", "Every request must name its kiosk in X-Kiosk-Id");
    return std::nullopt;
  }
  // With client certificates configured, the certificate is the identity; the header must agree.
  if (req.ssl) {
    if (X509* peer = SSL_get1_peer_certificate(req.ssl)) {
      char commonName[256] = {};
      X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, commonName, sizeof commonName);
      X509_free(peer);
      if (id != commonName) {
        problem(res, 403, "forbidden", "This kiosk's certificate is for another kiosk");
        return std::nullopt;
      }
    }
  }
  return id;
}

std::string cookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  for (size_t at = 0; at < header.size();) {
    const size_t end = std::min(header.find(';', at), header.size());
    std::string pair = header.substr(at, end - at);
    pair.erase(0, pair.find_first_not_of(' '));
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

std::string bearerToken(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  return header.rfind(prefix, 0) == 0 ? header.substr(prefix.size()) : std::string();
}

std::string issueToken(Tx& tx, const std::string& kind, const std::string& subject, bool assisted,
                       const std::string& kiosk, Instant now) {
  const std::string token = randomToken();
  // Only a hash is stored: a copied database holds no usable tokens.
  tx.exec("INSERT INTO tokens(token_hash, kind, subject, assisted, kiosk_id, created_at, last_used) VALUES(?,?,?,?,?,?,?)",
          {sha256Hex(token), kind, subject, int64_t{assisted}, kiosk, now, now});
  return token;
}

std::optional<Session> requireSession(Database& db, const Policy& policy, const httplib::Request& req,
                                      httplib::Response& res, const std::string& kind) {
  const std::string token = bearerToken(req);
  if (token.empty()) {
    problem(res, 401, "unauthorized", "Not logged in", "This needs a bearer token");
    return std::nullopt;
  }
  auto session = liveSession(db, policy, token, kind, req.get_header_value("X-Kiosk-Id"));
  if (!session) problem(res, 401, "session-expired", "The session has ended", "Log in again");
  return session;
}

std::optional<Session> liveSession(Database& db, const Policy& policy, const std::string& token, const std::string& kind,
                                   const std::string& kiosk) {
  const Instant now = nowInstant();
  const int idle = kind == "staff" ? policy.staffIdleSeconds : policy.citizenIdleSeconds;
  const int absolute = kind == "staff" ? policy.staffAbsoluteSeconds : policy.citizenAbsoluteSeconds;
  return db.transaction([&](Tx& tx) {
    std::optional<Session> found;
    bool alive = false;
    tx.query("SELECT kind, subject, assisted, kiosk_id, created_at, last_used, revoked FROM tokens WHERE token_hash = ?",
             {sha256Hex(token)}, [&](const Row& row) {
               found = Session{row.text(0), row.text(1), row.integer(2) != 0, row.text(3)};
               alive = row.integer(6) == 0 && now - row.integer(5) < idle && now - row.integer(4) < absolute;
             });
    // A token is the kiosk's it was issued to: copied to another kiosk, it is worth nothing.
    if (!found || !alive || found->kind != kind || found->kioskId != kiosk) return std::optional<Session>();
    tx.exec("UPDATE tokens SET last_used = ? WHERE token_hash = ?", {now, sha256Hex(token)});
    return found;
  });
}

bool withinLimit(Tx& tx, const std::string& bucket, int limit, int windowSeconds, Instant now) {
  if (limit <= 0) return true;
  tx.exec("DELETE FROM rate_events WHERE bucket = ? AND at <= ?", {bucket, now - windowSeconds});
  if (tx.queryInt("SELECT COUNT(*) FROM rate_events WHERE bucket = ?", {bucket}).value_or(0) >= limit) return false;
  tx.exec("INSERT INTO rate_events VALUES(?,?)", {bucket, now});
  return true;
}

void rateLimited(httplib::Response& res, int retryAfterSeconds, const std::string& title) {
  res.set_header("Retry-After", std::to_string(retryAfterSeconds));
  problem(res, 429, "rate-limited", title, "Wait a moment and try again", {{"retry_after_seconds", retryAfterSeconds}});
}

void idempotent(Database& db, const httplib::Request& req, httplib::Response& res, const std::string& kiosk,
                const std::string& scope, const std::function<void()>& handler) {
  const std::string key = req.get_header_value("Idempotency-Key");
  if (key.empty() || key.size() > 255) {
    problem(res, 400, "idempotency-key-missing", "Idempotency-Key is required",
            "Send one Idempotency-Key, created when the citizen confirmed, on every try of this request");
    return;
  }
  // The fingerprint covers who asks, what and with which body: the same key reused for anything
  // else is refused rather than answered with someone else's result.
  const std::string fingerprint = sha256Hex(scope + "\n" + req.method + " " + req.path + "\n" + req.body);
  enum class Seen { New, Running, Mismatch, Done };
  int storedStatus = 0;
  std::string storedBody;
  const Seen seen = db.transaction([&](Tx& tx) {
    std::optional<Seen> result;
    tx.query("SELECT request_hash, state, status, body FROM idempotency WHERE kiosk_id = ? AND key = ?", {kiosk, key},
             [&](const Row& row) {
               if (row.text(0) != fingerprint) result = Seen::Mismatch;
               else if (row.text(1) == "running") result = Seen::Running;
               else {
                 result = Seen::Done;
                 storedStatus = static_cast<int>(row.integer(2));
                 storedBody = row.text(3);
               }
             });
    if (!result) {
      tx.exec("INSERT INTO idempotency(kiosk_id, key, request_hash, state, created_at) VALUES(?,?,?,'running',?)",
              {kiosk, key, fingerprint, nowInstant()});
      return Seen::New;
    }
    return *result;
  });
  switch (seen) {
    case Seen::Mismatch:
      return problem(res, 422, "idempotency-key-reused", "This Idempotency-Key was used for another request");
    case Seen::Running:
      return problem(res, 409, "idempotency-in-progress", "The first request with this Idempotency-Key is still running",
                     "Try again in a moment to learn its outcome");
    case Seen::Done:
      res.status = storedStatus;
      res.set_header("Idempotent-Replayed", "true");
      res.set_content(storedBody, storedStatus >= 400 ? "application/problem+json" : "application/json; charset=utf-8");
      return;
    case Seen::New: break;
  }
  try {
    handler();
  } catch (...) {
    db.transaction([&](Tx& tx) { tx.exec("DELETE FROM idempotency WHERE kiosk_id = ? AND key = ?", {kiosk, key}); });
    throw;
  }
  db.transaction([&](Tx& tx) {
    if (res.status >= 500 || res.status == 429) {  // nothing was done: let a retry run it again
      tx.exec("DELETE FROM idempotency WHERE kiosk_id = ? AND key = ?", {kiosk, key});
    } else {
      tx.exec("UPDATE idempotency SET state = 'done', status = ?, body = ? WHERE kiosk_id = ? AND key = ?",
              {int64_t{res.status}, res.body, kiosk, key});
    }
  });
}

}  // namespace jobcenter
