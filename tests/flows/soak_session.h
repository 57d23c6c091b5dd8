#pragma once
// One round of the soak (issue 17 §3): the citizens a kiosk meets in a morning, each through the
// kiosk's own screens on the answered driver, so that the round can be repeated thousands of
// times on the same demo jobcenter:
//   - Olena checks in with her booking code (after the first round: "already checked in");
//   - a visitor asks for an interpreter at the desk and presses "start over";
//   - Peter logs in with his phone and books a meeting a week ahead with a typed wish, moves it
//     to a later day, cancels it, signs up for the CV workshop and signs off again, writes a job
//     log entry, opens his plan, is asked whether he needs more time, calls staff for help, and
//     logs out;
//   - staff log Freja in by her CPR number (co-service), and she walks away (the idle timeout).
// Every round is the same, so samples taken after any round compare like with like. What the
// kiosk books, moves and signs up for it also cancels and signs off, so free times and seats are
// there for the next round; only the job log entry (which a citizen cannot delete) is taken back
// behind the kiosk's back, by the test.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "answered_driver.h"

// Steps on the answered driver that stop at the first one that cannot be done and say which,
// and on what screen. A widget may still be on its way (an answer from the booking system): a
// step waits for it, up to `kPatience` frames.
class SoakWalk {
 public:
  using ScreenId = kiosk::screens::ScreenId;
  static constexpr int kPatience = 1200;  // frames: 20 s of the kiosk's clock

  SoakWalk(AnsweredDriver& driver, kiosk::app::KioskApp& app) : driver_(driver), app_(app) {}

  SoakWalk& tap(const std::string& key) {
    if (ok() && !(shown(key) && driver_.tap(key))) fail("tap \"" + key + "\"");
    return *this;
  }
  // The first of these keys the screen offers (the bar's "start over" becomes "log out" while a
  // citizen is logged in; home's own "log out" may go).
  SoakWalk& tapOneOf(const std::vector<std::string>& keys) {
    if (!ok()) return *this;
    for (int i = 0; i < kPatience; ++i) {
      for (const auto& key : keys) {
        const auto* node = app_.tree().find(key);
        if (node && node->enabled && driver_.tap(key)) return *this;
      }
      driver_.frame();
    }
    std::string all;
    for (const auto& key : keys) all += (all.empty() ? "\"" : " or \"") + key + "\"";
    return fail("tap " + all);
  }
  // The first widget whose key starts with `prefix` (a time: "slot.").
  SoakWalk& tapFirst(const std::string& prefix) {
    if (!ok()) return *this;
    for (const auto& node : app_.tree().nodes()) {
      if (node.key.rfind(prefix, 0) == 0 && node.enabled) return tap(node.key);
    }
    return fail("tap the first \"" + prefix + "…\"");
  }
  SoakWalk& type(const std::string& text) {
    if (ok()) driver_.type(text);
    return *this;
  }
  SoakWalk& enter() {
    if (ok()) driver_.press(kiosk::platform::Key::Enter);
    return *this;
  }
  SoakWalk& waitFor(ScreenId screen) {
    if (ok() && !driver_.waitFor(screen, kPatience)) fail("wait for \"" + std::string(kiosk::screens::screenName(screen)) + "\"");
    return *this;
  }
  SoakWalk& expect(const std::string& key) {
    if (ok() && !shown(key)) fail("expect \"" + key + "\"");
    return *this;
  }
  // Nobody touches the kiosk for this long (its clock jumps).
  SoakWalk& leaveAlone(std::chrono::milliseconds howLong) {
    if (!ok()) return *this;
    driver_.advance(howLong);
    driver_.settle();
    return *this;
  }

  bool ok() const { return failed_.empty() && driver_.stuck().empty(); }
  std::string failure() const { return driver_.stuck().empty() ? failed_ : driver_.stuck(); }

 private:
  bool shown(const std::string& key) { return driver_.waitForKey(key, kPatience); }
  SoakWalk& fail(const std::string& step) {
    failed_ = step + " on \"" + std::string(kiosk::screens::screenName(app_.currentScreen())) + "\"";
    return *this;
  }

  AnsweredDriver& driver_;
  kiosk::app::KioskApp& app_;
  std::string failed_;
};

// How a citizen leaves the kiosk.
enum class Leaving { StartOver, LogOut, WalkAway };

inline SoakWalk& leave(SoakWalk& walk, Leaving how) {
  switch (how) {
    case Leaving::StartOver: walk.tapOneOf({"bar.start_over", "bar.log_out"}); break;
    // Logged in, the bar's last button is "log out" (or still "start over"; home has its own).
    case Leaving::LogOut: walk.tapOneOf({"bar.log_out", "common.log_out", "bar.start_over"}); break;
    case Leaving::WalkAway: walk.leaveAlone(std::chrono::minutes(20)); break;
  }
  return walk.waitFor(kiosk::screens::ScreenId::Attract);
}

inline SoakWalk& startInDanish(SoakWalk& walk) {
  using ScreenId = kiosk::screens::ScreenId;
  return walk.waitFor(ScreenId::Attract).tap("attract.touch_to_start").tap("language.da").waitFor(ScreenId::MainMenu);
}

// Olena checks in for today's meeting with the code on her letter, and is done.
inline std::string olenaChecksIn(SoakWalk& walk) {
  using ScreenId = kiosk::screens::ScreenId;
  startInDanish(walk).tap("menu.check_in").waitFor(ScreenId::CheckIn).type("DEMO0TDY").enter().expect("checkin-done");
  walk.tap("common.done").waitFor(ScreenId::Attract);
  return walk.failure();
}

// Someone who only needs a person: the help screen from the bar, an interpreter asked for, and
// "start over" (nobody is logged in).
inline std::string visitorAsksForInterpreter(SoakWalk& walk) {
  using ScreenId = kiosk::screens::ScreenId;
  startInDanish(walk).tap("bar.help").waitFor(ScreenId::StaffHelp).tap("help.interpreter").expect("help.coming");
  leave(walk, Leaving::StartOver);
  return walk.failure();
}

// Peter's errands. bookingId: asked when his new meeting is to be found on "Dine møder" (the
// test reads the booking system's database); jobLogText: what he writes in his job log.
struct PetersErrands {
  std::function<std::string()> bookingId;
  std::string wish = "Hjælp til mit CV";
  std::string jobLogText = "Kursus i truckkørsel";
};

inline std::string peterDoesEverything(SoakWalk& walk, const PetersErrands& errands) {
  using ScreenId = kiosk::screens::ScreenId;
  // Logged in with his phone (the demo's stand-in for it approves).
  startInDanish(walk).tap("menu.book").waitFor(ScreenId::LoginWithPhone).expect("qr-code").tap("demo-approve-cit-peter").waitFor(ScreenId::Home);
  // A meeting about job search, in person, with anyone, on a day after the first five with free
  // times: far enough ahead that it can still be moved and cancelled.
  walk.tap("home-continue").waitFor(ScreenId::BookTopics).tap("topic.job_search").tap("common.next");
  walk.waitFor(ScreenId::BookContactForm).tap("form.in_person").waitFor(ScreenId::BookConsultant).tap("consultant.any");
  walk.waitFor(ScreenId::BookTime).expect("book.first_free").tap("book.later_days").tapFirst("slot.");
  walk.waitFor(ScreenId::BookWishes).tap("book.write_wish").type(errands.wish).tap("common.next");
  walk.waitFor(ScreenId::BookConfirm).tap("confirm.book").waitFor(ScreenId::Booked).expect("booked.confirmed").tap("common.to_home");
  // Moved to a day further on, from "Dine møder" (he has his consultant's meeting too).
  walk.waitFor(ScreenId::Home).tap("home.next_meeting").waitFor(ScreenId::MyBookings);
  const std::string id = walk.ok() ? errands.bookingId() : std::string();
  walk.tap("booking." + id).tap("bookings.move").waitFor(ScreenId::BookTime).expect("book.first_free");
  walk.tap("book.later_days").tap("book.later_days").tapFirst("slot.");
  walk.waitFor(ScreenId::BookConfirm).tap("confirm.move").waitFor(ScreenId::Booked).expect("booked.moved_title").tap("common.to_home");
  // And cancelled.
  walk.waitFor(ScreenId::Home).tap("home.next_meeting").waitFor(ScreenId::MyBookings).tap("booking." + id).tap("bookings.cancel");
  walk.waitFor(ScreenId::CancelBooking).tap("cancel.confirm").waitFor(ScreenId::Booked).expect("booked.cancelled").tap("common.to_home");
  // The CV workshop: signed up, then off again.
  walk.waitFor(ScreenId::Home).tap("home.menu.activities").waitFor(ScreenId::Activities);
  walk.tap("activities.sign_up.a-cv").tap("activities.cancel.a-cv").expect("activities.sign_up.a-cv").tap("common.back");
  // A course into the job log, typed, done today.
  walk.waitFor(ScreenId::Home).tap("home.menu.joblog").waitFor(ScreenId::Joblog).tap("joblog.add_other").waitFor(ScreenId::JoblogEntry);
  walk.type(errands.jobLogText).tap("common.next").tap("joblog.days_ago.0").tap("joblog.save").waitFor(ScreenId::Joblog).tap("common.back");
  // His plan; he reads it long enough to be asked whether he needs more time, then calls staff.
  walk.waitFor(ScreenId::Home).tap("home.menu.plan").waitFor(ScreenId::Plan).leaveAlone(std::chrono::seconds(95)).tap("idle.more_time");
  walk.tap("bar.help").waitFor(ScreenId::StaffHelp).tap("help.other").expect("help.coming").tap("common.back").waitFor(ScreenId::Plan);
  leave(walk, Leaving::LogOut);
  return walk.failure();
}

// Staff sign in with their number and PIN and find Freja by her CPR number.
inline std::string frejaWithStaff(SoakWalk& walk) {
  using ScreenId = kiosk::screens::ScreenId;
  startInDanish(walk).tap("menu.book").waitFor(ScreenId::LoginWithPhone).expect("qr-code").tap("login.staff_helps").waitFor(ScreenId::StaffLogin);
  walk.type("S1001").enter().type("1357").enter().waitFor(ScreenId::AssistedCitizen).type("0101901234").enter().waitFor(ScreenId::Home);
  leave(walk, Leaving::WalkAway);
  return walk.failure();
}
