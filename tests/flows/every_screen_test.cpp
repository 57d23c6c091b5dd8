// Every screen of every flow, reached the way a citizen reaches it and filled with the demo
// jobcenter's real data, in every language at every text size: nothing clipped, no target under
// 60 px, no two targets overlapping. The walk is the one the README's screenshots are taken on
// (scripts/screenshot_walk.json), with a layout check where it takes a picture (and on the menu,
// which has none). Each walk also notes the screen every check was made on: every screen in the
// registry must have been checked, or be listed below with the reason the walk cannot check it,
// so the walk cannot pass by checking nothing (a walk that lost its pictures, or a new screen it
// never reaches).
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "demo_jobcenter.h"

using kiosk::screens::ScreenId;
using nlohmann::json;

namespace {

// The screens the walk does not check, and why. A screen taken off here must then be checked.
const std::map<ScreenId, std::string> kNotCheckedOnTheWalk = {
    {ScreenId::ChooseLanguage, "shown before the walk sets the text size and the layout (every session starts at 100 % "
                               "and the normal layout); tests/screens/screen_matrix_test.cpp checks it at every size"},
    {ScreenId::ServiceUnavailable, "shown only by a kiosk that is not connected to a booking system, and the walk runs on "
                                   "the demo jobcenter, which is; tests/screens/scenario_test.cpp \"a service not offered "
                                   "here sends the citizen to the desk\" reaches it"},
    {ScreenId::OutOfOrder, "shown only by a kiosk whose configuration is unusable, never on a citizen's walk; "
                           "tests/screens/screen_matrix_test.cpp checks it at every size, and the program tests start "
                           "a kiosk with a broken configuration"},
    {ScreenId::Closed, "shown outside opening hours, which the walk (on the app's clock from now) cannot choose; "
                       "tests/flows/service_flow_test.cpp closes and opens the kiosk by its clock"},
    {ScreenId::AdminPin, "opened by the admin gesture, not by a citizen's walk; tests/flows/service_flow_test.cpp makes it"},
    {ScreenId::Admin, "behind the admin PIN; tests/flows/service_flow_test.cpp opens it"},
    {ScreenId::CancelBooking, "whether the walk's meeting can still be cancelled depends on the day and hour the walk "
                              "runs (the jobcenter's cut-off); tests/flows/booking_flow_test.cpp cancels a booking"},
};

// The attract screen at the walk's size and layout with all that takes height from its greeting:
// the speech controls (headphones in), then the banner of a call for staff made from it as well
// (the monkey found "more below" above the low-reach line there). Then "start over" from the
// language screen, so that the walk itself starts as every session does: 100 %, normal layout,
// speech off, no call open.
json attractWithSpeechControlsAndStaffBanner(const std::string& sizeAndLayoutTaps) {
  return json::parse("[" + sizeAndLayoutTaps + R"(
    { "audio_device": "plugged_in" }, { "expect": { "key": "speech.say_again" } }, { "expect_layout": true },
    { "tap": "bar.help" }, { "wait_for": "help" }, { "tap": "help.other" }, { "expect": { "key": "help.coming" } },
    { "tap": "common.back" }, { "wait_for": "attract" }, { "expect": { "key": "help.coming" } }, { "expect_layout": true },
    { "audio_device": "unplugged" },
    { "tap": "attract.touch_to_start" }, { "wait_for": "language" }, { "tap": "bar.start_over" }, { "wait_for": "attract" }])");
}

// lowReach: the walk also taps "Ryk ned" wherever it sets the text size (after every start over).
json walk(const std::string& language, int textSize, bool lowReach = false) {
  std::ifstream in(std::filesystem::path(KIOSK_SOURCE_DIR) / "scripts/screenshot_walk.json");
  std::ostringstream read;
  read << in.rdbuf();
  std::string text = read.str();
  const std::string taps = textSize == 200 ? R"({ "tap": "bar.text_size" }, { "tap": "bar.text_size" },)"
                                           : textSize == 150 ? R"({ "tap": "bar.text_size" },)" : "";
  auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
  };
  const std::string sizeAndLayout = taps + (lowReach ? R"({ "tap": "bar.low_reach" },)" : "");
  replace("TEXT_SIZE", sizeAndLayout);
  replace("LANG", language);
  json steps = attractWithSpeechControlsAndStaffBanner(sizeAndLayout);
  json walked = json::parse(text);
  for (auto& step : walked["steps"]) steps.push_back(std::move(step));
  for (auto& step : steps) {
    if (step.contains("screenshot")) step = {{"expect_layout", true}};
  }
  return steps;
}

// Runs the walk in one go (its timers, such as the idle warning, run on the driver's clock, which
// a second run would restart) and notes the screen each layout check was made on: after every
// check the walk writes the accessibility tree (dump_ui), which names the screen.
std::set<ScreenId> runNotingCheckedScreens(DemoJobcenter& k, const json& steps) {
  const auto dir = std::filesystem::temp_directory_path() / ("every-screen-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  json noting = json::array();
  int checks = 0;
  for (const auto& step : steps) {
    noting.push_back(step);
    if (step.contains("expect_layout")) noting.push_back({{"dump_ui", (dir / (std::to_string(checks++) + ".json")).string()}});
  }
  k.run(noting);
  std::set<ScreenId> checked;
  for (int i = 0; i < checks; ++i) {
    std::ifstream in(dir / (std::to_string(i) + ".json"));
    const auto screen = kiosk::screens::screenFromName(json::parse(in).at("screen").get<std::string>());
    REQUIRE(screen);
    checked.insert(*screen);
  }
  std::filesystem::remove_all(dir);
  return checked;
}

void requireEveryScreenChecked(const std::set<ScreenId>& checked) {
  for (const ScreenId screen : kiosk::screens::allScreens()) {
    INFO("screen " << kiosk::screens::screenName(screen));
    const auto listed = kNotCheckedOnTheWalk.find(screen);
    if (listed == kNotCheckedOnTheWalk.end()) {
      CHECK(checked.count(screen) == 1);  // a new screen: walk it (scripts/screenshot_walk.json) or list it above
    } else {
      INFO("listed as not checked on the walk: " << listed->second);
      CHECK(checked.count(screen) == 0);  // the walk checks it now: take it off the list
    }
  }
}

}  // namespace

TEST_CASE("every screen of every flow, with real data, in every language and text size, fits", "[walk]") {
  const int size = GENERATE(100, 150, 200);
  const std::string lang = GENERATE(values<std::string>({"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"}));
  INFO(lang << " " << size << " %");
  DemoJobcenter k;
  requireEveryScreenChecked(runNotingCheckedScreens(k, walk(lang, size)));
}

TEST_CASE("every screen of every flow, in the low-reach layout, fits and keeps every control out of the top quarter", "[walk]") {
  const int size = GENERATE(100, 200);
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  INFO(lang << " " << size << " %");
  DemoJobcenter k;
  json steps = walk(lang, size, /*lowReach=*/true);
  for (auto& step : steps) {
    if (step.contains("expect_layout")) step = {{"expect_layout", {{"reach_top", 0.25}}}};
  }
  requireEveryScreenChecked(runNotingCheckedScreens(k, steps));
}
