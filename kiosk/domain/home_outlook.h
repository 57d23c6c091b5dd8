#pragma once
// What the home screen leads with after login, decided by the rules here once an answer that
// changes it arrives (the summary, a rating sent, settings saved or changed, a new day), not
// while drawing.

#include <string>

#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/preferences.h"

namespace kiosk::domain {

// Where the citizen stands with the rule that they meet the jobcenter by
// summary.nextRequiredContact, in the words the home screen says first. It follows what is
// really booked: a citizen who has just booked is never told to book.
enum class ContactNotice {
  None,          // nothing is due and nothing is booked
  Booked,        // a meeting on or before the date: nothing more to do (also when it was overdue:
                 // the meeting booked is the contact)
  MeetingToday,  // the meeting is today: come to it and check in
  MoveEarlier,   // only a meeting after the date: move it to before then
  BookBefore,    // nothing booked: book before the date
  Overdue,       // the date has passed and nothing is booked: book now, or ask at the desk
};
ContactNotice contactNotice(const CitizenSummary& summary, const std::string& today);

// The one action the home screen offers first, matching the notice.
enum class HomeAction { None, Book, Move };
HomeAction mainAction(ContactNotice notice);

// A rating of the last meeting: asked for while the booking system wants one, thanked for once sent.
enum class FeedbackPrompt { None, Ask, Thanks };
FeedbackPrompt feedbackPrompt(const CitizenSummary& summary, bool feedbackSent);

struct HomeOutlook {
  ContactNotice contact = ContactNotice::None;
  HomeAction action = HomeAction::None;
  FeedbackPrompt feedback = FeedbackPrompt::None;
  bool offerToSaveSettings = false;  // "remember my settings"; never again once saved this session
};

struct HomeFacts {
  KioskSettings settings, settingsAtStart;
  bool feedbackSent = false, settingsSaved = false;
  std::string today;  // the Copenhagen date, "2026-12-06" (calendar.h); empty: not known yet
};
HomeOutlook homeOutlook(const CitizenSummary& summary, const HomeFacts& facts);

}  // namespace kiosk::domain
