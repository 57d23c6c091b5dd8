#pragma once
// The citizen at the kiosk, from login to logout: runs the phone login (device grant: start,
// poll at the server's interval, expire) or the staff-assisted one, fetches the summary, runs
// the errands the screens ask for, and forgets everything — at the server (tokens revoked) and
// here (memory overwritten) — on logout, start over or idle timeout.
//
// [SECTION] Files: citizen_session.cpp (login, logout, forgetting), citizen_errands.cpp
// (booking, moving, cancelling, activities, job log, feedback, preferences), citizen_desk.cpp
// (check-in, help from staff, co-service).

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/api/booking_api.h"
#include "kiosk/app/flow.h"
#include "kiosk/domain/calendar.h"
#include "kiosk/domain/preferences.h"
#include "kiosk/screens/citizen_view.h"
#include "kiosk/screens/screen.h"

namespace kiosk::app {

class CitizenSession {
 public:
  using Clock = std::chrono::steady_clock;
  using DemoCitizens = std::vector<std::pair<std::string, std::string>>;

  // incident: where the booking API reports what staff must look into (the operator's log).
  CitizenSession(api::HttpClient& client, DemoCitizens demoCitizens, api::BookingApi::IncidentSink incident = {});
  ~CitizenSession();

  const screens::CitizenView& view() const { return view_; }
  api::SessionId id() const { return id_; }  // changes whenever the citizen is forgotten
  bool loggedIn() const { return view_.stage == screens::LoginStage::LoggedIn; }

  void startLogin(Clock::time_point now);
  void cancelLogin();
  void tick(Clock::time_point now);  // polls the login when its interval has passed
  std::optional<Clock::time_point> nextWakeup() const;
  bool waiting() const;  // a request in flight or a poll due: time must pass at its real pace

  // The kiosk's settings now and as it starts for every citizen: the home screen offers to save
  // them when they differ (view().home). Kept when a citizen is forgotten: they are the kiosk's.
  void useSettings(const domain::KioskSettings& now, const domain::KioskSettings& atStart);
  // The app's wall clock (its own, which scripted runs control), given about once a minute:
  // the home screen says when the meeting is today, and free times say what could be changed
  // once booked.
  void setWallClock(domain::WallClock::time_point now);

  void demoApprove(const std::string& citizenId);  // demo only: what the citizen's phone would do
  void logout();                                    // revoke at the server, then forget

  // [SECTION] Errands (citizen_errands.cpp). Each write carries an idempotency key made when the
  // citizen first confirms that exact choice, and kept for every "try again" of it: a booking
  // that reached the server unanswered is replayed, never made twice.
  void prepare(screens::ScreenId screen);  // loads what that screen shows
  void beginErrand(screens::ScreenId service);  // an errand chosen anew starts fresh
  // What the booking system answered that moves the citizen on (Flow's LoggedIn, BookingDone,
  // JoblogSaved, StaffSignedIn), oldest first; each is taken once.
  std::vector<Event> takeEvents() { return std::exchange(events_, {}); }
  void startBooking();
  void toggleTopic(const std::string& topicId);
  void pickContactForm(domain::ContactForm form);
  void pickConsultant(const std::string& consultantId);
  void pickSlot(const domain::Slot& slot);
  void setWishes(const std::string& wishes, const std::string& interpreterLanguage);
  void confirmBooking();
  void moveExistingHere();  // the booking limit was reached: move the existing meeting to the chosen time
  void startMove(const std::string& bookingId);
  void startCancel(const std::string& bookingId);
  void confirmCancel();
  void signUp(const std::string& activityId);
  void cancelSignUp(const std::string& activityId);
  void startJoblogEntry(domain::JoblogKind kind);
  void updateJoblogDraft(const screens::JoblogDraft& draft);
  void saveJoblogEntry(const std::string& todayIso);
  void giveFeedback(int rating);
  void savePreferences(const domain::Preferences& preferences);
  void setPrinting(screens::CitizenView::Printing printing) { view_.printing = printing; }

  // [SECTION] At the desk (citizen_desk.cpp): no citizen login needed.
  void checkIn(const std::string& codeOrCpr);
  // Calls staff, saying what the citizen was doing; then asks every kHelpPoll whether someone
  // took the call, until someone did (view().helpTakenBy) or it was closed.
  void callStaff(domain::HelpReason reason, const std::string& language);
  static constexpr std::chrono::seconds kHelpPoll{4};
  void staffSignIn(const std::string& staffNumber, const std::string& pin);
  void assistCitizen(const std::string& cpr);

 private:
  void forget();
  void fetchSummary();
  void updateHome();  // view_.home, after anything it is decided from changed
  void loadSlots();
  // Asks, and keeps the answer in `into` once it arrives, after `keep` (a domain rule applied
  // to it once, so screens only read the result).
  template <typename T, typename Call, typename Keep = std::identity>
  void load(screens::Remote<T>& into, Call&& call, Keep keep = {});
  // Done only when the server confirmed; otherwise what went wrong, for the screen to say.
  template <typename T>
  static void finishWrite(screens::Write& write, const api::Outcome<T>& outcome) {
    write.error = outcome.error;
    write.stage = outcome.ok() ? screens::Write::Stage::Done : screens::Write::Stage::Failed;
  }
  void changedDraft() { bookingKey_.clear(); }

  api::HttpClient& client_;
  api::BookingApi::IncidentSink incident_;
  api::SessionId id_;
  std::unique_ptr<api::BookingApi> api_;
  screens::CitizenView view_;
  std::string deviceCode_;
  Clock::time_point nextPoll_{}, expiresAt_{};
  domain::WallClock::time_point wallNow_{};
  std::string today_;  // wallNow_'s Copenhagen date
  Clock::time_point lastTick_{};  // the frame time: one clock for every timer here
  int interval_ = 5;
  bool pollInFlight_ = false;
  // The open help call, watched until someone takes it (citizen_desk.cpp).
  std::string helpId_;
  Clock::time_point nextHelpPoll_{};
  bool helpPollInFlight_ = false;
  void watchHelp(Clock::time_point now);
  api::HelpCall helpCall(domain::HelpReason reason, const std::string& language) const;
  std::string bookingKey_, cancelKey_, joblogKey_, feedbackKey_, helpKey_;
  domain::KioskSettings settings_, settingsAtStart_;
  std::vector<Event> events_;
};

}  // namespace kiosk::app
