// The phone step of the device grant, for the demo: the page at verification_uri where a demo
// citizen approves or declines the kiosk login. In production this is the jobcenter's own page
// behind MitID in the citizen's phone browser; the kiosk never shows or embeds it.

#include "routes.h"

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

}  // namespace

void addDevicePage(httplib::Server& server, RouteContext& ctx) {
  server.Get("/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::string options;
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT id, first_name, last_name FROM citizens ORDER BY first_name", {}, [&](const Row& row) {
        options += "<option value=\"" + escape(row.text(0)) + "\">" + escape(row.text(1) + " " + row.text(2)) + "</option>";
      });
    });
    const std::string code = req.get_param_value("user_code");
    res.set_header("Cache-Control", "no-store");
    res.set_content(page("Log ind på kiosken",
                         "<p class=\"note\">Demo: her ville du logge ind med MitID. Vælg en demo-borger.<br>"
                         "Demo: this is where MitID would run. Pick a demo citizen.</p>"
                         "<form method=\"post\" action=\"/device\">"
                         "<label for=\"code\">Koden fra skærmen</label>"
                         "<input id=\"code\" name=\"user_code\" autocomplete=\"off\" autocapitalize=\"characters\" value=\"" +
                             escape(code) + "\">"
                         "<label for=\"who\">Demo-borger</label><select id=\"who\" name=\"citizen\">" + options + "</select>"
                         "<button class=\"yes\" name=\"action\" value=\"approve\">Log ind</button>"
                         "<button class=\"no\" name=\"action\" value=\"deny\">Afvis</button></form>"),
                    "text/html; charset=utf-8");
  });

  server.Post("/device", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::string code = req.get_param_value("user_code");
    for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code.size() == 8 && code.find('-') == std::string::npos) code.insert(4, "-");
    const std::string citizen = req.get_param_value("citizen");
    const std::string action = req.get_param_value("action");
    const std::string subject = "device:" + req.remote_addr;
    const Instant now = nowInstant();
    enum class Outcome { Approved, Denied, BadCode, Limited } outcome = Outcome::BadCode;
    ctx.db.transaction([&](Tx& tx) {
      if (tx.queryInt("SELECT COUNT(*) FROM login_failures WHERE subject = ? AND at > ?", {subject, now - 60}).value_or(0) >= 5) {
        outcome = Outcome::Limited;
        return;
      }
      const bool knownCitizen = tx.queryInt("SELECT 1 FROM citizens WHERE id = ?", {citizen}).has_value();
      tx.exec("UPDATE device_grants SET state = ?, citizen_id = ? WHERE user_code = ? AND state = 'pending' AND expires_at > ?",
              {std::string(action == "approve" ? "approved" : "denied"), knownCitizen ? Value(citizen) : Value(nullptr), code, now});
      if (tx.changes() == 1 && (action != "approve" || knownCitizen)) {
        outcome = action == "approve" ? Outcome::Approved : Outcome::Denied;
      } else {
        tx.exec("INSERT INTO login_failures VALUES(?,?)", {subject, now});
      }
    });
    res.set_header("Cache-Control", "no-store");
    switch (outcome) {
      case Outcome::Approved:
        res.set_content(page("Du er logget ind", "<p>Kig på kiosken igen. / Look at the kiosk again.</p>"), "text/html; charset=utf-8");
        break;
      case Outcome::Denied:
        res.set_content(page("Login afvist", "<p>Kiosken logger ikke ind. / The kiosk will not log in.</p>"), "text/html; charset=utf-8");
        break;
      case Outcome::BadCode:
        res.status = 400;
        res.set_content(page("Koden passer ikke", "<p>Tjek koden på skærmen og prøv igen. / Check the code and try again.</p>"
                                                  "<p><a href=\"/device\">Prøv igen</a></p>"),
                        "text/html; charset=utf-8");
        break;
      case Outcome::Limited:
        res.status = 429;
        res.set_header("Retry-After", "60");
        res.set_content(page("Vent et øjeblik", "<p>For mange forkerte koder. Vent et minut. / Too many wrong codes.</p>"),
                        "text/html; charset=utf-8");
        break;
    }
  });
}

}  // namespace jobcenter
