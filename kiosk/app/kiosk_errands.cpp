// The citizen's errands: the session does the work, and what the citizen did goes to the flow
// table as an event (where it leads is decided there). Kept apart from the shell (kiosk_app.cpp)
// so each file has one job.

#include <iostream>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/domain/calendar.h"
#include "kiosk/domain/preferences.h"
#include "kiosk/overloaded.h"

namespace kiosk::app {

void KioskApp::printCard() {
  const auto& view = session_->view();
  if (!view.confirmed || view.printing == screens::CitizenView::Printing::Printing) return;
  if (!printer_ || !cardFonts_) {
    session_->setPrinting(screens::CitizenView::Printing::Failed);  // no printer at this kiosk: the QR code still works
    return;
  }
  const std::string bookBefore = view.summary ? view.summary->nextRequiredContact : std::string();
  auto card = services::makeAppointmentCard(*view.confirmed, catalogs_, preferences_.language, jobcenterName(), bookBefore);
  session_->setPrinting(screens::CitizenView::Printing::Printing);
  // The answer belongs to this citizen only: after a logout it is dropped.
  const api::SessionId citizen = session_->id();
  printer_->print(std::move(card), *cardFonts_, [this, citizen](Result<void> printed) {
    // For the operator (the detail names the device, never the card): the citizen is told it
    // did not print, and keeps the QR code.
    printerHealth_ = printed ? PrinterHealth::Ok : PrinterHealth::Failed;
    if (!printed) incidents_.report(IncidentKind::Printer, printed.failure().detail);
    if (!session_ || session_->id() != citizen) return;
    session_->setPrinting(printed ? screens::CitizenView::Printing::Printed : screens::CitizenView::Printing::Failed);
  });
}

void KioskApp::applyErrand(const screens::Intent& intent, Clock::time_point now) {
  if (!session_) return;
  CitizenSession& s = *session_;
  using screens::ScreenId;
  std::visit(Overloaded{
                 [&](const screens::ToggleTopic& i) { s.toggleTopic(i.topicId); },
                 [&](const screens::PickContactForm& i) {
                   s.pickContactForm(i.form);
                   follow(Event::ContactFormPicked, now);
                 },
                 [&](const screens::PickConsultant& i) {
                   s.pickConsultant(i.consultantId);
                   follow(Event::ConsultantPicked, now);
                 },
                 [&](const screens::PickSlot& i) {
                   s.pickSlot(i.slot);
                   follow(Event::SlotPicked, now);
                 },
                 [&](const screens::SetWishes& i) { s.setWishes(i.wishes, i.interpreterLanguage); },
                 [&](const screens::ConfirmBooking&) { s.confirmBooking(); },
                 [&](const screens::MoveExistingHere&) { s.moveExistingHere(); },
                 [&](const screens::StartMove& i) {
                   s.startMove(i.bookingId);
                   follow(Event::MoveStarted, now);
                 },
                 [&](const screens::StartCancel& i) {
                   s.startCancel(i.bookingId);
                   follow(Event::CancelStarted, now);
                 },
                 [&](const screens::ConfirmCancel&) { s.confirmCancel(); },
                 [&](const screens::PrintCard&) { printCard(); },
                 [&](const screens::SignUp& i) { s.signUp(i.activityId); },
                 [&](const screens::CancelSignUp& i) { s.cancelSignUp(i.activityId); },
                 [&](const screens::StartJoblogEntry& i) {
                   s.startJoblogEntry(i.kind);
                   follow(Event::JoblogEntryStarted, now);
                 },
                 [&](const screens::UpdateJoblogDraft& i) { s.updateJoblogDraft(i.draft); },
                 [&](const screens::SaveJoblogEntry&) { s.saveJoblogEntry(domain::copenhagenDate(wallNow(now), s.view().joblogDraft.daysAgo)); },
                 [&](const screens::GiveFeedback& i) { s.giveFeedback(i.rating); },
                 [&](const screens::SavePreferences&) { s.savePreferences(domain::preferencesToSave(settings())); },
                 [&](const screens::CheckInWith& i) { s.checkIn(i.codeOrCpr); },
                 [&](const screens::CallStaff& i) { s.callStaff(i.reason, preferences_.language); },
                 [&](const screens::StaffSignIn& i) { s.staffSignIn(i.staffNumber, i.pin); },
                 [&](const screens::AssistCitizen& i) { s.assistCitizen(i.cpr); },
                 [&](const auto&) {},  // the shell's own intents: applied in kiosk_app.cpp
             },
             intent);
}

}  // namespace kiosk::app
