#include "kiosk/domain/home_outlook.h"

namespace kiosk::domain {

ContactNotice contactNotice(const CitizenSummary& summary) {
  if (summary.contactOverdue) return ContactNotice::Overdue;
  // Both are YYYY-MM-DD, so text order is date order.
  if (!summary.nextBooking || summary.nextBooking->date > summary.nextRequiredContact) return ContactNotice::BookBefore;
  return ContactNotice::None;
}

FeedbackPrompt feedbackPrompt(const CitizenSummary& summary, bool feedbackSent) {
  if (feedbackSent) return FeedbackPrompt::Thanks;
  return summary.feedbackBookingId ? FeedbackPrompt::Ask : FeedbackPrompt::None;
}

HomeOutlook homeOutlook(const CitizenSummary& summary, const HomeFacts& facts) {
  HomeOutlook out;
  out.contact = contactNotice(summary);
  out.feedback = feedbackPrompt(summary, facts.feedbackSent);
  out.offerToSaveSettings = !facts.settingsSaved && offerToSaveSettings(facts.settings, facts.settingsAtStart, summary.preferences);
  return out;
}

}  // namespace kiosk::domain
