// The phone step of the device grant, for the demo: the page at verification_uri where a demo
// citizen approves or declines the kiosk login. In production this is the jobcenter's own page
// behind MitID in the citizen's phone browser; the kiosk never shows or embeds it.

#include "routes.h"
#include "secrets.h"

#include <algorithm>

namespace jobcenter {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + escape(title) + "</title><style>"
         "body{font-family:'Noto Sans',sans-serif;margin:0;background:#F4F6F8;color:#102030}"
         "header{background:#00457C;color:#fff;padding:16px 20px;font-size:1.4em;font-weight:bold}"
         "main{padding:20px;max-width:32em}label{display:block;margin:16px 0 6px;font-weight:bold}"
         "input,select{font-size:1.3em;padding:10px;width:100%;box-sizing:border-box;border:3px solid #707F8E;border-radius:10px}"
         "button{font-size:1.2em;padding:14px 20px;margin:20px 12px 0 0;border-radius:12px;border:3px solid #00457C;min-height:60px}"
         ".yes{background:#00457C;color:#fff}.no{background:#fff;color:#00457C}.note{color:#3D4F5F}"
         "</style></head><body><header>" + escape(title) + "</header><main>" + body + "</main></body></html>";
}


// The browser-side defences of a page that logs a kiosk in: no framing, no sniffing, no referrer
// (the address holds the user code), no caching.
void pageHeaders(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
}

// The form token: an HMAC of the browser's own cookie, so a form posted from another site (which
// neither sends a SameSite=Strict cookie nor can read this page) is refused.
std::string formToken(const std::string& key, const std::string& cookie) { return sha256Hex(key + "\n" + cookie); }

constexpr const char* kCookie = "__Host-device-login";

}  // namespace

void addDevicePage(httplib::Server& server, RouteContext& ctx) {
  server.Get("/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    pageHeaders(res);
    if (!ctx.options.demoPhonePage) {
      res.set_content(page("Log ind på kiosken", "<p>Her logger du ind med MitID på jobcentrets egen side. Denne server er ikke en demo.<br>"
                                                 "This step runs on the jobcenter's own MitID page. This server is not a demo.</p>"),
                      "text/html; charset=utf-8");
      return;
    }
    std::string options;
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT id, first_name, last_name FROM citizens ORDER BY first_name", {}, [&](const Row& row) {
        options += "<option value=\"" + escape(row.text(0)) + "\">" + escape(row.text(1) + " " + row.text(2)) + "</option>";
      });
    });
    const std::string code = req.get_param_value("user_code");
    const std::string cookie = randomToken();
    res.set_header("Set-Cookie", std::string(kCookie) + "=" + cookie + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    res.set_content(page("Log ind på kiosken",
                         "<p class=\"note\"><strong>DEMO</strong> &mdash; ikke et rigtigt login. Her ville du logge ind med MitID. "
                         "Vælg en demo-borger.<br><strong>DEMO</strong> &mdash; not a real login. This is where MitID would run. "
                         "Pick a demo citizen.</p>"
                         "<form method=\"post\" action=\"/device\">"
                         "<input type=\"hidden\" name=\"csrf\" value=\"" + formToken(ctx.pinPepper, cookie) + "\">"
                         "<label for=\"code\">Koden fra skærmen</label>"
                         "<input id=\"code\" name=\"user_code\" autocomplete=\"off\" autocapitalize=\"characters\" maxlength=\"9\" value=\"" +
                             escape(code.substr(0, 9)) + "\">"
                         "<label for=\"who\">Demo-borger</label><select id=\"who\" name=\"citizen\">" + options + "</select>"
                         "<button class=\"yes\" name=\"action\" value=\"approve\">Log ind</button>"
                         "<button class=\"no\" name=\"action\" value=\"deny\">Afvis</button></form>"),
                    "text/html; charset=utf-8");
  });

  server.Post("/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    pageHeaders(res);
    const auto refuse = [&](int status, const std::string& title, const std::string& text) {
      res.status = status;
      res.set_content(page(title, "<p>" + text + "</p><p><a href=\"/device\">Prøv igen / Try again</a></p>"), "text/html; charset=utf-8");
    };
    if (!ctx.options.demoPhonePage) return refuse(403, "Ikke en demo", "This server is not a demo.");
    // Only a form from this page, in the browser that loaded it. A cross-site form post is what a
    // browser makes, and a browser says where a post comes from (Origin, Sec-Fetch-Site): from
    // anywhere else it is refused, and from a browser it must carry the form token, which only
    // this page, read in that browser with its SameSite=Strict cookie, can hold. A client that is
    // no browser (the kiosk demo's stand-in for the phone) has no victim's cookies to misuse.
    const std::string origin = req.get_header_value("Origin");
    const std::string site = req.get_header_value("Sec-Fetch-Site");
    const std::string cookie = cookieValue(req, kCookie);
    const bool fromBrowser = !origin.empty() || !site.empty() || req.has_header("Cookie") || req.has_param("csrf");
    const bool sameSite = (origin.empty() || origin == ctx.baseUrl) && (site.empty() || site == "same-origin" || site == "none");
    if (!sameSite || (fromBrowser && (cookie.empty() || req.get_param_value("csrf") != formToken(ctx.pinPepper, cookie)))) {
      return refuse(403, "Siden er udløbet", "Åbn siden igen. / Open the page again.");
    }
    std::string code = req.get_param_value("user_code").substr(0, 16);
    for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() == 8 && code.find('-') == std::string::npos) code.insert(4, "-");
    const std::string citizen = req.get_param_value("citizen").substr(0, 64);
    const std::string action = req.get_param_value("action");
    const std::string fromAddress = "device-wrong:" + req.remote_addr, inAll = "device-wrong";
    const Instant now = nowInstant();
    enum class Outcome { Approved, Denied, BadCode, Limited } outcome = Outcome::BadCode;
    ctx.db.transaction([&](Tx& tx) {
      // Wrong codes are limited per address and, so that rotating addresses does not help, in
      // all; a right code is never counted.
      const auto count = [&](const std::string& bucket) {
        return tx.queryInt("SELECT COUNT(*) FROM rate_events WHERE bucket = ? AND at > ?", {bucket, now - 60}).value_or(0);
      };
      if (count(fromAddress) >= ctx.options.deviceWrongCodesPerAddressPerMinute || count(inAll) >= ctx.options.deviceWrongCodesPerMinute) {
        outcome = Outcome::Limited;
        return;
      }
      const bool approve = action == "approve";
      const bool knownCitizen = !citizen.empty() && tx.queryInt("SELECT 1 FROM citizens WHERE id = ?", {citizen}).has_value();
      if (approve && !knownCitizen) {
        outcome = Outcome::BadCode;  // nothing is stored: the grant stays pending
        return;
      }
      tx.exec("UPDATE device_grants SET state = ?, citizen_id = ? WHERE user_code = ? AND state = 'pending' AND expires_at > ?",
              {std::string(approve ? "approved" : "denied"), approve ? Value(citizen) : Value(nullptr), code, now});
      if (tx.changes() == 1) {
        outcome = approve ? Outcome::Approved : Outcome::Denied;
      } else {
        tx.exec("INSERT INTO rate_events VALUES(?,?)", {fromAddress, now});
        tx.exec("INSERT INTO rate_events VALUES(?,?)", {inAll, now});
      }
    });
    switch (outcome) {
      case Outcome::Approved:
        res.set_content(page("Du er logget ind", "<p>Kig på kiosken igen. / Look at the kiosk again.</p>"), "text/html; charset=utf-8");
        break;
      case Outcome::Denied:
        res.set_content(page("Login afvist", "<p>Kiosken logger ikke ind. / The kiosk will not log in.</p>"), "text/html; charset=utf-8");
        break;
      case Outcome::BadCode:
        refuse(400, "Koden passer ikke", "Tjek koden på skærmen og prøv igen. / Check the code and try again.");
        break;
      case Outcome::Limited:
        res.set_header("Retry-After", "60");
        refuse(429, "Vent et øjeblik", "For mange forkerte koder. Vent et minut. / Too many wrong codes. Wait a minute.");
        break;
    }
  });
}

}  // namespace jobcenter
