// The home screen a citizen sees after logging in, as the mockup (../shared/mockups/home-da.png)
// has it: at 100 % everything on one screen, what can be done about the meeting beside it, and
// logging out in the bar, where it is on every screen of a logged-in citizen.
#include "demo_jobcenter.h"
#include "in_view.h"

namespace {

enum class Where { BesideTheCard, InTheFooter };

// Moving and cancelling Peter's meeting: both wholly in view, where the layout put them.
void requireMoveAndCancel(DemoJobcenter& k, Where where) {
  const auto& tree = k.app().tree();
  const auto* card = tree.find("home.next_meeting");
  REQUIRE(card);
  for (const char* key : {"home.move", "home.cancel"}) {
    INFO(key);
    const auto* action = tree.find(key);
    REQUIRE(action);
    CHECK(whollyInView(*action));
    if (where == Where::BesideTheCard) CHECK(action->rect.bottom() <= card->rect.bottom() + 0.5f);
    else CHECK(action->rect.y > card->rect.y);  // in the footer, under the page
  }
}

}  // namespace

TEST_CASE("home at 100 %: the meeting with moving and cancelling beside it, in view in every language; log out in the bar", "[walk]") {
  const std::string lang = GENERATE(values<std::string>({"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"}));
  INFO(lang);
  DemoJobcenter k;
  k.logIn(lang, "menu.joblog", "cit-peter");  // a meeting he can still move and cancel
  k.run({{{"wait_ms", 1000}}, {{"expect_layout", true}}});
  const auto& tree = k.app().tree();
  const auto* card = tree.find("home.next_meeting");
  REQUIRE(card);
  CHECK(whollyInView(*card));
  for (const char* key : {"home.move", "home.cancel"}) {
    INFO(key);
    const auto* action = tree.find(key);
    REQUIRE(action);
    // In view as home opens. (They scroll with the meeting, as content, once the citizen scrolls:
    // so this test holds them in view, not the layout rule for actions.)
    CHECK(whollyInView(*action));
    // Beside the card, not under it: in its band, and clear of it sideways.
    CHECK(action->rect.y >= card->rect.y - 0.5f);
    CHECK(action->rect.bottom() <= card->rect.bottom() + 0.5f);
    CHECK((action->rect.x >= card->rect.right() || action->rect.right() <= card->rect.x));
  }
  // The job log he came for is the service marked to carry on with, not a button of its own.
  REQUIRE(tree.find("home-continue"));
  CHECK(tree.find("home-continue")->selected);
  CHECK(tree.find("home-continue")->text.find(k.text(lang, "menu.joblog")) != std::string::npos);
  // Logging out is the bar's now: one button, in one place, on every screen.
  CHECK_FALSE(tree.find("common.log_out"));
  CHECK_FALSE(tree.find("bar.start_over"));
  REQUIRE(tree.find("bar.log_out"));
  CHECK(tree.find("bar.log_out")->text == k.text(lang, "bar.log_out"));
  k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}, {{"expect", {{"key", "bar.start_over"}}}}});
  CHECK_FALSE(k.app().citizen().summary);
}

TEST_CASE("home at 100 % in Danish, nothing asked for below: the whole page on one screen, as the mockup has it", "[walk]") {
  DemoJobcenter k;
  // His last meeting already rated: nothing is asked below the services.
  k.exec("INSERT INTO feedback SELECT id, 3, 0 FROM bookings WHERE citizen_id = 'cit-peter'");
  k.logIn("da", "menu.joblog", "cit-peter");
  k.run({{{"wait_ms", 1000}}, {{"expect_not", {{"key", "home.feedback_question"}}}}, {{"expect_not", {{"key", "scroll.more_below"}}}},
         {{"expect_layout", true}}});
  for (const char* key : {"home.next_meeting", "home.move", "home.cancel", "home-continue", "home.menu.plan", "home.menu.activities"}) {
    INFO(key);
    REQUIRE(k.app().tree().find(key));
    CHECK(whollyInView(*k.app().tree().find(key)));
  }
}

TEST_CASE("home at 100 % with a rating asked for: the meeting and its actions stay in view beside it, the rest under more below", "[walk]") {
  DemoJobcenter k;
  k.logIn("da", "menu.joblog", "cit-peter");
  k.run({{{"wait_ms", 1000}}, {{"expect", {{"key", "home.feedback_question"}}}}, {{"expect", {{"key", "scroll.more_below"}}}},
         {{"expect_layout", true}}});
  requireMoveAndCancel(k, Where::BesideTheCard);
}

TEST_CASE("home with no meeting and one due: booking leads, beside the card, and nothing is below the fold", "[walk]") {
  DemoJobcenter k;
  k.logIn("da", "menu.move_cancel", "cit-freja");  // came to move or cancel, but has nothing booked
  k.run({{{"wait_ms", 1000}}, {{"expect_not", {{"key", "scroll.more_below"}}}}, {{"expect_not", {{"key", "home-continue"}}}},
         {{"expect_layout", true}}});
  const auto* book = k.app().tree().find("menu.book");
  REQUIRE(book);
  CHECK(whollyInView(*book));
}

TEST_CASE("home at 200 %: what can be done about the meeting is docked in view, and the page says there is more below", "[walk]") {
  DemoJobcenter k;
  k.toMenu("da");
  k.run({{{"tap", "bar.text_size"}}, {{"tap", "bar.text_size"}}});
  k.run({{{"tap", "menu.joblog"}}, {{"wait_for", "login"}}, {{"tap", "demo-approve-cit-peter"}}, {{"wait_for", "home"}, {"timeout_ms", 20000}},
         {{"wait_ms", 1000}}, {{"expect", {{"key", "scroll.more_below"}}}}, {{"expect_layout", true}}});
  requireMoveAndCancel(k, Where::InTheFooter);
}
