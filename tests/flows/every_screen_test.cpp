// Every screen of every flow, reached the way a citizen reaches it and filled with the demo
// jobcenter's real data, in every language at every text size: nothing clipped, no target under
// 60 px, no two targets overlapping. The walk is the one the README's screenshots are taken on
// (scripts/screenshot_walk.json), with a layout check where it takes a picture.
#include <fstream>
#include <sstream>

#include "demo_jobcenter.h"

using nlohmann::json;

namespace {

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
  replace("TEXT_SIZE", taps + (lowReach ? R"({ "tap": "bar.low_reach" },)" : ""));
  replace("LANG", language);
  json steps = json::parse(text)["steps"];
  for (auto& step : steps) {
    if (step.contains("screenshot")) step = {{"expect_layout", true}};
  }
  return steps;
}

}  // namespace

TEST_CASE("every screen of every flow, with real data, in every language and text size, fits") {
  const int size = GENERATE(100, 150, 200);
  const std::string lang = GENERATE(values<std::string>({"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"}));
  INFO(lang << " " << size << " %");
  DemoJobcenter k;
  k.run(walk(lang, size));
}

TEST_CASE("every screen of every flow, in the low-reach layout, fits and keeps every control out of the top quarter") {
  const int size = GENERATE(100, 200);
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  INFO(lang << " " << size << " %");
  DemoJobcenter k;
  json steps = walk(lang, size, /*lowReach=*/true);
  for (auto& step : steps) {
    if (step.contains("expect_layout")) step = {{"expect_layout", {{"reach_top", 0.25}}}};
  }
  k.run(steps);
}
