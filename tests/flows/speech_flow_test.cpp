// Speech mode on the demo jobcenter (EN 301 549 5.1.3 and 5.2): started without sight, every
// screen and status message said as it appears, a long press saying one button, the citizen's
// own details only through headphones, and every session starting from the same defaults.
// What speech was handed is read from ReadAloud::lastSaid(); espeak-ng itself is tested in
// tests/unit/speech_*_test.cpp.

#include "demo_jobcenter.h"

using nlohmann::json;

TEST_CASE("a long press on the attract screen starts speech mode, which then reads every new screen") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.run({{{"hold", "attract.touch_to_start"}, {"ms", 800}},
         {{"expect_spoken", k.text("da", "speech.started")}},  // the kiosk speaks Danish until a language is chosen
         {{"wait_for", "attract"}},                             // the hold was not a tap
         {{"expect", {{"key", "speech.say_again"}}}},
         {{"tap", "attract.touch_to_start"}},
         {{"expect_spoken", k.text("da", "language.title")}},
         {{"tap", "language." + lang}},
         {{"wait_for", "menu"}},
         {{"expect_spoken", k.text(lang, "menu.title")}},
         {{"expect_spoken", k.text(lang, "menu.book")}},
         {{"expect_not_spoken", k.text(lang, "speech.say_again")}}});  // the strip is not read as part of the screen
}

TEST_CASE("in speech mode an input error is said as it appears") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.toMenu(lang);
  k.run({{{"tap", "bar.read_aloud"}},
         {{"tap", "menu.check_in"}},
         {{"wait_for", "check-in"}},
         {{"expect_spoken", k.text(lang, "checkin.title")}},
         {{"type", "NOSUCH99"}},
         {{"press", "enter"}},
         {{"expect_spoken", k.text(lang, "checkin.not_found_code")}}});
}

TEST_CASE("a long press says a button before it acts, and sliding away means it does not act") {
  DemoJobcenter k;
  k.toMenu("uk");
  k.run({{{"hold", "menu.book"}, {"ms", 800}, {"then", "slide_away"}},
         {{"expect_spoken", k.text("uk", "menu.book") + ". " + k.text("uk", "menu.book.hint")}},
         {{"wait_for", "menu"}},
         {{"expect_not", {{"key", "speech.say_again"}}}},  // saying one button does not start speech mode
         {{"hold", "menu.check_in"}, {"ms", 800}},
         {{"expect_spoken", k.text("uk", "menu.check_in")}},
         {{"wait_for", "check-in"}},
         // A toggle that is on says so.
         {{"tap", "bar.contrast"}},
         {{"hold", "bar.contrast"}, {"ms", 800}, {"then", "slide_away"}},
         {{"expect_spoken", k.text("uk", "bar.contrast") + ", " + k.text("uk", "speech.selected") + "."}}});
}

TEST_CASE("a citizen's own details are read only through headphones unless they ask for the loudspeaker") {
  DemoJobcenter k;
  k.logIn("da", "menu.plan", "cit-freja");
  k.run({{{"tap", "bar.read_aloud"}},
         {{"expect_spoken", k.text("da", "speech.personal_withheld")}},
         {{"expect_not_spoken", "Freja"}},
         {{"tap", "speech.loudspeaker"}},
         {{"expect_spoken", "Freja"}},
         {{"expect_not", {{"key", "speech.loudspeaker"}}}},
         {{"tap", "bar.log_out"}},
         {{"wait_for", "attract"}}});
  // The next citizen starts without speech and without the loudspeaker choice.
  CHECK_FALSE(k.app().readAloud().on());
  CHECK(k.app().readAloud().lastSaid().empty());

  k.run({{{"audio_device", "plugged_in"}},  // headphones start speech mode (EN 301 549 5.2)
         {{"expect_spoken", k.text("da", "speech.started")}},
         {{"expect", {{"key", "speech.say_again"}}}}});
  k.logIn("da", "menu.plan", "cit-freja");
  k.run({{{"expect_spoken", "Freja"}}, {{"expect_not_spoken", k.text("da", "speech.personal_withheld")}}});
}

TEST_CASE("volume, slower speech and 'say it again' last one session, then return to the defaults") {
  DemoJobcenter k;
  k.toMenu("da");
  k.run({{{"tap", "bar.read_aloud"}}});
  const int defaultVolume = k.speech().volume();
  k.run({{{"tap", "speech.quieter"}}, {{"tap", "speech.quieter"}}, {{"tap", "speech.slower"}}});
  CHECK(k.speech().volume() < defaultVolume);
  CHECK(k.app().readAloud().controls().slow);
  k.run({{{"tap", "menu.title"}},  // silences it
         {{"tap", "speech.say_again"}},
         {{"expect_spoken", k.text("da", "menu.title")}}});
  CHECK(k.app().readAloud().speaking());
  k.run({{{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}});
  k.toMenu("da");
  k.run({{{"tap", "bar.read_aloud"}}});
  CHECK(k.speech().volume() == defaultVolume);
  CHECK_FALSE(k.app().readAloud().controls().slow);
}

// [in-process]: it books nothing and its pace is the captions' (about 50 s), so a second run
// against jobcenter-sim as its own process would add a minute of CI and prove nothing new.
TEST_CASE("'show me how' walks self-booking up to the confirm screen with captions, books nothing, and a touch ends it", "[in-process]") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) {
    options.tourFile = std::filesystem::path(KIOSK_DATA_DIR) / "assets" / "tour" / "self_booking.json";
  });
  const auto bookings = k.count("SELECT COUNT(*) FROM bookings");
  k.run({{{"tap", "attract.show_me_how"}},
         {{"expect", {{"key", "tour-caption"}, {"text", k.text("da", "tour.intro")}}}},
         {{"wait_for", "login"}, {"timeout_ms", 60000}},
         {{"wait_for", "book-time"}, {"timeout_ms", 90000}},
         {{"wait_for", "book-confirm"}, {"timeout_ms", 60000}},
         {{"expect", {{"key", "tour-caption"}, {"text", k.text("da", "tour.confirm")}}}, {"timeout_ms", 20000}},
         {{"wait_for", "attract"}, {"timeout_ms", 60000}}});  // it ends by starting over: nobody stays logged in
  CHECK_FALSE(k.app().tour().running());
  CHECK(k.count("SELECT COUNT(*) FROM bookings") == bookings);
  // The logout that ended it reaches the server a moment later.
  for (int i = 0; i < 100 && k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-amina' AND revoked = 0") > 0; ++i) k.run({{{"wait_ms", 16}}});
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-amina' AND revoked = 0") == 0);

  k.run({{{"tap", "attract.show_me_how"}}, {{"wait_for", "language"}, {"timeout_ms", 30000}}, {{"tap", "language.da"}}});
  CHECK_FALSE(k.app().tour().running());
  CHECK(k.app().currentScreen() == kiosk::screens::ScreenId::Attract);  // the touch stopped it, and was not also a tap
}

TEST_CASE("'show me how' plays by itself, silently, on an idle attract screen, counted from when the last citizen left") {
  DemoJobcenter k(DemoJobcenter::fastPolicy(), [](kiosk::app::AppOptions& options) {
    options.tourFile = std::filesystem::path(KIOSK_DATA_DIR) / "assets" / "tour" / "self_booking.json";
    options.tourOnAttractAfter = std::chrono::seconds(90);
  });
  // A citizen walks away: "more time?" comes, and is answered by leaving.
  k.toMenu("da");
  k.run({{{"wait_ms", 95000}}, {{"tap", "idle.log_out"}}, {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().tour().running());
  k.run({{{"tap", "attract.touch_to_start"}}, {{"wait_for", "language"}}});  // the next citizen's tap is a tap
  k.run({{{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}, {{"wait_ms", 91000}}});
  CHECK(k.app().tour().running());
  CHECK_FALSE(k.app().tour().spoken());  // unasked, it does not talk across the reception
  k.run({{{"tap", "attract.welcome"}}, {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().tour().running());
}

// Every screen in the low-reach layout: tests/flows/every_screen_test.cpp. Here: with the speech
// strip as well, and for one session only.
TEST_CASE("the low-reach layout holds with the speech strip too, and lasts one session") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar"}));
  const int size = GENERATE(100, 200);
  DemoJobcenter k;
  k.toMenu(lang);
  k.run({{{"tap", "bar.low_reach"}}, {{"tap", "bar.read_aloud"}}});
  for (int i = 100; i < size; i += 50) k.run({{{"tap", "bar.text_size"}}});
  const json lowReach = {{"expect_layout", {{"reach_top", 0.25}}}};
  k.run({lowReach, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}}, lowReach, {{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().preferences().lowReach);
  CHECK_FALSE(k.app().readAloud().on());
}
