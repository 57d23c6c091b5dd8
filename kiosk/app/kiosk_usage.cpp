// Anonymous usage events (usage_events.h): what the app observes of a session, recorded as it
// happens and sent in batches through the HTTPS client's worker. Part of KioskApp.

#include <iostream>

#include "kiosk/app/kiosk_app.h"
#include "kiosk/overloaded.h"

namespace kiosk::app {
namespace {

// The errand a screen belongs to, by the contract's name; the menu, home, login and help belong
// to none (moving and cancelling share the list of bookings).
std::optional<std::string_view> errandOfScreen(screens::ScreenId id, bool moving) {
  using screens::ScreenId;
  switch (id) {
    case ScreenId::CheckIn: return "check_in";
    case ScreenId::BookTopics:
    case ScreenId::BookContactForm:
    case ScreenId::BookConsultant:
    case ScreenId::BookWishes: return "book";
    case ScreenId::BookTime:
    case ScreenId::BookConfirm:
    case ScreenId::Booked: return moving ? "move" : "book";
    case ScreenId::CancelBooking: return "cancel";
    case ScreenId::Activities: return "activities";
    case ScreenId::Joblog:
    case ScreenId::JoblogEntry: return "joblog";
    case ScreenId::Plan: return "plan";
    default: return std::nullopt;
  }
}

}  // namespace

void KioskApp::noteForUsage(Event event, screens::ScreenId from, Clock::time_point now) {
  if (!recordingUsage()) return;
  const auto wall = wallNow(now);
  const bool moving = session_ && session_->view().draft.moving();
  switch (event) {
    case Event::Next:
      if (from != screens::ScreenId::Attract) return;
      usage_.sessionStarted(wall);
      usageStep_ = from;
      sessionEnding_ = SessionEnding::Finished;
      // What a session before may have left: only what this one completes counts.
      checkInSeen_ = citizen().checkIn.ready();
      activitySeen_ = citizen().activity.done();
      if (readAloud_.on()) usage_.aidUsed(Aid::Speech, wall);  // turned on by a long press on the attract screen
      return;
    case Event::IdleTimeout: sessionEnding_ = SessionEnding::TimedOut; return;
    case Event::StartOver: sessionEnding_ = SessionEnding::StartedOver; return;
    case Event::BookingDone:
      return usage_.errandCompleted(from == screens::ScreenId::CancelBooking ? "cancel" : moving ? "move" : "book", citizen().assisted(), wall);
    case Event::JoblogSaved: return usage_.errandCompleted("joblog", citizen().assisted(), wall);
    default: return;
  }
}

void KioskApp::noteIntentForUsage(const screens::Intent& intent, Clock::time_point now) {
  if (!recordingUsage() || !usage_.inSession()) return;
  const auto wall = wallNow(now);
  std::visit(Overloaded{
                 [&](const screens::ChooseLanguage& i) { usage_.languageChosen(i.code, wall); },
                 [&](const screens::CycleTextSize&) { usage_.textSizeChosen(preferences_.textSizePercent, wall); },
                 [&](const screens::ToggleContrast&) {
                   if (preferences_.contrast == ui::Contrast::High) usage_.aidUsed(Aid::HighContrast, wall);
                 },
                 [&](const screens::ToggleSpeech&) {
                   if (readAloud_.on()) usage_.aidUsed(Aid::Speech, wall);
                 },
                 [&](const screens::ToggleLowReach&) {
                   if (preferences_.lowReach) usage_.aidUsed(Aid::LowReach, wall);
                 },
                 [&](const screens::CallStaff& i) { usage_.helpRequested(i.reason, wall); },
                 [&](const screens::AskStaff& i) {
                   if (i.reason) usage_.helpRequested(*i.reason, wall);
                 },
                 [&](const auto&) {},
             },
             intent);
}

void KioskApp::observeUsage(Clock::time_point now) {
  if (!recordingUsage() || !usage_.inSession()) return;
  const auto wall = wallNow(now);
  const auto id = router_->currentId();
  if (id != usageStep_ && id != screens::ScreenId::Attract) {
    usage_.stepReached(screens::screenName(id), errandOfScreen(id, session_ && session_->view().draft.moving()), wall);
    usageStep_ = id;
  }
  // Errands the booking system confirms without a flow event: a check-in, a sign-up or cancelled seat.
  const bool checkedIn = citizen().checkIn.ready();
  if (checkedIn && !checkInSeen_) usage_.errandCompleted("check_in", citizen().assisted(), wall);
  checkInSeen_ = checkedIn;
  const bool activityDone = citizen().activity.done();
  if (activityDone && !activitySeen_) usage_.errandCompleted("activities", citizen().assisted(), wall);
  activitySeen_ = activityDone;
}

void KioskApp::endSessionForUsage(Clock::time_point now) {
  if (recordingUsage() && usage_.inSession()) {
    usage_.sessionEnded(sessionEnding_, screens::screenName(router_->currentId()), wallNow(now));
    usageSendNow_ = true;
  }
  sessionEnding_ = SessionEnding::Finished;
  usageStep_ = screens::ScreenId::Attract;
}

void KioskApp::sendUsageEvents(Clock::time_point now) {
  api::HttpClient* client = usageClient_ ? usageClient_ : client_;
  if (!client || usageInFlight_ || usageQueue_.empty()) return;
  if (!usageSendNow_ && now < nextUsageSend_) return;
  usageSendNow_ = false;
  nextUsageSend_ = now + options_.usageEventsEvery;
  auto batch = usageQueue_.takeBatch();
  api::HttpRequest request;
  request.method = "POST";
  request.path = "/api/v1/kiosk/events";
  request.contentType = "application/json";
  request.body = nlohmann::json{{"events", batch}}.dump();
  request.budget = std::chrono::seconds(20);
  usageInFlight_ = true;
  // Nobody waits for it. Undelivered, the batch waits for the next try (in memory, bounded); a
  // batch that may have arrived is not sent again, so that nothing is counted twice.
  client->submit(api::kDetachedSession, std::move(request), [this, batch = std::move(batch)](const api::HttpResult& result) mutable {
    usageInFlight_ = false;
    if (result.ok()) return;
    if (result.transport == api::Transport::CertificateRefused) incidents_.report(IncidentKind::Certificate, result.detail);
    const bool refused = result.transport == api::Transport::Ok && result.status >= 400 && result.status < 500 && result.status != 429;
    if (refused || result.mayHaveArrived) {
      std::cerr << "kiosk: usage events: " << batch.size() << " dropped: "
                << (refused ? "refused by the server, HTTP " + std::to_string(result.status) : "they may have arrived (" + result.detail + ")") << "\n";
      return;
    }
    std::cerr << "kiosk: usage events: " << batch.size() << " not delivered, kept to send again: "
              << (result.transport == api::Transport::Ok ? "HTTP " + std::to_string(result.status) : result.detail) << "\n";
    usageQueue_.putBack(std::move(batch));
  });
}

}  // namespace kiosk::app
