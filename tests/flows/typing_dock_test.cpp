// Typing at large text and in low reach (issue 12): the field with what is typed, what went
// wrong, every key of the keyboard, and the way back and on are all in view at once, without
// scrolling, docked above the bar — where before the keyboard was the end of a page that
// scrolled, its keys below the fold.
#include "demo_jobcenter.h"
#include "in_view.h"

namespace {

// Every key, the field and the footer's actions wholly in view; returns how many keys there were.
int requireTypingInView(DemoJobcenter& k, const std::string& fieldKey, const std::vector<std::string>& actions) {
  int keys = 0;
  for (const auto& node : k.app().tree().nodes()) {
    if (node.key.rfind("key.", 0) != 0) continue;
    INFO(node.key);
    CHECK(whollyInView(node));
    ++keys;
  }
  const auto* field = k.app().tree().find(fieldKey);
  REQUIRE(field);
  CHECK(whollyInView(*field));
  for (const auto& key : actions) {
    INFO(key);
    const auto* action = k.app().tree().find(key);
    REQUIRE(action);
    CHECK(whollyInView(*action));
  }
  return keys;
}

}  // namespace

TEST_CASE("typing a job log entry in low reach at 200 %: the field, every key, back and next in view below the reach line", "[walk]") {
  DemoJobcenter k;
  k.toMenu("da");
  k.run({{{"tap", "bar.text_size"}}, {{"tap", "bar.text_size"}}, {{"tap", "bar.low_reach"}}, {{"tap", "menu.joblog"}}, {{"wait_for", "login"}},
         {{"tap", "demo-approve-cit-peter"}}, {{"wait_for", "home"}, {"timeout_ms", 20000}}, {{"tap", "home-continue"}}, {{"wait_for", "joblog"}},
         {{"expect", {{"key", "joblog.add_application"}}}, {"timeout_ms", 10000}}, {{"tap", "joblog.add_application"}},
         {{"wait_for", "joblog-entry"}}, {{"type", "Lager"}}, {{"expect_layout", {{"reach_top", 0.25}}}}});
  CHECK(requireTypingInView(k, "joblog-field", {"common.back", "common.next"}) > 30);
  CHECK(k.app().tree().find("joblog-field")->text == "Lager");
}

TEST_CASE("a mistyped check-in code at 200 %: what went wrong, the code as typed, every key, back and check in, all in view", "[walk]") {
  DemoJobcenter k;
  k.toMenu("da");
  k.run({{{"tap", "bar.text_size"}}, {{"tap", "bar.text_size"}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}},
         {{"type", "NOSUCH99"}}, {{"press", "enter"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "checkin-code.status"}}}},
         {{"expect_layout", true}}});
  CHECK(requireTypingInView(k, "checkin-code", {"common.back", "checkin.confirm", "checkin-code.status"}) > 30);
}

TEST_CASE("typing at 100 %: the keyboard keeps its full size and the footer its place", "[walk]") {
  DemoJobcenter k;
  k.toMenu("uk");
  k.run({{{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}}, {{"type", "DEMO"}}, {{"expect_layout", true}}});
  requireTypingInView(k, "checkin-code", {"common.back", "checkin.confirm", "checkin.hint"});
  // Back and check in stay in the footer, under the keyboard, not beside the field.
  CHECK(k.app().tree().find("common.back")->rect.y > k.app().tree().find("key.space")->rect.y);
}

TEST_CASE("a mistyped check-in code in low reach: what went wrong rises above the reach line, every control stays below it", "[walk]") {
  DemoJobcenter k;
  k.toMenu("da");
  k.run({{{"tap", "bar.low_reach"}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}}, {{"type", "NOSUCH99"}}, {{"press", "enter"}},
         {{"expect", {{"key", "checkin-code.status"}, {"text", k.text("da", "checkin.not_found_code")}}}, {"timeout_ms", 10000}},
         {{"expect_layout", {{"reach_top", 0.25}}}}});
  requireTypingInView(k, "checkin-code", {"common.back", "checkin.confirm", "checkin-code.status"});
  // The status is text, above the field; the low-reach note gave it the band.
  CHECK(k.app().tree().find("checkin-code.status")->rect.bottom() <= k.app().tree().find("checkin-code")->rect.y);
  CHECK_FALSE(k.app().tree().find("low_reach.note"));
}

// Speech mode's strip took the keyboard's room: at 200 % in low reach with headphones in, the
// field and the keys were left out of the check-in screen altogether (the monkey's walk with the
// speech controls found it, in every language). There the strip folds away, the screen starts
// at the reach line, and the strip is back on the next screen.
TEST_CASE("checking in with headphones in, low reach and 200 %: the strip gives the keyboard its room, and is back afterwards", "[walk]") {
  const std::string lang = GENERATE(values<std::string>({"da", "pl", "ar"}));
  INFO(lang);
  DemoJobcenter k;
  k.toMenu(lang);
  k.run({{{"tap", "bar.text_size"}}, {{"tap", "bar.text_size"}}, {{"tap", "bar.low_reach"}}, {{"audio_device", "plugged_in"}},
         {{"expect", {{"key", "speech.say_again"}}}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}}, {{"type", "DEMO0TDY"}},
         {{"expect_layout", {{"reach_top", 0.25}}}}});
  CHECK(requireTypingInView(k, "checkin-code", {"common.back", "checkin.confirm"}) > 30);
  CHECK(k.app().tree().find("checkin-code")->text == "DEMO0TDY");
  CHECK_FALSE(k.app().tree().find("speech.say_again"));
  k.run({{{"tap", "checkin.confirm"}}, {{"expect", {{"key", "checkin-done"}}}, {"timeout_ms", 10000}}, {{"expect", {{"key", "speech.say_again"}}}},
         {{"expect_layout", {{"reach_top", 0.25}}}}});
}
