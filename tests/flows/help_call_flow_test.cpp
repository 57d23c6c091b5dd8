// Help from staff, both sides of the desk (issue 15): the citizen asks at the kiosk, a staff
// member takes the call on the reception board (over HTTPS, as the board's page does), and the
// kiosk tells the citizen, in their language, who is on the way.

#include <regex>

#include "../server/api_client.h"
#include "demo_jobcenter.h"

using nlohmann::json;

namespace {

// What the board's page does when Birgitte logs in and presses "I'm coming" on the call.
void takeOnTheBoard(jobcenter::ReferenceServer& server, const std::string& callId) {
  ApiClient browser(server.baseUrl(), server.identity().caPem());
  const auto login = browser.send("POST", "/api/v1/board/login", json{{"staff_number", "S1001"}, {"pin", "1357"}}.dump(),
                                  "application/json", "", "", /*withKioskId=*/false);
  REQUIRE(login.status == 200);
  const std::string cookie = login.headers.at("set-cookie");
  browser.extraHeaders = {"Cookie: " + cookie.substr(0, cookie.find(';'))};
  REQUIRE(browser.send("POST", "/api/v1/board/help-calls/" + callId + "/take", "", "", "", "", false).status == 200);
}

}  // namespace

TEST_CASE("help from staff: a call taken on the reception board tells the citizen by name who is on the way", "[in-process]") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"tap", "language." + lang}},
         {{"tap", "bar.help"}},
         {{"wait_for", "help"}},
         {{"tap", "help.interpreter"}},
         {{"expect", {{"key", "help.coming"}}}, {"timeout_ms", 3000}}});
  const auto calls = k.texts("SELECT id FROM help_requests WHERE status = 'open'");
  REQUIRE(calls.size() == 1);
  takeOnTheBoard(k.server(), calls[0]);
  const std::string onTheWay = std::regex_replace(k.text(lang, "help.on_the_way"), std::regex("\\{name\\}"), "Birgitte");
  // The kiosk asks every 4 seconds: within two rounds the help screen names her.
  k.run({{{"expect", {{"key", "help.on_the_way"}, {"text", onTheWay}}}, {"timeout_ms", 9000}},
         {{"expect_not", {{"key", "help.coming"}}}},
         // Elsewhere in the session, the banner above the bar says it too.
         {{"tap", "common.back"}},
         {{"expect", {{"key", "help.on_the_way"}, {"text", onTheWay}}}}});
}
