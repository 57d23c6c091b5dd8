// The logged-in citizen's errands: the booking draft, booking, moving and cancelling, activities,
// the job log, feedback and saved preferences. Every answer lands in the view on the UI thread;
// a write is Done only when the server confirmed it.

#include <algorithm>

#include "kiosk/app/citizen_session.h"
#include "kiosk/app/scrub.h"
#include "kiosk/domain/bookings.h"
#include "kiosk/domain/slots.h"

namespace kiosk::app {

using screens::ScreenId;

template <typename T, typename Call, typename Keep>
void CitizenSession::load(screens::Remote<T>& into, Call&& call, Keep keep) {
  if (into.loading()) return;
  into.state = screens::Remote<T>::State::Loading;
  into.error = api::ApiError::None;
  const api::SessionId session = id_;
  call([this, session, &into, keep = std::move(keep)](auto outcome) {
    if (session != id_) return;
    if (outcome.ok()) {
      scrub(into.value);
      into.value = keep(std::move(*outcome.value));
      into.state = screens::Remote<T>::State::Ready;
    } else {
      into.state = screens::Remote<T>::State::Failed;
      into.error = outcome.error;
    }
  });
}

void CitizenSession::prepare(ScreenId screen) {
  if (!loggedIn()) return;
  switch (screen) {
    case ScreenId::BookTopics:
      if (!view_.topics.ready()) load(view_.topics, [this](auto done) { api_->topics(std::move(done)); });
      if (!view_.consultants.ready()) load(view_.consultants, [this](auto done) { api_->consultants(std::move(done)); });
      break;
    case ScreenId::BookConsultant:
      if (!view_.consultants.ready()) load(view_.consultants, [this](auto done) { api_->consultants(std::move(done)); });
      break;
    case ScreenId::BookTime: loadSlots(); break;
    case ScreenId::MyBookings: load(view_.bookings, [this](auto done) { api_->bookings(std::move(done)); }, domain::upcomingBookings); break;
    case ScreenId::Activities: load(view_.activities, [this](auto done) { api_->activities(std::move(done)); }); break;
    case ScreenId::Joblog: load(view_.joblog, [this](auto done) { api_->joblog(std::move(done)); }); break;
    default: break;
  }
}

void CitizenSession::beginErrand(ScreenId service) {
  if (service == ScreenId::BookTopics) startBooking();
}

// [SECTION] The booking draft

void CitizenSession::startBooking() {
  scrub(view_.draft);
  view_.booking = {};
  scrub(view_.confirmed);
  view_.printing = screens::CitizenView::Printing::Idle;
  changedDraft();
}

void CitizenSession::toggleTopic(const std::string& topicId) {
  auto& topics = view_.draft.topics;
  const auto it = std::find(topics.begin(), topics.end(), topicId);
  if (it == topics.end()) topics.push_back(topicId);
  else topics.erase(it);
  changedDraft();
}

void CitizenSession::pickContactForm(domain::ContactForm form) {
  view_.draft.contactForm = form;
  changedDraft();
}

void CitizenSession::pickConsultant(const std::string& consultantId) {
  view_.draft.consultantId = consultantId;
  changedDraft();
}

void CitizenSession::pickSlot(const domain::Slot& slot) {
  view_.draft.slot = slot;
  // Again now: it may be one of the nearest free times offered after the chosen one was taken.
  view_.draft.slot->onceBooked = domain::changeOnceBooked(slot, wallNow_);
  view_.booking = {};
  changedDraft();
}

void CitizenSession::setWishes(const std::string& wishes, const std::string& interpreterLanguage) {
  if (wishes == view_.draft.wishes && interpreterLanguage == view_.draft.interpreterLanguage) return;
  view_.draft.wishes = wishes;
  view_.draft.interpreterLanguage = interpreterLanguage;
  changedDraft();
}

void CitizenSession::loadSlots() {
  const auto& d = view_.draft;
  api::SlotQuery query;
  if (!d.topics.empty()) query.topic = d.topics.front();
  query.consultantId = d.consultantId.value_or("");
  query.contactForm = d.contactForm;
  query.limit = 200;
  // Free times go quickly: every visit to the time step asks again.
  view_.slots.state = screens::Remote<domain::SlotDays>::State::Idle;
  const bool anyConsultant = query.consultantId.empty();
  load(view_.slots, [this, query](auto done) { api_->freeSlots(query, std::move(done)); },
       [anyConsultant, now = wallNow_](std::vector<domain::Slot> slots) {
         auto days = domain::groupSlotsByDay(std::move(slots));
         if (anyConsultant) days = domain::offerEachTimeOnce(std::move(days));
         return domain::markChangeDeadlines(std::move(days), now);
       });
}

void CitizenSession::confirmBooking() {
  auto& d = view_.draft;
  if (!d.slot || view_.booking.sending()) return;
  if (bookingKey_.empty()) bookingKey_ = api::BookingApi::newIdempotencyKey();
  view_.booking = {};
  view_.booking.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  auto done = [this, session](api::BookingOutcome outcome) {
    if (session != id_) return;
    finishWrite(view_.booking, outcome);
    if (outcome.ok()) {
      scrub(view_.confirmed);
      view_.confirmed = std::move(outcome.value);
      bookingKey_.clear();  // done: a new booking gets a new key
      fetchSummary();       // home and the receipt read the next meeting and the deadline from it
      events_.push_back(Event::BookingDone);
    } else if (outcome.error == api::ApiError::BookingLimitReached) {
      view_.booking.existingBookings = outcome.existingBookings;
    } else if (outcome.error == api::ApiError::SlotTaken) {
      view_.booking.alternatives = outcome.alternatives;
    }
  };
  if (d.moving()) {
    api_->moveBooking(d.movingBookingId, d.slot->id, bookingKey_, done);
    return;
  }
  api::NewBooking booking;
  booking.slotId = d.slot->id;
  booking.topics = d.topics;
  booking.contactForm = d.contactForm.value_or(domain::ContactForm::InPerson);
  booking.wishes = d.wishes;
  booking.interpreterLanguage = d.interpreterLanguage;
  api_->createBooking(booking, bookingKey_, done);
}

// [SECTION] Moving and cancelling

void CitizenSession::moveExistingHere() {
  // Only so many meetings at a time: the citizen's existing one moves to the time just chosen.
  if (view_.booking.existingBookings.empty() || !view_.draft.slot || view_.booking.sending()) return;
  view_.draft.movingBookingId = view_.booking.existingBookings.front();
  changedDraft();  // a move is another write than the booking refused: a key of its own
  confirmBooking();
}

void CitizenSession::startMove(const std::string& bookingId) {
  startBooking();
  view_.draft.movingBookingId = bookingId;
  auto keepKind = [&](const domain::Booking& b) {
    if (b.id != bookingId) return;
    // The same kind of meeting at a new time: same contact form, the same consultant offered first.
    view_.draft.contactForm = b.contactForm;
    view_.draft.topics = b.topics;
    view_.draft.consultantId = std::string();
  };
  if (view_.bookings.ready()) {
    for (const auto& b : *view_.bookings.value) keepKind(b);
  } else if (view_.summary && view_.summary->nextBooking) {
    keepKind(*view_.summary->nextBooking);  // from home, before the list of bookings arrived
  }
}

void CitizenSession::startCancel(const std::string& bookingId) {
  // From home the list of bookings may not have been asked for yet: the cancel step shows it.
  if (!view_.bookings.ready()) load(view_.bookings, [this](auto done) { api_->bookings(std::move(done)); }, domain::upcomingBookings);
  if (view_.cancellingBookingId != bookingId) cancelKey_.clear();
  view_.cancellingBookingId = bookingId;
  view_.booking = {};
}

void CitizenSession::confirmCancel() {
  if (view_.cancellingBookingId.empty() || view_.booking.sending()) return;
  if (cancelKey_.empty()) cancelKey_ = api::BookingApi::newIdempotencyKey();
  view_.booking = {};
  view_.booking.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->cancelBooking(view_.cancellingBookingId, cancelKey_, [this, session](api::Outcome<domain::Booking> outcome) {
    if (session != id_) return;
    finishWrite(view_.booking, outcome);
    if (outcome.ok()) {
      scrub(view_.confirmed);
      view_.confirmed = std::move(outcome.value);
      cancelKey_.clear();
      fetchSummary();
      events_.push_back(Event::BookingDone);
      view_.bookings.state = screens::Remote<std::vector<domain::Booking>>::State::Idle;
    }
  });
}

// [SECTION] Activities

void CitizenSession::signUp(const std::string& activityId) {
  if (view_.activity.sending()) return;
  view_.activityBusy = activityId;
  view_.activity = {};
  view_.activity.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  // One sign-up per activity and session: a repeat of the same key is replayed, never doubled.
  api_->registerForActivity(activityId, api::BookingApi::newIdempotencyKey(), [this, session, activityId](api::Outcome<bool> outcome) {
    if (session != id_) return;
    finishWrite(view_.activity, outcome);
    if (outcome.ok() || outcome.error == api::ApiError::AlreadyRegistered) {
      load(view_.activities, [this](auto done) { api_->activities(std::move(done)); });
    }
  });
}

void CitizenSession::cancelSignUp(const std::string& activityId) {
  if (view_.activity.sending()) return;
  view_.activityBusy = activityId;
  view_.activity = {};
  view_.activity.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->unregisterFromActivity(activityId, [this, session](api::Outcome<bool> outcome) {
    if (session != id_) return;
    finishWrite(view_.activity, outcome);
    load(view_.activities, [this](auto done) { api_->activities(std::move(done)); });
  });
}

// [SECTION] Job log

void CitizenSession::startJoblogEntry(domain::JoblogKind kind) {
  scrub(view_.joblogDraft);
  scrub(view_.joblogSaved);
  view_.joblogDraft.kind = kind;
  view_.joblogSave = {};
  joblogKey_.clear();
}

void CitizenSession::updateJoblogDraft(const screens::JoblogDraft& draft) {
  if (draft == view_.joblogDraft) return;
  view_.joblogDraft = draft;
  joblogKey_.clear();
  if (view_.joblogSave.failed()) view_.joblogSave = {};
}

void CitizenSession::saveJoblogEntry(const std::string& dateIso) {
  if (view_.joblogSave.sending()) return;
  const auto& d = view_.joblogDraft;
  domain::JoblogEntry entry;
  entry.kind = d.kind;
  entry.date = dateIso;
  if (!d.jobTitle.empty()) entry.jobTitle = d.jobTitle;
  if (!d.description.empty()) entry.description = d.description;
  if (!d.employerName.empty()) entry.employer = domain::Place{d.employerName, d.employerAddress};
  entry.how = d.how;
  if (joblogKey_.empty()) joblogKey_ = api::BookingApi::newIdempotencyKey();
  view_.joblogSave = {};
  view_.joblogSave.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->addJoblogEntry(entry, joblogKey_, [this, session](api::Outcome<domain::JoblogEntry> outcome) {
    if (session != id_) return;
    finishWrite(view_.joblogSave, outcome);
    if (!outcome.ok()) return;  // the draft stays on screen, with "try again"
    joblogKey_.clear();
    // The answer names what was saved, and "this week: 3 of 4" counts it at once.
    scrub(view_.joblogSaved);
    view_.joblogSaved = outcome.value->jobTitle.value_or(outcome.value->description.value_or(""));
    fetchSummary();
    scrub(view_.joblogDraft);
    view_.joblog.state = screens::Remote<domain::Joblog>::State::Idle;
    events_.push_back(Event::JoblogSaved);
  });
}

// [SECTION] Feedback and preferences

void CitizenSession::giveFeedback(int rating) {
  if (!view_.summary || !view_.summary->feedbackBookingId || view_.feedback.sending() || view_.feedback.done()) return;
  if (feedbackKey_.empty()) feedbackKey_ = api::BookingApi::newIdempotencyKey();
  view_.feedback.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->sendFeedback(*view_.summary->feedbackBookingId, rating, feedbackKey_, [this, session](api::Outcome<bool> outcome) {
    if (session != id_) return;
    finishWrite(view_.feedback, outcome);
    updateHome();
  });
}

void CitizenSession::savePreferences(const domain::Preferences& preferences) {
  if (view_.preferences.sending()) return;
  view_.preferences.stage = screens::Write::Stage::Sending;
  const api::SessionId session = id_;
  api_->savePreferences(preferences, [this, session](api::Outcome<domain::Preferences> outcome) {
    if (session != id_) return;
    finishWrite(view_.preferences, outcome);
    if (outcome.ok() && view_.summary) view_.summary->preferences = *outcome.value;
    updateHome();
  });
}

}  // namespace kiosk::app
