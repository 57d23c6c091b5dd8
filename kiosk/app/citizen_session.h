#pragma once
// The citizen at the kiosk, from login to logout: runs the phone login (device grant: start,
// poll at the server's interval, expire), fetches the summary, and forgets everything — at the
// server (token revoked) and here (memory overwritten) — on logout, start over or idle timeout.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/api/booking_api.h"
#include "kiosk/screens/citizen_view.h"

namespace kiosk::app {

class CitizenSession {
 public:
  using Clock = std::chrono::steady_clock;
  using DemoCitizens = std::vector<std::pair<std::string, std::string>>;

  CitizenSession(api::HttpClient& client, DemoCitizens demoCitizens);
  ~CitizenSession();

  const screens::CitizenView& view() const { return view_; }
  bool loggedIn() const { return view_.stage == screens::LoginStage::LoggedIn; }

  void startLogin(Clock::time_point now);
  void cancelLogin();
  void tick(Clock::time_point now);  // polls the login when its interval has passed
  std::optional<Clock::time_point> nextWakeup() const;
  bool waiting() const;  // a request in flight or a poll due: time must pass at its real pace

  void demoApprove(const std::string& citizenId);  // demo only: what the citizen's phone would do
  void logout();                                    // revoke at the server, then forget

 private:
  void forget();
  void fetchSummary();

  api::HttpClient& client_;
  api::SessionId id_;
  std::unique_ptr<api::BookingApi> api_;
  screens::CitizenView view_;
  std::string deviceCode_;
  Clock::time_point nextPoll_{}, expiresAt_{};
  Clock::time_point lastTick_{};  // the frame time: one clock for every timer here
  int interval_ = 5;
  bool pollInFlight_ = false;
};

}  // namespace kiosk::app
