#include "kiosk/domain/home_outlook.h"

namespace kiosk::domain {

ContactNotice contactNotice(const CitizenSummary& summary, const std::string& today) {
  // Dates are YYYY-MM-DD, so text order is date order.
  if (const auto& meeting = summary.nextBooking) {
    if (!today.empty() && meeting->date == today) return ContactNotice::MeetingToday;
    // Overdue with a meeting booked: that meeting is the earliest contact the citizen could get.
    if (summary.contactOverdue || summary.nextRequiredContact.empty() || meeting->date <= summary.nextRequiredContact) {
      return ContactNotice::Booked;
    }
    return ContactNotice::MoveEarlier;
  }
  if (summary.contactOverdue) return ContactNotice::Overdue;
  return summary.nextRequiredContact.empty() ? ContactNotice::None : ContactNotice::BookBefore;
}

HomeAction mainAction(ContactNotice notice) {
  switch (notice) {
    case ContactNotice::BookBefore:
    case ContactNotice::Overdue: return HomeAction::Book;
    case ContactNotice::MoveEarlier: return HomeAction::Move;
    case ContactNotice::None:
    case ContactNotice::Booked:
    case ContactNotice::MeetingToday: return HomeAction::None;
  }
  return HomeAction::None;
}

FeedbackPrompt feedbackPrompt(const CitizenSummary& summary, bool feedbackSent) {
  if (feedbackSent) return FeedbackPrompt::Thanks;
  return summary.feedbackBookingId ? FeedbackPrompt::Ask : FeedbackPrompt::None;
}

HomeOutlook homeOutlook(const CitizenSummary& summary, const HomeFacts& facts) {
  HomeOutlook out;
  out.contact = contactNotice(summary, facts.today);
  out.action = mainAction(out.contact);
  out.feedback = feedbackPrompt(summary, facts.feedbackSent);
  out.offerToSaveSettings = !facts.settingsSaved && offerToSaveSettings(facts.settings, facts.settingsAtStart, summary.preferences);
  return out;
}

}  // namespace kiosk::domain
