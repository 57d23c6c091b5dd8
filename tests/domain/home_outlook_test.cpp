// What the home screen leads with: where the citizen stands with the contact deadline and the
// action to match, the rating of the last meeting, and whether to offer "remember my settings".

#include <catch2/catch.hpp>

#include "kiosk/domain/home_outlook.h"

using kiosk::domain::Booking;
using kiosk::domain::CitizenSummary;
using kiosk::domain::ContactNotice;
using kiosk::domain::FeedbackPrompt;
using kiosk::domain::HomeAction;
using kiosk::domain::HomeFacts;
using kiosk::domain::homeOutlook;
using kiosk::domain::mainAction;
using kiosk::domain::KioskSettings;
using kiosk::domain::Preferences;

namespace {

CitizenSummary mustContactBy(std::string date) {
  CitizenSummary s;
  s.firstName = "Freja";
  s.nextRequiredContact = std::move(date);
  return s;
}

Booking meetingOn(std::string date) {
  Booking b;
  b.date = std::move(date);
  return b;
}

const KioskSettings kAtStart{"da", 100, false};
const std::string kToday = "2026-11-20";

}  // namespace

TEST_CASE("home: with no meeting booked, book before the deadline") {
  CHECK(contactNotice(mustContactBy("2026-12-01"), kToday) == ContactNotice::BookBefore);
  CHECK(mainAction(ContactNotice::BookBefore) == HomeAction::Book);
}

TEST_CASE("home: a meeting on or before the deadline is all that is needed") {
  auto s = mustContactBy("2026-12-01");
  s.nextBooking = meetingOn("2026-12-01");
  CHECK(contactNotice(s, kToday) == ContactNotice::Booked);
  s.nextBooking = meetingOn("2026-11-24");
  CHECK(contactNotice(s, kToday) == ContactNotice::Booked);
  CHECK(mainAction(ContactNotice::Booked) == HomeAction::None);
}

TEST_CASE("home: a meeting after the deadline is to be moved, not another booked") {
  auto s = mustContactBy("2026-12-01");
  s.nextBooking = meetingOn("2026-12-02");
  CHECK(contactNotice(s, kToday) == ContactNotice::MoveEarlier);
  CHECK(mainAction(ContactNotice::MoveEarlier) == HomeAction::Move);
}

TEST_CASE("home: overdue asks to book only while nothing is booked") {
  auto s = mustContactBy("2026-11-01");
  s.contactOverdue = true;
  CHECK(contactNotice(s, kToday) == ContactNotice::Overdue);
  CHECK(mainAction(ContactNotice::Overdue) == HomeAction::Book);
  // Bent has just booked: the booking is the contact he owed, so home says he is booked.
  s.nextBooking = meetingOn("2026-11-24");
  CHECK(contactNotice(s, kToday) == ContactNotice::Booked);
}

TEST_CASE("home: a meeting today says so, whatever the deadline") {
  auto s = mustContactBy("2026-11-01");
  s.contactOverdue = true;
  s.nextBooking = meetingOn(kToday);
  CHECK(contactNotice(s, kToday) == ContactNotice::MeetingToday);
  CHECK(contactNotice(s, "") == ContactNotice::Booked);  // the date not known yet: never a wrong "today"
}

TEST_CASE("home: nothing due and nothing booked leads with nothing") {
  CHECK(contactNotice(mustContactBy(""), kToday) == ContactNotice::None);
}

TEST_CASE("home: a rating is asked for while the booking system wants one, then thanked for") {
  auto s = mustContactBy("2026-12-01");
  CHECK(feedbackPrompt(s, false) == FeedbackPrompt::None);
  s.feedbackBookingId = "bk-1";
  CHECK(feedbackPrompt(s, false) == FeedbackPrompt::Ask);
  CHECK(feedbackPrompt(s, true) == FeedbackPrompt::Thanks);
}

TEST_CASE("home: the outlook puts the rules together") {
  auto s = mustContactBy("2026-12-01");
  s.feedbackBookingId = "bk-1";
  HomeFacts facts{.settings = {"ar", 100, false}, .settingsAtStart = kAtStart, .today = kToday};
  auto outlook = homeOutlook(s, facts);
  CHECK(outlook.contact == ContactNotice::BookBefore);
  CHECK(outlook.action == HomeAction::Book);
  CHECK(outlook.feedback == FeedbackPrompt::Ask);
  CHECK(outlook.offerToSaveSettings);

  SECTION("once saved this session, not offered again") {
    facts.settingsSaved = true;
    CHECK_FALSE(homeOutlook(s, facts).offerToSaveSettings);
  }
  SECTION("the kiosk as it started: nothing to save") {
    facts.settings = kAtStart;
    CHECK_FALSE(homeOutlook(s, facts).offerToSaveSettings);
  }
  SECTION("a rating sent is thanked for") {
    facts.feedbackSent = true;
    CHECK(homeOutlook(s, facts).feedback == FeedbackPrompt::Thanks);
  }
}
