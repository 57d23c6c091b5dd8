#include "kiosk/app/citizen_session.h"

#include <algorithm>
#include <atomic>

#include "kiosk/app/scrub.h"

namespace kiosk::app {
namespace {

std::atomic<api::SessionId> nextSessionId{1};

}  // namespace

CitizenSession::CitizenSession(api::HttpClient& client, DemoCitizens demoCitizens, api::BookingApi::IncidentSink incident)
    : client_(client), incident_(std::move(incident)), id_(nextSessionId++) {
  view_.apiAvailable = true;
  view_.demoCitizens = std::move(demoCitizens);
  api_ = std::make_unique<api::BookingApi>(client_, id_, incident_);
}

CitizenSession::~CitizenSession() { forget(); }

void CitizenSession::startLogin(Clock::time_point now) {
  forget();
  view_.stage = screens::LoginStage::Starting;
  const api::SessionId session = id_;
  api_->startDeviceLogin([this, session, now](api::Outcome<domain::DeviceAuthorization> outcome) {
    if (session != id_) return;
    if (!outcome.ok()) {
      view_.stage = screens::LoginStage::Failed;
      view_.error = outcome.error;
      return;
    }
    deviceCode_ = outcome.value->deviceCode;
    view_.userCode = outcome.value->userCode;
    view_.verificationUri = outcome.value->verificationUri;
    view_.qr = ui::encodeQr(outcome.value->verificationUriComplete);
    interval_ = std::max(1, outcome.value->interval);
    const auto started = std::max(now, lastTick_);
    nextPoll_ = started + std::chrono::seconds(interval_);
    expiresAt_ = started + std::chrono::seconds(outcome.value->expiresIn);
    view_.stage = screens::LoginStage::WaitingForPhone;
  });
}

void CitizenSession::cancelLogin() {
  if (view_.stage == screens::LoginStage::Starting || view_.stage == screens::LoginStage::WaitingForPhone) forget();
}

std::optional<CitizenSession::Clock::time_point> CitizenSession::nextWakeup() const {
  std::optional<Clock::time_point> next;
  if (!helpId_.empty() && !helpPollInFlight_) next = nextHelpPoll_;
  if (view_.stage != screens::LoginStage::WaitingForPhone || pollInFlight_) return next;
  return std::min({nextPoll_, expiresAt_, next.value_or(Clock::time_point::max())});
}

bool CitizenSession::waiting() const {
  return view_.stage == screens::LoginStage::Starting || view_.stage == screens::LoginStage::WaitingForPhone ||
         view_.stage == screens::LoginStage::FetchingSummary || !helpId_.empty();
}

void CitizenSession::tick(Clock::time_point now) {
  lastTick_ = now;
  watchHelp(now);
  if (view_.stage != screens::LoginStage::WaitingForPhone || pollInFlight_) return;
  if (now >= expiresAt_) {
    view_.stage = screens::LoginStage::Expired;
    return;
  }
  if (now < nextPoll_) return;
  pollInFlight_ = true;
  const api::SessionId session = id_;
  api_->pollDeviceLogin(deviceCode_, [this, session](api::LoginPoll poll, api::ApiError error) {
    if (session != id_) return;
    pollInFlight_ = false;
    const auto answeredAt = lastTick_;
    switch (poll) {
      case api::LoginPoll::Pending: nextPoll_ = answeredAt + std::chrono::seconds(interval_); break;
      case api::LoginPoll::SlowDown:
        interval_ += 5;  // RFC 8628: slow down means five seconds more, from now on
        nextPoll_ = answeredAt + std::chrono::seconds(interval_);
        break;
      case api::LoginPoll::Expired: view_.stage = screens::LoginStage::Expired; break;
      case api::LoginPoll::Denied: view_.stage = screens::LoginStage::Denied; break;
      case api::LoginPoll::LoggedIn:
        scrub(deviceCode_);
        view_.stage = screens::LoginStage::FetchingSummary;
        fetchSummary();
        break;
      case api::LoginPoll::Failed:
        // A passing network problem while waiting: keep waiting; the phone may still approve.
        if (error == api::ApiError::Offline || error == api::ApiError::ServerBusy) {
          nextPoll_ = answeredAt + std::chrono::seconds(interval_);
        } else {
          view_.stage = screens::LoginStage::Failed;
          view_.error = error;
        }
        break;
    }
  });
}

void CitizenSession::fetchSummary() {
  const api::SessionId session = id_;
  api_->citizenSummary([this, session](api::Outcome<domain::CitizenSummary> outcome) {
    if (session != id_) return;
    if (!outcome.ok()) {
      // A refresh after a write that fails keeps what home showed; only a login fails here.
      if (loggedIn() && outcome.error != api::ApiError::SessionExpired) return;
      view_.stage = screens::LoginStage::Failed;
      view_.error = outcome.error;
      return;
    }
    scrub(view_.summary);
    view_.summary = std::move(outcome.value);
    updateHome();
    // The first summary is the login; later ones refresh the home screen.
    if (view_.stage != screens::LoginStage::LoggedIn) events_.push_back(Event::LoggedIn);
    view_.stage = screens::LoginStage::LoggedIn;
  });
}

void CitizenSession::useSettings(const domain::KioskSettings& now, const domain::KioskSettings& atStart) {
  settings_ = now;
  settingsAtStart_ = atStart;
  updateHome();
}

void CitizenSession::setWallClock(domain::WallClock::time_point now) {
  wallNow_ = now;
  std::string today = domain::copenhagenDate(now);
  if (today == today_) return;
  today_ = std::move(today);
  updateHome();
}

void CitizenSession::updateHome() {
  view_.home = view_.summary ? domain::homeOutlook(*view_.summary, {.settings = settings_,
                                                                    .settingsAtStart = settingsAtStart_,
                                                                    .feedbackSent = view_.feedback.done(),
                                                                    .settingsSaved = view_.preferences.done(),
                                                                    .today = today_})
                             : domain::HomeOutlook{};
}

void CitizenSession::demoApprove(const std::string& citizenId) {
  if (view_.stage != screens::LoginStage::WaitingForPhone) return;
  api::HttpRequest phone;
  phone.method = "POST";
  phone.path = "/device";
  phone.contentType = "application/x-www-form-urlencoded";
  phone.body = "user_code=" + view_.userCode + "&citizen=" + citizenId + "&action=approve";
  client_.submit(id_, phone, [](const api::HttpResult&) {});
  nextPoll_ = std::max(nextPoll_, lastTick_ + std::chrono::seconds(interval_));  // the server's interval still holds
}

void CitizenSession::logout() {
  // Revoke at the server; the answers are not awaited. The staff member's token goes too.
  if (!api_->token().empty()) api_->logout({});
  if (!api_->staffToken().empty()) {
    api_->setToken(api_->staffToken());
    api_->logout({});
  }
  forget();
}

void CitizenSession::forget() {
  // The old session's requests are cancelled and their late answers dropped; a new id starts clean.
  client_.cancelSession(id_);
  id_ = nextSessionId++;
  api_ = std::make_unique<api::BookingApi>(client_, id_, incident_);  // the old one's tokens go with it
  scrub(view_);
  for (auto* s : {&deviceCode_, &bookingKey_, &cancelKey_, &joblogKey_, &feedbackKey_, &helpKey_}) scrub(*s);
  pollInFlight_ = false;
  scrub(helpId_);
  helpPollInFlight_ = false;
  events_.clear();
}

}  // namespace kiosk::app
