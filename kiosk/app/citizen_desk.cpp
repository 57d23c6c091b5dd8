// What the kiosk does without a citizen login: check-in by booking code or health card, calling
// staff, and co-service — a staff member signs in and identifies a citizen who has no
// smartphone; the citizen then makes every choice and confirms it themselves.

#include <algorithm>
#include <cctype>

#include "kiosk/app/citizen_session.h"
#include "kiosk/app/scrub.h"

namespace kiosk::app {
namespace {

// A health card's barcode and a typed CPR number are ten digits, perhaps with a dash; a booking
// code has letters.
bool looksLikeCpr(const std::string& s) {
  const auto digits = std::count_if(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  return digits == 10 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) || c == '-' || c == ' '; });
}

}  // namespace

void CitizenSession::checkIn(const std::string& codeOrCpr) {
  if (view_.checkIn.loading()) return;
  scrub(view_.checkIn);
  view_.checkIn.state = screens::Remote<domain::CheckIn>::State::Loading;
  const api::SessionId session = id_;
  auto done = [this, session](api::Outcome<domain::CheckIn> outcome) {
    if (session != id_) return;
    if (outcome.ok()) {
      view_.checkIn.value = std::move(outcome.value);
      view_.checkIn.state = screens::Remote<domain::CheckIn>::State::Ready;
      view_.checkInTiming = view_.checkIn.value->meetingShown ? domain::checkInTiming(view_.checkIn.value->start, wallNow_) : domain::CheckInTiming::OnTime;
    } else {
      view_.checkIn.state = screens::Remote<domain::CheckIn>::State::Failed;
      view_.checkIn.error = outcome.error;
    }
  };
  if (looksLikeCpr(codeOrCpr)) api_->checkInByCpr(codeOrCpr, done);
  else api_->checkInByCode(codeOrCpr, done);
}

// What staff should know before they walk over: the errand under way (a move or a cancellation,
// and the date of that meeting; a booking), and whether a colleague is already at the kiosk.
api::HelpCall CitizenSession::helpCall(domain::HelpReason reason, const std::string& language) const {
  api::HelpCall call;
  call.reason = reason;
  call.language = language;
  call.staffPresent = view_.assisted();
  const auto meetingDate = [&](const std::string& bookingId) {
    if (view_.bookings.ready()) {
      for (const auto& b : *view_.bookings.value) {
        if (b.id == bookingId) return b.date;
      }
    }
    if (view_.summary && view_.summary->nextBooking && view_.summary->nextBooking->id == bookingId) return view_.summary->nextBooking->date;
    return std::string();
  };
  if (!view_.cancellingBookingId.empty()) {
    call.errandFlow = "cancel";
    call.meetingDate = meetingDate(view_.cancellingBookingId);
  } else if (!view_.draft.movingBookingId.empty()) {
    call.errandFlow = "move";
    call.meetingDate = meetingDate(view_.draft.movingBookingId);
  } else if (!view_.draft.topics.empty()) {
    call.errandFlow = "book";
  }
  return call;
}

void CitizenSession::callStaff(domain::HelpReason reason, const std::string& language) {
  if (view_.help.sending() || view_.help.done()) return;
  if (helpKey_.empty()) helpKey_ = api::BookingApi::newIdempotencyKey();
  view_.help.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->helpRequest(helpCall(reason, language), helpKey_, [this, session](api::Outcome<domain::HelpRequest> outcome) {
    if (session != id_) return;
    finishWrite(view_.help, outcome);
    if (!outcome.ok()) return;
    helpKey_.clear();
    helpId_ = outcome.value->id;
    nextHelpPoll_ = lastTick_ + kHelpPoll;
    scrub(*outcome.value);
  });
}

// Through the HTTP client's own threads, answered on the next frame: the UI never waits for it.
// A failed ask is asked again at the next interval; the citizen keeps the "someone is coming" text.
void CitizenSession::watchHelp(Clock::time_point now) {
  if (helpId_.empty() || helpPollInFlight_ || now < nextHelpPoll_) return;
  helpPollInFlight_ = true;
  const api::SessionId session = id_;
  api_->helpRequestStatus(helpId_, [this, session](api::Outcome<domain::HelpRequest> outcome) {
    if (session != id_) return;
    helpPollInFlight_ = false;
    nextHelpPoll_ = lastTick_ + kHelpPoll;
    if (!outcome.ok()) return;
    if (outcome.value->takenBy) view_.helpTakenBy = *outcome.value->takenBy;
    if (outcome.value->status != domain::HelpStatus::Open) scrub(helpId_);  // taken or closed: nothing more to learn
    scrub(*outcome.value);
  });
}

void CitizenSession::staffSignIn(const std::string& staffNumber, const std::string& pin) {
  if (view_.staffLogin.sending()) return;
  view_.staffLogin = {};
  view_.staffLogin.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->staffLogin(staffNumber, pin, [this, session](api::Outcome<domain::StaffSession> outcome) {
    if (session != id_) return;
    finishWrite(view_.staffLogin, outcome);
    if (!outcome.ok()) return;
    api_->setStaffToken(outcome.value->accessToken);
    view_.staffName = outcome.value->name;
    scrub(outcome.value->accessToken);
    events_.push_back(Event::StaffSignedIn);
  });
}

void CitizenSession::assistCitizen(const std::string& cpr) {
  if (view_.assistedLogin.sending() || api_->staffToken().empty()) return;
  view_.assistedLogin = {};
  view_.assistedLogin.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->assistedCitizenLogin(cpr, [this, session](api::Outcome<bool> outcome) {
    if (session != id_) return;
    finishWrite(view_.assistedLogin, outcome);
    if (!outcome.ok()) return;
    view_.stage = screens::LoginStage::FetchingSummary;
    fetchSummary();
  });
}

}  // namespace kiosk::app
