#include "kiosk/app/settings_sync.h"

#include <algorithm>
#include <iostream>

namespace kiosk::app {
namespace {

// Its own session on the shared client, apart from the citizens' (numbered from 1 upwards by
// CitizenSession): ending a citizen's session never cancels a settings refresh.
constexpr api::SessionId kSettingsSession = api::SessionId{1} << 62;

// The booking system did not answer at all (as opposed to answering "no").
bool noAnswer(api::ApiError error) {
  return error == api::ApiError::Offline || error == api::ApiError::ServerBusy ||
         error == api::ApiError::ServerError;
}

}  // namespace

SettingsSync::SettingsSync(api::HttpClient& client, Incidents& incidents) : client_(client), incidents_(incidents), api_(client, kSettingsSession) {}

SettingsSync::~SettingsSync() { client_.cancelSession(kSettingsSession); }

void SettingsSync::tick(Clock::time_point now) {
  lastTick_ = now;
  if (asking_ || now < nextAsk_) return;
  asking_ = true;
  // The time is taken in real time: the app's clock races ahead in scripted runs.
  const auto asked = Clock::now();
  api_.kioskConfig([this, asked](api::Outcome<domain::JobcenterSettings> outcome) { answered(std::move(outcome), asked); });
}

void SettingsSync::answered(api::Outcome<domain::JobcenterSettings> outcome, Clock::time_point asked) {
  asking_ = false;
  pinMatched_ = outcome.error != api::ApiError::CertificateProblem && !noAnswer(outcome.error);
  if (outcome.ok()) {
    roundTrip_ = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - asked);
    if (down_) std::cerr << "kiosk: the booking system answers again\n";
    down_ = false;
    retry_ = kFirstRetry;
    fetchedAt_ = lastTick_;
    nextAsk_ = lastTick_ + kRefresh;
    if (settings_ != outcome.value) changed_ = true;
    settings_ = std::move(outcome.value);
    return;
  }
  if (noAnswer(outcome.error)) {
    if (!down_) std::cerr << "kiosk: the booking system does not answer (" << api::catalogKey(outcome.error) << "); asking again by itself\n";
    down_ = true;
    nextAsk_ = lastTick_ + retry_;
    retry_ = std::min<std::chrono::seconds>(retry_ * 2, kRefresh);
    return;
  }
  // An answer, but not one to use: the last good settings stay.
  down_ = false;
  incidents_.report(IncidentKind::ConfigRefresh, std::string("configuration refresh refused: ") + std::string(api::catalogKey(outcome.error)));
  nextAsk_ = lastTick_ + kRefresh;
}

}  // namespace kiosk::app
