// What only a demo jobcenter answers: the invented citizens the demo kiosk offers in place of
// MitID (the phone page offers the same ones). A server that is not a demo has no such route, so
// a production kiosk can never be shown a list of people.

#include <nlohmann/json.hpp>

#include "routes.h"

namespace jobcenter {

void addDemoRoutes(httplib::Server& server, RouteContext& ctx) {
  if (!ctx.options.demoPhonePage) return;
  server.Get("/demo/citizens", [&ctx](const httplib::Request&, httplib::Response& res) {
    auto citizens = nlohmann::json::array();
    ctx.db.transaction([&](Tx& tx) {
      tx.query("SELECT id, first_name FROM citizens ORDER BY first_name", {},
               [&](const Row& row) { citizens.push_back({{"id", row.text(0)}, {"first_name", row.text(1)}}); });
    });
    res.set_content(nlohmann::json{{"citizens", citizens}}.dump(), "application/json");
  });
}

}  // namespace jobcenter
