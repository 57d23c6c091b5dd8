#pragma once
// The booking API as the screens see it: typed calls that answer with plain structs and an
// ApiError, on the UI thread (through HttpClient::drain). Screens never see JSON or curl.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/api/api_error.h"
#include "kiosk/api/decode.h"
#include "kiosk/api/http_client.h"

namespace kiosk::api {

template <typename T>
struct Outcome {
  ApiError error = ApiError::None;
  std::optional<T> value;
  bool ok() const { return error == ApiError::None && value.has_value(); }
};

// A booking or a move answers with more than an error when it is refused: what the citizen can
// do instead.
struct BookingOutcome : Outcome<domain::Booking> {
  std::vector<domain::Slot> alternatives;     // with SlotTaken: the nearest free times
  std::vector<std::string> existingBookings;  // with BookingLimitReached: the citizen's bookings, to offer moving one
};

struct NewBooking {
  std::string slotId;
  std::vector<std::string> topics;
  domain::ContactForm contactForm = domain::ContactForm::InPerson;
  std::string wishes;               // empty: none
  std::string interpreterLanguage;  // empty: no interpreter
};

// A help reason as the contract names it ("interpreter", "too_late_to_change", ...): the help
// call and the usage events say it alike.
const char* helpReasonName(domain::HelpReason reason);

// A call for staff: why, in which language, and what the citizen was doing (so staff come knowing).
struct HelpCall {
  domain::HelpReason reason = domain::HelpReason::Other;
  std::string language;      // empty: not said
  std::string errandFlow;    // "cancel", "move", "book"...; empty: none
  std::string meetingDate;   // YYYY-MM-DD of the meeting the errand is about; empty: none
  bool staffPresent = false; // co-service: a staff member was already at the kiosk
};

struct SlotQuery {
  std::string topic, consultantId;
  std::optional<domain::ContactForm> contactForm;
  int limit = 50;
};

// RFC 8628 polling answer.
enum class LoginPoll { Pending, SlowDown, Expired, Denied, LoggedIn, Failed };

class BookingApi {
 public:
  // incident: told of every answer that staff must look into (isIncident: the server's
  // certificate or pin did not match), as it arrives; the citizen is told too, by the outcome.
  using IncidentSink = std::function<void(ApiError)>;
  BookingApi(HttpClient& client, SessionId session, IncidentSink incident = {})
      : client_(client), session_(session), incident_(std::move(incident)) {}

  void setToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }

  void startDeviceLogin(std::function<void(Outcome<domain::DeviceAuthorization>)> done);
  void pollDeviceLogin(const std::string& deviceCode, std::function<void(LoginPoll, ApiError)> done);
  void citizenSummary(std::function<void(Outcome<domain::CitizenSummary>)> done);
  void freeSlots(const SlotQuery& query, std::function<void(Outcome<std::vector<domain::Slot>>)> done);
  // key: created when the citizen pressed confirm; the same key on every try of this booking.
  void createBooking(const NewBooking& booking, const std::string& key, std::function<void(BookingOutcome)> done);
  void moveBooking(const std::string& bookingId, const std::string& slotId, const std::string& key,
                   std::function<void(BookingOutcome)> done);
  void cancelBooking(const std::string& bookingId, const std::string& key, std::function<void(Outcome<domain::Booking>)> done);
  void logout(std::function<void()> done);

  // [SECTION] Booking choices and the citizen's bookings
  void topics(std::function<void(Outcome<std::vector<domain::Topic>>)> done);
  void consultants(std::function<void(Outcome<std::vector<domain::Consultant>>)> done);
  void bookingPolicy(std::function<void(Outcome<domain::BookingPolicy>)> done);
  void bookings(std::function<void(Outcome<std::vector<domain::Booking>>)> done);  // upcoming and recent
  void savePreferences(const domain::Preferences& preferences, std::function<void(Outcome<domain::Preferences>)> done);

  // [SECTION] Activities
  void activities(std::function<void(Outcome<std::vector<domain::Activity>>)> done);
  void registerForActivity(const std::string& activityId, const std::string& key, std::function<void(Outcome<bool>)> done);
  void unregisterFromActivity(const std::string& activityId, std::function<void(Outcome<bool>)> done);

  // [SECTION] Job log and feedback
  void joblog(std::function<void(Outcome<domain::Joblog>)> done);
  void addJoblogEntry(const domain::JoblogEntry& entry, const std::string& key, std::function<void(Outcome<domain::JoblogEntry>)> done);
  // rating: 1 not good, 2 ok, 3 good.
  void sendFeedback(const std::string& bookingId, int rating, const std::string& key, std::function<void(Outcome<bool>)> done);

  // [SECTION] Without a citizen login: check-in, staff, help
  void checkInByCode(const std::string& bookingCode, std::function<void(Outcome<domain::CheckIn>)> done);
  void checkInByCpr(const std::string& cpr, std::function<void(Outcome<domain::CheckIn>)> done);
  void helpRequest(const HelpCall& call, const std::string& key, std::function<void(Outcome<domain::HelpRequest>)> done);
  // How this kiosk's call stands (taken, and by whom): asked every few seconds while it is open.
  void helpRequestStatus(const std::string& id, std::function<void(Outcome<domain::HelpRequest>)> done);
  // Staff co-service: 401 is WrongCredentials, 429 ServerBusy. On success the staff token is kept
  // apart from the citizen's: assistedCitizenLogin uses it and, on success, sets the citizen token.
  void staffLogin(const std::string& staffNumber, const std::string& pin, std::function<void(Outcome<domain::StaffSession>)> done);
  void assistedCitizenLogin(const std::string& cpr, std::function<void(Outcome<bool>)> done);
  void setStaffToken(std::string token) { staffToken_ = std::move(token); }
  const std::string& staffToken() const { return staffToken_; }

  // [SECTION] The kiosk itself
  // The jobcenter's settings for this kiosk (/kiosk/config); needs no login.
  void kioskConfig(std::function<void(Outcome<domain::JobcenterSettings>)> done);
  // [SECTION] Only on a demo jobcenter: its invented citizens (NotFound elsewhere)
  void demoCitizens(std::function<void(Outcome<std::vector<domain::DemoCitizen>>)> done);

  // A fresh idempotency key (random, 128 bits).
  static std::string newIdempotencyKey();

 private:
  // problem: the server's problem document, when the answer was one (what a refusal offers).
  template <typename T>
  using Answered = std::function<void(Outcome<T>, const std::optional<domain::Problem>& problem)>;
  template <typename T>
  void call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode, Answered<T> done, bool confirmWrite);
  template <typename T>
  void call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode,
            std::function<void(Outcome<T>)> done, bool confirmWrite);
  void callBooking(HttpRequest request, std::function<void(BookingOutcome)> done);

  HttpClient& client_;
  SessionId session_;
  std::string token_;
  std::string staffToken_;
  IncidentSink incident_;
};

}  // namespace kiosk::api
