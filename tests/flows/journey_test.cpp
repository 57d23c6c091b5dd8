// Six citizens the kiosk exists for, each walked the way they would walk it, from the scripts
// the documentation's pictures are taken with (scripts/journeys/*.json, rendered into
// docs/journeys/ by scripts/screenshots): where a picture is taken the screen must hold to the
// layout rules — nothing clipped, every action wholly in view, "more below" where content is
// cut — and in the low-reach journey no control may lie in the display's top quarter.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "demo_jobcenter.h"

using nlohmann::json;

namespace {

json journey(const std::string& name, double reachTop = 0) {
  std::ifstream in(std::filesystem::path(KIOSK_SOURCE_DIR) / "scripts/journeys" / (name + ".json"));
  REQUIRE(in);
  json steps = json::parse(in)["steps"];
  for (auto& step : steps) {
    if (!step.contains("screenshot")) continue;
    step = reachTop > 0 ? json{{"expect_layout", {{"reach_top", reachTop}}}} : json{{"expect_layout", true}};
  }
  return steps;
}

}  // namespace

TEST_CASE("journey: Sara books a meeting in Farsi at 200 % text, every action in view") {
  DemoJobcenter k;
  k.run(journey("farsi-200"));
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-sara' AND status = 'booked'") == 1);
}

TEST_CASE("journey: Bent at 200 % in high contrast books, and home then says he need not book again") {
  DemoJobcenter k;
  k.run(journey("danish-200-high"));
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-bent' AND status = 'booked'") == 1);
}

TEST_CASE("journey: Amina in Somali, her meeting tomorrow: too late to move, one tap calls staff with why") {
  DemoJobcenter k;
  k.run(journey("somali-tomorrow"));
  CHECK(k.count("SELECT COUNT(*) FROM help_requests WHERE reason = 'too_late_to_change' AND language = 'so'") == 1);
}

TEST_CASE("journey: Olena checks in in Ukrainian, mends a mistyped code without typing it again") {
  DemoJobcenter k;
  k.run(journey("ukrainian-check-in"));
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE reference = 'DEMO0TDY' AND checked_in_at IS NOT NULL") == 1);
}

TEST_CASE("journey: Peter with Ryk ned writes a job log entry, the field and keys in reach") {
  DemoJobcenter k;
  k.run(journey("low-reach-joblog", 0.25));
}

TEST_CASE("journey: Freja waits for staff five minutes, and is neither asked for more time nor wiped") {
  DemoJobcenter k;
  k.run(journey("pause-waiting"));
  CHECK(k.app().citizen().summary);
}
