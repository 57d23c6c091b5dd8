// Check-in, activities, the job log, my plan, feedback, help from staff, co-service, saved
// preferences and the idle timeout, on the demo jobcenter, in Danish, Arabic and Ukrainian.
#include <map>
#include <thread>

#include "demo_jobcenter.h"

using nlohmann::json;

TEST_CASE("checking in with the booking code, again, and with a code that has no meeting today (kept in view to mend)") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"tap", "language." + lang}},
         {{"tap", "menu.check_in"}},
         {{"wait_for", "check-in"}},
         {{"type", "NOSUCH99"}},
         {{"press", "enter"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "checkin-code.status"}, {"text", k.text(lang, "checkin.not_found_code")}}}},
         // The code that found nothing stays, so the citizen sees what they typed.
         {{"expect", {{"key", "checkin-code"}, {"text", "NOSUCH99"}}}},
         // A barcode scanner types like a keyboard and ends with Enter: the new code replaces it,
         // and O typed for 0 is the same code.
         {{"type", "demootdy"}},
         {{"press", "enter"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "checkin-done"}}}},
         {{"expect_not", {{"text", "DEMO0TDY"}}}},
         {{"tap", "common.done"}},
         {{"wait_for", "attract"}}});
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE reference = 'DEMO0TDY' AND status = 'checked_in'") == 1);
  k.run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language." + lang}}, {{"tap", "menu.check_in"}}, {{"wait_for", "check-in"}},
         {{"type", "030392-3456"}}, {{"press", "enter"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "checkin-done"}}}},
         // By CPR number the booking system says only that it happened: no time, no consultant.
         {{"expect_not", {{"key", "checkin-when"}}}}, {{"expect", {{"key", "checkin-wait"}}}}});
  CHECK(k.app().citizen().checkIn.value->alreadyCheckedIn);
  k.run({{{"tap", "bar.start_over"}}, {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().citizen().checkIn.value);
}

TEST_CASE("signing up for an activity and cancelling it, a full one offers no sign-up") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.activities", "cit-freja");
  k.run({{{"tap", "home-continue"}},
         {{"wait_for", "activities"}},
         {{"wait_ms", 500}},
         {{"expect_not", {{"key", "activities.sign_up.a-hjaelp"}}}},
         {{"tap", "activities.sign_up.a-cv"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "activities.cancel.a-cv"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM registrations WHERE activity_id = 'a-cv' AND citizen_id = 'cit-freja'") == 1);
  k.run({{{"tap", "activities.cancel.a-cv"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "activities.sign_up.a-cv"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM registrations WHERE activity_id = 'a-cv' AND citizen_id = 'cit-freja'") == 0);
}

TEST_CASE("a job application into the job log, typed on the on-screen keyboard with a suggested title") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  // The employer's name on the keyboard of the kiosk's language, as a finger types it.
  const std::map<std::string, std::pair<std::vector<std::string>, std::string>> typing = {
      {"da", {{"key.shift", "key.b", "key.y", "key.g"}, "Byg"}},
      {"ar", {{"key.ب", "key.ي", "key.ت"}, "بيت"}},
      {"uk", {{"key.shift", "key.б", "key.у", "key.д"}, "Буд"}},
  };
  const auto& [keys, employer] = typing.at(lang);
  DemoJobcenter k;
  k.logIn(lang, "menu.joblog", "cit-peter");
  const auto before = k.count("SELECT COUNT(*) FROM joblog WHERE citizen_id = 'cit-peter'");
  json steps = {{{"tap", "home-continue"}},
                {{"wait_for", "joblog"}},
                {{"tap", "joblog.add_application"}},
                {{"wait_for", "joblog-entry"}},
                {{"tap", "joblog.suggestion.0"}},
                {{"tap", "common.next"}}};
  for (const auto& key : keys) steps.push_back({{"tap", key}});
  steps.push_back({{"expect", {{"key", "joblog-field"}, {"text", employer}}}});
  for (const json& step : json::array({{{"tap", "common.next"}},
                                       {{"tap", "common.next"}},  // no address: it is optional
                                       {{"tap", "joblog.how.email"}},
                                       {{"tap", "joblog.days_ago.1"}},
                                       {{"expect", {{"key", "joblog-sum-job"}, {"text", "Tømrer"}}}},
                                       {{"tap", "joblog.save"}},
                                       {{"wait_for", "joblog"}, {"timeout_ms", 10000}}})) {
    steps.push_back(step);
  }
  k.run(steps);
  CHECK(k.count("SELECT COUNT(*) FROM joblog WHERE citizen_id = 'cit-peter'") == before + 1);
  CHECK(k.count("SELECT COUNT(*) FROM joblog WHERE citizen_id = 'cit-peter' AND job_title = 'Tømrer' AND employer_name = ?"
                " AND how = 'email'", {employer}) == 1);
}

TEST_CASE("a job log entry the server could not save stays on screen with try again") {
  DemoJobcenter k;
  k.logIn("uk", "menu.joblog", "cit-olena");
  k.run({{{"tap", "home-continue"}},
         {{"wait_for", "joblog"}},
         {{"tap", "joblog.add_other"}},
         {{"wait_for", "joblog-entry"}},
         {{"type", "Курс CV"}},
         {{"tap", "common.next"}},
         {{"tap", "joblog.days_ago.0"}}});
  k.exec("UPDATE tokens SET revoked = 1");
  k.run({{{"tap", "joblog.save"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "joblog-sum-other"}, {"text", "Курс CV"}}}},
         {{"expect", {{"key", "common.try_again"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM joblog WHERE description = 'Курс CV'") == 0);
}

TEST_CASE("my plan shows the agreement and the ABC job plan") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.plan", "cit-mohammed");
  k.run({{{"tap", "home-continue"}},
         {{"wait_for", "plan"}},
         {{"expect", {{"key", "plan-agreement-text"}, {"not_clipped", true}}}},
         {{"expect", {{"key", "plan.a"}}}},
         {{"expect", {{"key", "plan.c"}}}}});
}

TEST_CASE("feedback on the last meeting is one tap, asked once") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-peter");
  k.run({{{"expect", {{"key", "home.feedback_question"}}}},
         {{"tap", "home.feedback_good"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "home.feedback_thanks"}}}},
         {{"expect_not", {{"key", "home.feedback_good"}}}}});
  CHECK(k.count("SELECT rating FROM feedback") == 3);
}

TEST_CASE("help from staff: the reason, with the language pre-filled, reaches the jobcenter") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"tap", "language." + lang}},
         {{"tap", "bar.help"}},
         {{"wait_for", "help"}},
         {{"tap", "help.interpreter"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "help.coming"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM help_requests WHERE reason = 'interpreter' AND language = ?", {lang}) == 1);
}

TEST_CASE("co-service: staff sign in and find the citizen, the banner stays, the citizen confirms") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"tap", "language." + lang}},
         {{"tap", "menu.book"}},
         {{"wait_for", "login"}},
         {{"expect", {{"key", "qr-code"}}}},  // the code arrives and the page settles
         {{"tap", "login.staff_helps"}},
         {{"wait_for", "staff-login"}},
         {{"type", "S1001"}},
         {{"press", "enter"}},
         {{"type", "9999"}},
         {{"press", "enter"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "staff-pin.status"}, {"text", k.text(lang, "error.wrong_credentials")}}}},
         {{"type", "1357"}},
         {{"press", "enter"}},
         {{"wait_for", "assisted"}, {"timeout_ms", 5000}},
         {{"expect", {{"key", "assisted.banner"}}}},
         {{"type", "0101901234"}},
         {{"expect_not", {{"text", "0101901234"}}}},  // a CPR number is never shown back
         {{"press", "enter"}},
         {{"wait_for", "home"}, {"timeout_ms", 10000}},
         {{"expect", {{"key", "assisted.banner"}}}},
         {{"tap", "home-continue"}},
         {{"wait_for", "book-topics"}},
         {{"expect", {{"key", "assisted.banner"}}}},
         {{"tap", "bar.log_out"}},
         {{"wait_for", "attract"}},
         {{"expect_not", {{"key", "assisted.banner"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE assisted = 1 AND subject = 'cit-freja'") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE revoked = 0") == 0);
}

TEST_CASE("five wrong staff PINs lock the pad, and the right one then is refused as that, not as busy") {
  DemoJobcenter k;
  json steps = {{{"tap", "attract.touch_to_start"}},
                {{"tap", "language.da"}},
                {{"tap", "menu.book"}},
                {{"wait_for", "login"}},
                {{"expect", {{"key", "qr-code"}}}},
                {{"tap", "login.staff_helps"}},
                {{"wait_for", "staff-login"}},
                {{"type", "S1001"}},
                {{"press", "enter"}}};
  for (int i = 0; i < 5; ++i) {
    steps.push_back({{"type", "9999"}});
    steps.push_back({{"press", "enter"}});
    steps.push_back({{"expect", {{"key", "staff-pin.status"}, {"text", k.text("da", "error.wrong_credentials")}}}, {"timeout_ms", 15000}});
  }
  steps.push_back({{"type", "1357"}});
  steps.push_back({{"press", "enter"}});
  steps.push_back({{"expect", {{"key", "staff-pin.status"}, {"text", k.text("da", "error.too_many_attempts")}}}, {"timeout_ms", 15000}});
  k.run(steps);
  CHECK(k.app().citizen().staffName.empty());
}

TEST_CASE("saved preferences: applied at login for a citizen who opted in, and offered to one who did not") {
  DemoJobcenter k;
  k.logIn("da", "menu.book", "cit-mohammed");
  CHECK(k.app().preferences().language == "ar");
  CHECK(k.app().preferences().textSizePercent == 150);
  k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}});
  CHECK(k.app().preferences().language == "da");
  k.logIn("uk", "menu.book", "cit-olena");
  k.run({{{"tap", "home.save_settings"}}, {{"wait_ms", 1500}}, {{"expect", {{"key", "home.settings_saved"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM citizens WHERE id = 'cit-olena' AND preferences LIKE '%\"language\":\"uk\"%'") == 1);
}

TEST_CASE("after a while without a touch: do you need more time, then everything is forgotten") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-freja");
  k.run({{{"wait_ms", 85000}},
         {{"expect_not", {{"key", "idle.question"}}}},
         {{"wait_ms", 10000}},
         {{"expect", {{"key", "idle.question"}, {"not_clipped", true}}}},
         {{"expect", {{"key", "idle.countdown"}, {"not_clipped", true}}}},
         {{"tap", "idle.more_time"}},
         {{"expect_not", {{"key", "idle.question"}}}},
         {{"wait_ms", 60000}},
         {{"expect", {{"key", "home.greeting"}}}},
         {{"wait_ms", 65000}},
         {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().citizen().summary);
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-freja' AND revoked = 0") == 0);
}

TEST_CASE("read aloud speaks the screen in its language, and a touch stops it") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.toMenu(lang);
  k.run({{{"tap", "bar.read_aloud"}}});
  // espeak-ng runs in real time, beside the run's virtual clock.
  for (int i = 0; i < 100 && k.audio().played().empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    k.run({{{"wait_ms", 16}}});
  }
  REQUIRE_FALSE(k.audio().played().empty());
  CHECK(k.audio().played().front().seconds() > 2.0);  // the question and six services, not a beep
  CHECK(k.app().readAloud().speaking());
  k.run({{{"tap", "menu.title"}}});  // any touch silences it, even one on no button
  CHECK_FALSE(k.app().readAloud().speaking());
}

TEST_CASE("a language espeak-ng has no voice for shows read aloud greyed and says so, never reading Danish instead") {
  DemoJobcenter k;
  k.toMenu("ti");
  const auto* button = k.app().tree().find("bar.read_aloud");
  REQUIRE(button);
  CHECK_FALSE(button->enabled);
  CHECK(button->text == k.text("ti", "bar.no_read_aloud"));  // said in words, not only greyed
}

TEST_CASE("quitting the kiosk with a citizen logged in revokes their token at the server") {
  DemoJobcenter k;
  k.logIn("da", "menu.plan", "cit-freja");
  REQUIRE(k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-freja' AND revoked = 0") == 1);
  k.app().attachClient(nullptr);  // what the program does when it quits
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-freja' AND revoked = 0") == 0);
}

// The monkey found (seed 17, event 2738) the job log's suggestions clipped: Amina's wished jobs
// are long Danish words ("Køkkenmedhjælper"), shown three to a row at 150 %. In Danish: in the
// other languages the page above the typing dock is left out at 150 % and 200 % on a 1080-pixel
// display (StepPage: too short for its "more below" and a line), suggestions and all.
TEST_CASE("a long wished job title fits its suggestion button at every text size") {
  const std::string lang = "da";
  const int size = GENERATE(100, 150, 200);
  INFO(lang << " " << size << " %");
  DemoJobcenter k;
  k.logIn(lang, "menu.joblog", "cit-amina");
  json steps = {{{"tap", "home-continue"}}, {{"wait_for", "joblog"}}};
  for (int i = 100; i < size; i += 50) steps.push_back({{"tap", "bar.text_size"}});
  steps.push_back({{"tap", "joblog.add_application"}});
  steps.push_back({{"wait_for", "joblog-entry"}});
  k.run(steps);
  // The suggestions may be below the page's fold: brought into view, as "more below" would.
  k.app().requestScrollTo("joblog.suggestion.1");
  k.run({{{"expect", {{"key", "joblog.suggestion.1"}, {"text", "Køkkenmedhjælper"}}}}, {{"expect_layout", true}}});
}


// The monkey found (seed 17, event 2876: the job log in Romanian at 150 %) typed text cut off in
// the field: short of room the field shares its row with "back" and "next", narrower than the
// page, and was only as tall as the value needs across the whole page. At 150 % the row is
// shared in Somali and Romanian (cut off before the fix), not in Danish.
TEST_CASE("a typed value that wraps in the field's row beside back and next is not cut off") {
  const std::string lang = GENERATE(values<std::string>({"da", "so", "ro"}));
  INFO(lang);
  DemoJobcenter k;
  k.logIn(lang, "menu.joblog", "cit-peter");
  k.run({{{"tap", "home-continue"}},
         {{"wait_for", "joblog"}},
         {{"tap", "bar.text_size"}},
         {{"tap", "joblog.add_application"}},
         {{"wait_for", "joblog-entry"}},
         {{"type", "%<<\u202d\u4e01\u0303\u200d\u4e00\u200d\u200e\u0301<\u2066\u4e04<%i5j8\u00f8\u00f88\u00e5@iG.1gm"}},
         {{"expect_layout", true}}});
}
