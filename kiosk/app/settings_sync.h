#pragma once
// Keeps the jobcenter's settings (/kiosk/config) fresh: asks at start and every five minutes, on
// the HTTP client's worker (the answer is handled in drain(), on the UI thread). While the
// booking system does not answer it asks again sooner, backing off from 15 s to five minutes,
// and says so (down()), so the menu can be honest without a citizen logging in first. A refused
// or malformed answer keeps the last good settings and is an incident in the log.

#include <chrono>
#include <optional>
#include <utility>

#include "kiosk/api/booking_api.h"
#include "kiosk/app/incidents.h"
#include "kiosk/domain/jobcenter_settings.h"

namespace kiosk::app {

class SettingsSync {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::minutes kRefresh{5};
  static constexpr std::chrono::seconds kFirstRetry{15};

  // incidents: where a refused refresh is reported (the log, and the heartbeat's counts).
  SettingsSync(api::HttpClient& client, Incidents& incidents);
  ~SettingsSync();
  SettingsSync(const SettingsSync&) = delete;
  SettingsSync& operator=(const SettingsSync&) = delete;

  void tick(Clock::time_point now);  // asks when it is time (UI thread)
  // True once after settings arrived that differ from the ones before.
  bool takeChanged() { return std::exchange(changed_, false); }
  const std::optional<domain::JobcenterSettings>& settings() const { return settings_; }

  bool down() const { return down_; }  // the last question got no answer (the network, the server)
  bool waiting() const { return asking_; }
  std::optional<Clock::time_point> nextWakeup() const { return asking_ ? std::nullopt : std::optional(nextAsk_); }
  // For the admin screen.
  std::optional<std::chrono::milliseconds> roundTrip() const { return roundTrip_; }
  bool pinMatched() const { return pinMatched_; }
  std::optional<Clock::time_point> fetchedAt() const { return fetchedAt_; }

 private:
  void answered(api::Outcome<domain::JobcenterSettings> outcome, Clock::time_point asked);

  api::HttpClient& client_;
  Incidents& incidents_;
  api::BookingApi api_;
  std::optional<domain::JobcenterSettings> settings_;
  bool changed_ = false, down_ = false, asking_ = false, pinMatched_ = false;
  Clock::time_point nextAsk_{};  // the epoch: at once
  Clock::time_point lastTick_{};
  std::chrono::seconds retry_ = kFirstRetry;
  std::optional<std::chrono::milliseconds> roundTrip_;
  std::optional<Clock::time_point> fetchedAt_;
};

}  // namespace kiosk::app
