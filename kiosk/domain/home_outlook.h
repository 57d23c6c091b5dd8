#pragma once
// What the home screen leads with after login, decided by the rules here once an answer that
// changes it arrives (the summary, a rating sent, settings saved or changed), not while drawing.

#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/preferences.h"

namespace kiosk::domain {

// The citizen must be in contact with the jobcenter by summary.nextRequiredContact.
enum class ContactNotice {
  None,        // the next meeting is on or before that date
  BookBefore,  // no meeting yet, or only a later one: "book before <date>"
  Overdue,     // the date has passed without contact
};
ContactNotice contactNotice(const CitizenSummary& summary);

// A rating of the last meeting: asked for while the booking system wants one, thanked for once sent.
enum class FeedbackPrompt { None, Ask, Thanks };
FeedbackPrompt feedbackPrompt(const CitizenSummary& summary, bool feedbackSent);

struct HomeOutlook {
  ContactNotice contact = ContactNotice::None;
  FeedbackPrompt feedback = FeedbackPrompt::None;
  bool offerToSaveSettings = false;  // "remember my settings"; never again once saved this session
};

struct HomeFacts {
  KioskSettings settings, settingsAtStart;
  bool feedbackSent = false, settingsSaved = false;
};
HomeOutlook homeOutlook(const CitizenSummary& summary, const HomeFacts& facts);

}  // namespace kiosk::domain
