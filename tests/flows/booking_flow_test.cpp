// Booking, moving and cancelling on the demo jobcenter, in Danish, Arabic and Ukrainian: the
// server's database is the oracle — exactly one booking, and "booked" only when it exists.
#include <fstream>
#include <sstream>

#include "demo_jobcenter.h"
#include "kiosk/domain/calendar.h"
#include "kiosk/i18n/date_format.h"

using nlohmann::json;

namespace {


int64_t bookingsOf(DemoJobcenter& k, const std::string& citizen) {
  return k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = ? AND status = 'booked'", {citizen});
}

// Topics, contact form, anyone: the first four questions, up to the times.
json toTheTimes() {
  return {{{"tap", "home-continue"}},
          {{"wait_for", "book-topics"}},
          {{"tap", "topic.job_search"}},
          {{"tap", "topic.coaching"}},
          {{"tap", "common.next"}},
          {{"wait_for", "book-form"}},
          {{"tap", "form.in_person"}},
          {{"wait_for", "book-consultant"}},
          {{"tap", "consultant.any"}},
          {{"wait_for", "book-time"}},
          {{"wait_ms", 500}},
          {{"expect", {{"key", "book.first_free"}}}}};
}

// From the times: the first free one, no wishes, to the confirm screen (nothing booked yet).
json firstFreeToConfirm() {
  return {{{"tap", "book.first_free"}}, {{"wait_for", "book-wishes"}}, {{"tap", "common.next"}}, {{"wait_for", "book-confirm"}}};
}

// Freja, logged in in Danish, on the confirm screen of the first free time: nothing booked yet.
void frejaAtTheConfirmation(DemoJobcenter& k) {
  k.logIn("da", "menu.book", "cit-freja");
  k.run(toTheTimes());
  k.run(firstFreeToConfirm());
}

std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Amina, logged in, on "Dine møder": her meeting tomorrow (past the move cut-off).
const kiosk::domain::Booking& aminasMeeting(DemoJobcenter& k, const std::string& lang) {
  k.logIn(lang, "menu.move_cancel", "cit-amina");
  k.run({{{"tap", "home-continue"}}, {{"wait_for", "bookings"}}, {{"wait_ms", 500}}});
  const auto& bookings = *k.app().citizen().bookings.value;
  const auto booked = std::find_if(bookings.begin(), bookings.end(), [](const auto& b) { return b.status == kiosk::domain::BookingStatus::Booked; });
  REQUIRE(booked != bookings.end());
  return *booked;
}

}  // namespace

TEST_CASE("a citizen books a meeting, one question at a time, and takes the card and the QR code") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-freja");
  CHECK(bookingsOf(k, "cit-freja") == 0);
  k.run(toTheTimes());
  k.run({{{"tap", "book.first_free"}},
         {{"wait_for", "book-wishes"}},
         {{"tap", "book.write_wish"}},
         {{"type", "CV"}},
         {{"tap", "key.space"}},
         {{"tap", "common.next"}},
         {{"wait_for", "book-confirm"}},
         {{"expect", {{"key", "confirm-wishes"}, {"text", "CV "}}}},
         // Before booking: until when this meeting could be moved and cancelled.
         {{"expect", {{"key", "confirm-deadlines"}, {"not_clipped", true}}}},
         {{"expect", {{"key", "common.step"}, {"not_clipped", true}}}}});
  // Nothing is booked until the citizen confirms.
  CHECK(bookingsOf(k, "cit-freja") == 0);
  k.run({{{"tap", "confirm.book"}},
         {{"wait_for", "booked"}, {"timeout_ms", 10000}},
         {{"expect", {{"key", "booked.confirmed"}, {"text", k.text(lang, "booked.confirmed")}}}},
         {{"expect", {{"key", "calendar-qr"}}}},
         {{"tap", "booked.print"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "print-status"}, {"text", k.text(lang, "booked.printed")}}}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-freja' AND wishes = 'CV ' AND topics LIKE '%job_search%'") == 1);
  // Non-Danish screens also ask for an interpreter in that language only when the citizen says so.
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-freja' AND interpreter_language IS NOT NULL") == 0);

  // The card holds the booking reference and never the CPR number.
  const std::string card = slurp(k.printedFile());
  const auto& confirmed = k.app().citizen().confirmed;
  REQUIRE(confirmed);
  CHECK(card.find(confirmed->reference) != std::string::npos);
  CHECK(card.find("010190") == std::string::npos);

  // Home now tells the truth: she has a meeting and need not book another; the errand she came
  // for is done, so it is no longer offered. (The first free time is inside the cut-offs, so
  // staff, not "move", is beside it.)
  // (Run after midnight, the first free time is this morning: then home says it is today.)
  k.run({{{"tap", "common.to_home"}}, {{"wait_for", "home"}}, {{"wait_ms", 1000}}});
  const auto& next = k.app().citizen().summary->nextBooking;
  REQUIRE(next);
  const bool today = next->date == kiosk::domain::copenhagenDate(k.app().wallClock());
  std::string notice = k.text(lang, today ? "home.meeting_today" : "home.booked");
  if (today) notice.replace(notice.find("{time}"), 6, kiosk::i18n::formatTime(lang, next->start.unixSeconds));
  k.run({{{"expect", {{"key", "home-notice"}, {"text", notice}}}},
         {{"expect_not", {{"key", "home-continue"}}}},
         {{"expect_not", {{"key", "menu.book"}}}},
         {{"expect", {{"key", "home-ask-staff"}, {"not_clipped", true}}}}});

  // Logging out forgets the booking on the kiosk and ends the session at the server.
  k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().citizen().confirmed);
  CHECK_FALSE(k.app().citizen().summary);
  CHECK(k.count("SELECT COUNT(*) FROM tokens WHERE subject = 'cit-freja' AND revoked = 0") == 0);
}

TEST_CASE("with an interpreter in the kiosk's language and a chosen consultant who speaks it") {
  DemoJobcenter k;
  k.logIn("ar", "menu.book", "cit-sara");
  k.run({{{"tap", "home-continue"}},
         {{"wait_for", "book-topics"}},
         {{"tap", "topic.job_search"}},
         {{"tap", "common.next"}},
         {{"tap", "form.in_person"}},
         {{"wait_for", "book-consultant"}},
         {{"wait_ms", 300}},
         {{"expect", {{"key", "consultant.c-karim"}}}},
         {{"tap", "consultant.c-karim"}},
         {{"wait_for", "book-time"}},
         {{"wait_ms", 500}},
         {{"tap", "book.first_free"}},
         {{"wait_for", "book-wishes"}},
         {{"tap", "book.interpreter"}},
         {{"tap", "common.next"}},
         {{"wait_for", "book-confirm"}},
         {{"expect", {{"key", "confirm-interpreter"}}}},
         {{"tap", "confirm.book"}},
         {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  CHECK(k.count("SELECT COUNT(*) FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.citizen_id = 'cit-sara'"
                " AND b.interpreter_language = 'ar' AND s.consultant_id = 'c-karim'") == 1);
}

TEST_CASE("a time taken by someone else meanwhile: the kiosk says so and offers the nearest free ones") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-freja");
  k.run(toTheTimes());
  k.run(firstFreeToConfirm());
  const auto& draft = k.app().citizen().draft;
  REQUIRE(draft.slot);
  // Bent books that very time at the desk while Freja reads the summary.
  k.exec("INSERT INTO bookings VALUES('b-desk','DESK0001','cit-bent',?,'booked','in_person','[\"coaching\"]',NULL,NULL,0,0,NULL)",
         {draft.slot->id});
  k.run({{{"tap", "confirm.book"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "confirm-status"}, {"text", k.text(lang, "error.slot_taken")}}}},
         {{"expect_not", {{"key", "booked.confirmed"}}}}});
  CHECK(bookingsOf(k, "cit-freja") == 0);
  const auto& offered = k.app().citizen().booking.alternatives;
  REQUIRE_FALSE(offered.empty());
  k.run({{{"tap", "alternative." + offered.front().id}},
         {{"tap", "confirm.book"}},
         {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
}

TEST_CASE("moving a meeting to a new time keeps one booking, at the new time") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.move_cancel", "cit-peter");
  const auto before = k.count("SELECT s.start_at FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.citizen_id = 'cit-peter' AND b.status = 'booked'");
  k.run({{{"tap", "home-continue"}}, {{"wait_for", "bookings"}}, {{"wait_ms", 500}}});
  const auto& bookings = k.app().citizen().bookings;
  REQUIRE(bookings.ready());
  std::string id;
  for (const auto& b : *bookings.value) {
    if (b.status == kiosk::domain::BookingStatus::Booked) id = b.id;
  }
  REQUIRE_FALSE(id.empty());
  k.run({{{"tap", "bookings.move"}},
         {{"wait_for", "book-time"}},
         {{"wait_ms", 500}},
         {{"expect", {{"key", "book.first_free"}}}},  // the free times may still be on their way
         {{"tap", "book.first_free"}},
         {{"wait_for", "book-confirm"}},
         {{"tap", "confirm.move"}},
         {{"wait_for", "booked"}, {"timeout_ms", 10000}},
         {{"expect", {{"key", "booked.moved_title"}}}}});
  CHECK(bookingsOf(k, "cit-peter") == 1);
  const auto after = k.count("SELECT s.start_at FROM bookings b JOIN slots s ON s.id = b.slot_id WHERE b.citizen_id = 'cit-peter' AND b.status = 'booked'");
  CHECK(after != before);
}

TEST_CASE("too late to move: said plainly, with one tap to staff, cancelling still works when allowed") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  const kiosk::domain::Booking& booked = aminasMeeting(k, lang);
  const std::string id = booked.id;
  // Her meeting is tomorrow: past the two-day cut-off for moving.
  k.run({{{"expect_not", {{"key", "bookings.move"}}}},
         {{"expect", {{"key", "bookings.rule." + id}, {"not_clipped", true}}}},
         {{"expect", {{"key", "bookings.ask_staff"}}}}});
  if (booked.cancellable) {
    k.run({{{"tap", "bookings.cancel"}},
           {{"wait_for", "cancel"}},
           {{"tap", "cancel.confirm"}},
           {{"wait_for", "booked"}, {"timeout_ms", 10000}},
           {{"expect", {{"key", "booked.cancelled"}}}}});
    CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE id = ? AND status = 'cancelled'", {id}) == 1);
  } else {
    k.run({{{"expect_not", {{"key", "bookings.cancel"}}}}, {{"tap", "bookings.ask_staff"}}, {{"wait_for", "help"}}});
  }
}

TEST_CASE("help past the deadline calls staff at once with what the citizen was doing, and the wait is not timed out") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  aminasMeeting(k, lang);
  // No "why?" again: the call goes out with the reason, and the help screen says staff are coming.
  k.run({{{"tap", "bookings.ask_staff"}},
         {{"wait_for", "help"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "help.coming"}}}},
         {{"expect_not", {{"key", "help.interpreter"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM help_requests WHERE reason = 'too_late_to_change' AND language = ?", {lang}) == 1);
  // Going back, every screen still shows that help is coming; and five minutes of waiting
  // without a touch neither asks "more time?" nor wipes the citizen.
  k.run({{{"tap", "common.back"}},
         {{"wait_for", "bookings"}},
         {{"expect", {{"key", "help.coming"}, {"not_clipped", true}}}},
         {{"wait_ms", 300000}},
         {{"expect_not", {{"key", "idle.question"}}}},
         {{"expect", {{"key", "bar.help"}}}}});
  CHECK(k.app().citizen().summary);
  CHECK(k.count("SELECT COUNT(*) FROM help_requests") == 1);
}

TEST_CASE("a session that expired at the server mid-flow is said, and the citizen can start again") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-freja");
  k.run({{{"tap", "home-continue"}}, {{"wait_for", "book-topics"}}, {{"tap", "topic.coaching"}}, {{"tap", "common.next"}},
         {{"tap", "form.phone"}}, {{"wait_for", "book-consultant"}}});
  k.exec("UPDATE tokens SET revoked = 1");
  k.run({{{"tap", "consultant.any"}},
         {{"wait_for", "book-time"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "book-status"}, {"text", k.text(lang, "error.session_expired")}}}},
         {{"tap", "bar.log_out"}},
         {{"wait_for", "attract"}}});
  CHECK_FALSE(k.app().citizen().summary);
}

TEST_CASE("the server going away mid-flow: the kiosk says so and keeps working") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  DemoJobcenter k;
  k.logIn(lang, "menu.book", "cit-freja");
  k.run({{{"tap", "home-continue"}}, {{"wait_for", "book-topics"}}, {{"tap", "topic.education"}}, {{"tap", "common.next"}},
         {{"tap", "form.video"}}, {{"wait_for", "book-consultant"}}});
  k.stopServer();
  k.run({{{"tap", "consultant.any"}},
         {{"wait_for", "book-time"}},
         {{"wait_ms", 6000}},
         {{"expect", {{"key", "book-status"}, {"text", k.text(lang, "error.offline")}}}},
         {{"expect_not", {{"key", "book.first_free"}}}},
         {{"tap", "bar.help"}},
         {{"wait_for", "help"}},
         {{"tap", "bar.log_out"}},
         {{"wait_for", "attract"}}});
}

TEST_CASE("a phone login that is not finished in time expires, and can be started again") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar", "uk"}));
  auto policy = DemoJobcenter::fastPolicy();
  policy.deviceCodeSeconds = 2;
  DemoJobcenter k(policy);
  k.run({{{"tap", "attract.touch_to_start"}},
         {{"tap", "language." + lang}},
         {{"tap", "menu.book"}},
         {{"wait_for", "login"}},
         {{"wait_ms", 3500}},
         {{"expect", {{"key", "login-status"}, {"text", k.text(lang, "login.expired")}}}},
         {{"tap", "login.try_again"}},
         {{"wait_ms", 500}},
         {{"expect", {{"key", "login-status"}, {"text", k.text(lang, "login.waiting")}}}},
         {{"expect", {{"key", "qr-code"}}}}});
}

TEST_CASE("at the booking limit the kiosk says so and moves the meeting the citizen has instead, still one booking") {
  const std::string lang = GENERATE(values<std::string>({"da", "ar"}));
  auto policy = DemoJobcenter::fastPolicy();
  policy.moveCutoffDays = 0;  // the first free time, tomorrow, can still be moved
  DemoJobcenter k(policy);
  k.logIn(lang, "menu.book", "cit-freja");
  k.run(toTheTimes());
  k.run({{{"tap", "book.first_free"}}, {{"wait_for", "book-wishes"}}, {{"tap", "common.next"}}, {{"wait_for", "book-confirm"}},
         {{"tap", "confirm.book"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  REQUIRE(bookingsOf(k, "cit-freja") == 1);
  // A second meeting, chosen again on the menu (home no longer offers booking once she has one):
  // the first free time is now another one.
  k.run({{{"tap", "bar.log_out"}}, {{"wait_for", "attract"}}});
  k.logIn(lang, "menu.book", "cit-freja");
  k.run(toTheTimes());
  k.run(firstFreeToConfirm());
  const std::string secondSlot = k.app().citizen().draft.slot->id;
  k.run({{{"tap", "confirm.book"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "confirm-status"}, {"text", k.text(lang, "error.booking_limit")}}}},
         {{"expect", {{"key", "confirm.move_instead"}, {"not_clipped", true}}}},
         {{"expect_not", {{"key", "booked.confirmed"}}}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  k.run({{{"tap", "confirm.move_instead"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM bookings WHERE citizen_id = 'cit-freja' AND status = 'booked' AND slot_id = ?", {secondSlot}) == 1);
}

TEST_CASE("at the booking limit with a meeting past its cut-off, the kiosk offers staff instead of trying again") {
  DemoJobcenter k;
  // Amina's meeting is tomorrow: too late to move it here.
  k.logIn("da", "menu.book", "cit-amina");
  k.run(toTheTimes());
  k.run({{{"tap", "book.first_free"}}, {{"wait_for", "book-wishes"}}, {{"tap", "common.next"}}, {{"wait_for", "book-confirm"}},
         {{"tap", "confirm.book"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "confirm.move_instead"}}}},
         {{"tap", "confirm.move_instead"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "confirm-status"}, {"text", k.text("da", "error.too_late_to_move")}}}},
         {{"expect", {{"key", "bookings.ask_staff"}, {"not_clipped", true}}}},
         {{"expect_not", {{"key", "common.try_again"}}}},
         {{"tap", "bookings.ask_staff"}},
         {{"wait_for", "help"}},
         {{"wait_ms", 1500}},
         {{"expect", {{"key", "help.coming"}}}}});
  CHECK(k.count("SELECT COUNT(*) FROM help_requests WHERE reason = 'too_late_to_change'") == 1);
  CHECK(bookingsOf(k, "cit-amina") == 1);
}

// [jobcenter-sim]: the server's files are held at their size by a file-size limit on its
// process, which only the run against jobcenter-sim as its own process can set.
TEST_CASE("the server's disk full: a clear refusal, nothing half-written, and booking works once there is room again", "[jobcenter-sim]") {
  DemoJobcenter k;
  frejaAtTheConfirmation(k);
  const auto rowsBefore = k.count("SELECT COUNT(*) FROM bookings");
  k.limitServerFiles(1);
  // The server could not store the booking: the citizen is told, stays on the confirm screen
  // with "try again", and nothing of it is in the database.
  k.run({{{"tap", "confirm.book"}},
         {{"expect", {{"key", "confirm-status"}, {"text", k.text("da", "error.server_error")}}}, {"timeout_ms", 10000}},
         {{"expect", {{"key", "common.try_again"}}}},
         {{"expect_not", {{"key", "booked.confirmed"}}}}});
  CHECK(k.app().currentScreen() == kiosk::screens::ScreenId::BookConfirm);
  CHECK(k.count("SELECT COUNT(*) FROM bookings") == rowsBefore);
  // Room again: the same confirmation books, once.
  k.limitServerFiles(RLIM_INFINITY);
  k.run({{{"tap", "common.try_again"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM bookings") == rowsBefore + 1);
}

// [jobcenter-sim]: the server's process is frozen, killed and started again, as only the run
// against jobcenter-sim as its own process can.
TEST_CASE("the server killed in the middle of a booking and restarted: the kiosk says it does not know, and try again books exactly once", "[jobcenter-sim]") {
  DemoJobcenter k;
  frejaAtTheConfirmation(k);
  const auto rowsBefore = k.count("SELECT COUNT(*) FROM bookings");
  // The confirmation goes out to a server that has stopped answering, and dies with it unread.
  k.freezeServer();
  k.run({{{"tap", "confirm.book"}}, {{"wait_ms", 300}}, {{"expect_not", {{"key", "booked.confirmed"}}}}});
  k.killServer();
  // The kiosk tries again with the same key while the server is gone, then says what it knows:
  // not connected (the request never got out: the frozen server never finished the handshake),
  // or that it cannot tell whether the meeting was booked (it may have arrived). Never "booked".
  k.run({{{"expect", {{"key", "common.try_again"}}}, {"timeout_ms", 20000}}, {{"expect_not", {{"key", "booked.confirmed"}}}}});
  const auto* status = k.app().tree().find("confirm-status");
  REQUIRE(status);
  const std::string said = status->text;
  INFO("the kiosk said: " << said);
  CHECK((said == k.text("da", "error.offline") || said == k.text("da", "error.outcome_unknown")));
  CHECK(k.count("SELECT COUNT(*) FROM bookings") == rowsBefore);
  // The server is back: "try again" sends the same key, and the meeting is booked, once.
  k.restartServer();
  k.run({{{"tap", "common.try_again"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}, {{"expect", {{"key", "booked.confirmed"}}}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  CHECK(k.count("SELECT COUNT(*) FROM bookings") == rowsBefore + 1);
}

TEST_CASE("the printer unplugged: the card is refused with the way to keep the meeting anyway, the booking stands, and printing works again once it is back") {
  DemoJobcenter k;
  frejaAtTheConfirmation(k);
  k.run({{{"tap", "confirm.book"}}, {{"wait_for", "booked"}, {"timeout_ms", 10000}}});
  // Where the card goes can no longer be written: the printer is gone.
  std::filesystem::remove(k.printedFile());
  std::filesystem::create_directory(k.printedFile());
  k.run({{{"tap", "booked.print"}},
         {{"expect", {{"key", "print-status"}, {"text", k.text("da", "booked.print_failed")}}}, {"timeout_ms", 5000}},
         {{"expect", {{"key", "calendar-qr"}}}},  // the code to scan is still there, as the message says
         {{"expect", {{"key", "booked.confirmed"}}}}});
  CHECK(bookingsOf(k, "cit-freja") == 1);
  // Plugged in again: the same button prints.
  std::filesystem::remove(k.printedFile());
  k.run({{{"tap", "booked.print"}}, {{"expect", {{"key", "print-status"}, {"text", k.text("da", "booked.printed")}}}, {"timeout_ms", 5000}}});
  CHECK(std::filesystem::file_size(k.printedFile()) > 0);
}
