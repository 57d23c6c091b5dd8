// What the home screen leads with: the contact deadline, the rating of the last meeting, and
// whether to offer "remember my settings".

#include <catch2/catch.hpp>

#include "kiosk/domain/home_outlook.h"

using kiosk::domain::Booking;
using kiosk::domain::CitizenSummary;
using kiosk::domain::ContactNotice;
using kiosk::domain::FeedbackPrompt;
using kiosk::domain::HomeFacts;
using kiosk::domain::homeOutlook;
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

}  // namespace

TEST_CASE("home: with no meeting booked, book before the deadline") {
  CHECK(contactNotice(mustContactBy("2026-12-01")) == ContactNotice::BookBefore);
}

TEST_CASE("home: a meeting on or before the deadline needs no reminder") {
  auto s = mustContactBy("2026-12-01");
  s.nextBooking = meetingOn("2026-12-01");
  CHECK(contactNotice(s) == ContactNotice::None);
  s.nextBooking = meetingOn("2026-11-24");
  CHECK(contactNotice(s) == ContactNotice::None);
}

TEST_CASE("home: a meeting after the deadline still asks for one before it") {
  auto s = mustContactBy("2026-12-01");
  s.nextBooking = meetingOn("2026-12-02");
  CHECK(contactNotice(s) == ContactNotice::BookBefore);
}

TEST_CASE("home: overdue is said whatever is booked") {
  auto s = mustContactBy("2026-11-01");
  s.contactOverdue = true;
  CHECK(contactNotice(s) == ContactNotice::Overdue);
  s.nextBooking = meetingOn("2026-11-24");
  CHECK(contactNotice(s) == ContactNotice::Overdue);
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
  HomeFacts facts{.settings = {"ar", 100, false}, .settingsAtStart = kAtStart};
  auto outlook = homeOutlook(s, facts);
  CHECK(outlook.contact == ContactNotice::BookBefore);
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
