#include "kiosk/api/booking_api.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <random>

#include "kiosk/api/decode.h"

namespace kiosk::api {
namespace {

using nlohmann::json;

const char* formName(domain::ContactForm f) {
  switch (f) {
    case domain::ContactForm::InPerson: return "in_person";
    case domain::ContactForm::Video: return "video";
    case domain::ContactForm::Phone: return "phone";
  }
  return "in_person";
}

std::string urlEncode(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::optional<domain::Problem> problemOf(const HttpResult& r) {
  if (r.transport != Transport::Ok || r.status < 400) return std::nullopt;
  auto decoded = decodeProblem(r.body);
  if (auto* p = std::get_if<domain::Problem>(&decoded)) return *p;
  return std::nullopt;
}

const char* howName(domain::HowApplied how) {
  switch (how) {
    case domain::HowApplied::OnlineForm: return "online_form";
    case domain::HowApplied::Email: return "email";
    case domain::HowApplied::InPerson: return "in_person";
    case domain::HowApplied::Phone: return "phone";
    case domain::HowApplied::Unsolicited: return "unsolicited";
  }
  return "online_form";
}

HttpRequest getRequest(const std::string& path, const std::string& token) {
  HttpRequest r;
  r.path = path;
  r.bearerToken = token;
  return r;
}

HttpRequest jsonRequest(const std::string& method, const std::string& path, const json& body, const std::string& token) {
  HttpRequest r;
  r.method = method;
  r.path = path;
  r.body = body.dump();
  r.contentType = "application/json";
  r.bearerToken = token;
  return r;
}

}  // namespace

std::string BookingApi::newIdempotencyKey() {
  std::random_device device;
  char key[40];
  std::snprintf(key, sizeof key, "%08x-%08x-%08x-%08x", device(), device(), device(), device());
  return key;
}

template <typename T>
void BookingApi::call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode, Answered<T> done,
                      bool confirmWrite) {
  // A write answered 2xx with a body that does not decode has happened, but we cannot show what:
  // ask again once with the same key — the server replays its stored answer — before giving up
  // with "outcome unknown".
  // The handler owns nothing of itself: the client's callback holds the one strong reference, so
  // the handler (and its copy of the request, with the citizen's token) goes when the answer has
  // been handled or dropped. A handler that held itself would never be freed.
  auto handle = std::make_shared<std::function<void(const HttpResult&, bool)>>();
  std::weak_ptr<std::function<void(const HttpResult&, bool)>> self = handle;
  *handle = [this, request, decode, done, confirmWrite, self](const HttpResult& result, bool retried) {
    Outcome<T> outcome;
    const auto problem = problemOf(result);
    outcome.error = classify(request, result, problem);
    if (incident_ && isIncident(outcome.error)) incident_(outcome.error);
    if (outcome.error == ApiError::None) {
      auto decoded = decode(result.body);
      if (auto* value = std::get_if<T>(&decoded)) {
        outcome.value = std::move(*value);
      } else if (confirmWrite && !retried) {
        client_.submit(session_, request, [handle = self.lock()](const HttpResult& again) { (*handle)(again, true); });
        return;
      } else {
        outcome.error = confirmWrite ? ApiError::OutcomeUnknown : ApiError::InvalidReply;
      }
    }
    done(std::move(outcome), problem);
  };
  client_.submit(session_, request, [handle](const HttpResult& result) { (*handle)(result, false); });
}

template <typename T>
void BookingApi::call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode,
                      std::function<void(Outcome<T>)> done, bool confirmWrite) {
  call<T>(std::move(request), std::move(decode),
          Answered<T>([done = std::move(done)](Outcome<T> outcome, const std::optional<domain::Problem>&) { done(std::move(outcome)); }),
          confirmWrite);
}

void BookingApi::callBooking(HttpRequest request, std::function<void(BookingOutcome)> done) {
  call<domain::Booking>(
      std::move(request), decodeBooking,
      Answered<domain::Booking>([done = std::move(done)](Outcome<domain::Booking> outcome, const std::optional<domain::Problem>& problem) {
        BookingOutcome booking;
        static_cast<Outcome<domain::Booking>&>(booking) = std::move(outcome);
        if (problem && booking.error == ApiError::SlotTaken) booking.alternatives = problem->alternatives;
        if (problem && booking.error == ApiError::BookingLimitReached) booking.existingBookings = problem->bookingIds;
        done(std::move(booking));
      }),
      true);
}

void BookingApi::startDeviceLogin(std::function<void(Outcome<domain::DeviceAuthorization>)> done) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/auth/device";
  r.contentType = "application/x-www-form-urlencoded";
  r.body = "client_id=" + urlEncode(client_.config().kioskId);
  call<domain::DeviceAuthorization>(r, decodeDeviceAuthorization, std::move(done), false);
}

void BookingApi::pollDeviceLogin(const std::string& deviceCode, std::function<void(LoginPoll, ApiError)> done) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/api/v1/auth/token";
  r.contentType = "application/x-www-form-urlencoded";
  r.body = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=" + urlEncode(deviceCode) +
           "&client_id=" + urlEncode(client_.config().kioskId);
  r.budget = std::chrono::milliseconds(8000);
  client_.submit(session_, r, [this, done](const HttpResult& result) {
    if (result.transport == Transport::Ok && result.status == 200) {
      auto token = decodeToken(result.body);
      if (auto* t = std::get_if<domain::Token>(&token)) {
        token_ = t->accessToken;
        return done(LoginPoll::LoggedIn, ApiError::None);
      }
      return done(LoginPoll::Failed, ApiError::InvalidReply);
    }
    if (result.transport == Transport::Ok && result.status == 400) {
      auto code = decodeOAuthError(result.body);
      if (auto* c = std::get_if<std::string>(&code)) {
        if (*c == "authorization_pending") return done(LoginPoll::Pending, ApiError::None);
        if (*c == "slow_down") return done(LoginPoll::SlowDown, ApiError::None);
        if (*c == "expired_token") return done(LoginPoll::Expired, ApiError::None);
        if (*c == "access_denied") return done(LoginPoll::Denied, ApiError::None);
        return done(LoginPoll::Expired, ApiError::None);  // invalid_grant: the code is gone; start again
      }
    }
    HttpRequest same;
    same.method = "POST";
    const ApiError error = classify(same, result, std::nullopt);
    if (incident_ && isIncident(error)) incident_(error);
    done(LoginPoll::Failed, error);
  });
}

void BookingApi::citizenSummary(std::function<void(Outcome<domain::CitizenSummary>)> done) {
  HttpRequest r;
  r.path = "/api/v1/citizen/summary";
  r.bearerToken = token_;
  call<domain::CitizenSummary>(r, decodeCitizenSummary, std::move(done), false);
}

void BookingApi::freeSlots(const SlotQuery& query, std::function<void(Outcome<std::vector<domain::Slot>>)> done) {
  HttpRequest r;
  r.path = "/api/v1/slots?limit=" + std::to_string(query.limit);
  if (!query.topic.empty()) r.path += "&topic=" + urlEncode(query.topic);
  if (!query.consultantId.empty()) r.path += "&consultant=" + urlEncode(query.consultantId);
  if (query.contactForm) r.path += std::string("&contact_form=") + formName(*query.contactForm);
  r.bearerToken = token_;
  call<std::vector<domain::Slot>>(r, decodeSlots, std::move(done), false);
}

void BookingApi::createBooking(const NewBooking& booking, const std::string& key, std::function<void(BookingOutcome)> done) {
  json body = {{"slot_id", booking.slotId}, {"topics", booking.topics}, {"contact_form", formName(booking.contactForm)}};
  if (!booking.wishes.empty()) body["wishes"] = booking.wishes;
  if (!booking.interpreterLanguage.empty()) body["interpreter"] = {{"language", booking.interpreterLanguage}};
  HttpRequest r = jsonRequest("POST", "/api/v1/bookings", body, token_);
  r.idempotencyKey = key;
  callBooking(r, std::move(done));
}

void BookingApi::moveBooking(const std::string& bookingId, const std::string& slotId, const std::string& key,
                             std::function<void(BookingOutcome)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/bookings/" + urlEncode(bookingId) + "/move", {{"slot_id", slotId}}, token_);
  r.idempotencyKey = key;
  callBooking(r, std::move(done));
}

void BookingApi::cancelBooking(const std::string& bookingId, const std::string& key, std::function<void(Outcome<domain::Booking>)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/bookings/" + urlEncode(bookingId) + "/cancel", json::object(), token_);
  r.idempotencyKey = key;
  call<domain::Booking>(r, decodeBooking, std::move(done), true);
}

void BookingApi::logout(std::function<void()> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/auth/logout", json::object(), token_);
  r.budget = std::chrono::milliseconds(3000);
  token_.clear();
  // Detached: the session is forgotten right after this, and that must not cancel its revocation.
  client_.submit(kDetachedSession, r, [done](const HttpResult&) {
    if (done) done();
  });
}

// [SECTION] Booking choices and the citizen's bookings

void BookingApi::topics(std::function<void(Outcome<std::vector<domain::Topic>>)> done) {
  call<std::vector<domain::Topic>>(getRequest("/api/v1/topics", token_), decodeTopics, std::move(done), false);
}

void BookingApi::demoCitizens(std::function<void(Outcome<std::vector<domain::DemoCitizen>>)> done) {
  call<std::vector<domain::DemoCitizen>>(getRequest("/demo/citizens", {}), decodeDemoCitizens, std::move(done), false);
}

void BookingApi::consultants(std::function<void(Outcome<std::vector<domain::Consultant>>)> done) {
  call<std::vector<domain::Consultant>>(getRequest("/api/v1/consultants", token_), decodeConsultants, std::move(done), false);
}

void BookingApi::bookingPolicy(std::function<void(Outcome<domain::BookingPolicy>)> done) {
  call<domain::BookingPolicy>(getRequest("/api/v1/policy", token_), decodeBookingPolicy, std::move(done), false);
}

void BookingApi::kioskConfig(std::function<void(Outcome<domain::JobcenterSettings>)> done) {
  call<domain::JobcenterSettings>(getRequest("/api/v1/kiosk/config", {}), decodeKioskConfig, std::move(done), false);
}

void BookingApi::bookings(std::function<void(Outcome<std::vector<domain::Booking>>)> done) {
  call<std::vector<domain::Booking>>(getRequest("/api/v1/bookings", token_), decodeBookings, std::move(done), false);
}

void BookingApi::savePreferences(const domain::Preferences& preferences, std::function<void(Outcome<domain::Preferences>)> done) {
  // A PUT replaces the whole record; the contract gives it no Idempotency-Key, so it is not repeated
  // once it may have arrived (an answer lost on the way is "outcome unknown").
  const json body = {{"opted_in", preferences.optedIn}, {"language", preferences.language}, {"text_size", preferences.textSize},
                     {"contrast", preferences.highContrast ? "high" : "normal"}, {"read_aloud", preferences.readAloud}};
  call<domain::Preferences>(jsonRequest("PUT", "/api/v1/citizen/preferences", body, token_), decodePreferences, std::move(done), false);
}

// [SECTION] Activities

void BookingApi::activities(std::function<void(Outcome<std::vector<domain::Activity>>)> done) {
  call<std::vector<domain::Activity>>(getRequest("/api/v1/activities", token_), decodeActivities, std::move(done), false);
}

void BookingApi::registerForActivity(const std::string& activityId, const std::string& key, std::function<void(Outcome<bool>)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/activities/" + urlEncode(activityId) + "/registrations", json::object(), token_);
  r.idempotencyKey = key;
  auto decode = [activityId](std::string_view body) -> Decoded<bool> {
    auto decoded = decodeActivityRegistration(body);
    if (auto* e = std::get_if<DecodeError>(&decoded)) return *e;
    if (std::get<domain::ActivityRegistration>(decoded).activityId != activityId) return DecodeError{"activity_id", "not the activity asked for"};
    return true;
  };
  call<bool>(r, decode, std::move(done), true);
}

void BookingApi::unregisterFromActivity(const std::string& activityId, std::function<void(Outcome<bool>)> done) {
  HttpRequest r;
  r.method = "DELETE";
  r.path = "/api/v1/activities/" + urlEncode(activityId) + "/registrations/me";
  r.bearerToken = token_;
  client_.submit(session_, r, [r, done](const HttpResult& result) {
    Outcome<bool> outcome;
    outcome.error = classify(r, result, problemOf(result));
    // DELETE is repeated after a lost answer (see safeToRepeat): a 404 on a later attempt means an
    // earlier one removed the registration, which is what the citizen asked for.
    if (outcome.error == ApiError::NotFound && result.attempts > 1) outcome.error = ApiError::None;
    if (outcome.error == ApiError::None) outcome.value = true;
    done(std::move(outcome));
  });
}

// [SECTION] Job log and feedback

void BookingApi::joblog(std::function<void(Outcome<domain::Joblog>)> done) {
  call<domain::Joblog>(getRequest("/api/v1/joblog", token_), decodeJoblog, std::move(done), false);
}

void BookingApi::addJoblogEntry(const domain::JoblogEntry& entry, const std::string& key, std::function<void(Outcome<domain::JoblogEntry>)> done) {
  json body = {{"kind", entry.kind == domain::JoblogKind::Application ? "application" : "other"}, {"date", entry.date}};
  if (entry.jobTitle) body["job_title"] = *entry.jobTitle;
  if (entry.employer) {
    body["employer"] = {{"name", entry.employer->name}};
    if (!entry.employer->address.empty()) body["employer"]["address"] = entry.employer->address;
  }
  if (entry.how) body["how"] = howName(*entry.how);
  if (entry.description) body["description"] = *entry.description;
  HttpRequest r = jsonRequest("POST", "/api/v1/joblog", body, token_);
  r.idempotencyKey = key;
  call<domain::JoblogEntry>(r, decodeJoblogEntry, std::move(done), true);
}

void BookingApi::sendFeedback(const std::string& bookingId, int rating, const std::string& key, std::function<void(Outcome<bool>)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/feedback", {{"booking_id", bookingId}, {"rating", rating}}, token_);
  r.idempotencyKey = key;
  auto decode = [bookingId, rating](std::string_view body) -> Decoded<bool> {
    auto decoded = decodeFeedback(body);
    if (auto* e = std::get_if<DecodeError>(&decoded)) return *e;
    const auto& feedback = std::get<domain::Feedback>(decoded);
    if (feedback.bookingId != bookingId || feedback.rating != rating) return DecodeError{"booking_id", "not the rating sent"};
    return true;
  };
  call<bool>(r, decode, std::move(done), true);
}

// [SECTION] Without a citizen login: check-in, staff, help
// These carry no citizen token: whoever stands at the kiosk is not logged in (or is staff).

void BookingApi::checkInByCode(const std::string& bookingCode, std::function<void(Outcome<domain::CheckIn>)> done) {
  call<domain::CheckIn>(jsonRequest("POST", "/api/v1/check-ins", {{"booking_code", bookingCode}}, ""), decodeCheckIn, std::move(done), false);
}

void BookingApi::checkInByCpr(const std::string& cpr, std::function<void(Outcome<domain::CheckIn>)> done) {
  call<domain::CheckIn>(jsonRequest("POST", "/api/v1/check-ins", {{"cpr", cpr}}, ""), decodeCheckIn, std::move(done), false);
}

void BookingApi::helpRequest(const HelpCall& help, const std::string& key, std::function<void(Outcome<domain::HelpRequest>)> done) {
  json body = {{"reason", helpReasonName(help.reason)}};
  if (!help.language.empty()) body["language"] = help.language;
  if (!help.errandFlow.empty()) {
    body["errand"] = {{"flow", help.errandFlow}};
    if (!help.meetingDate.empty()) body["errand"]["meeting_date"] = help.meetingDate;
  }
  if (help.staffPresent) body["staff_present"] = true;
  HttpRequest r = jsonRequest("POST", "/api/v1/help-requests", body, "");
  r.idempotencyKey = key;
  call<domain::HelpRequest>(r, decodeHelpRequest, std::move(done), true);
}

void BookingApi::helpRequestStatus(const std::string& id, std::function<void(Outcome<domain::HelpRequest>)> done) {
  call<domain::HelpRequest>(getRequest("/api/v1/help-requests/" + urlEncode(id), ""), decodeHelpRequest, std::move(done), false);
}

void BookingApi::staffLogin(const std::string& staffNumber, const std::string& pin, std::function<void(Outcome<domain::StaffSession>)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/auth/staff", {{"staff_number", staffNumber}, {"pin", pin}}, "");
  // Short: a locked staff number answers 429 with Retry-After: 300, which is for staff to hear at
  // once, not for the kiosk to sit out.
  r.budget = std::chrono::milliseconds(8000);
  call<domain::StaffSession>(r, decodeStaffSession, [this, done](Outcome<domain::StaffSession> outcome) {
    // Here 401 is the server refusing the number and PIN, not an ended session.
    if (outcome.error == ApiError::SessionExpired) outcome.error = ApiError::WrongCredentials;
    if (outcome.ok()) staffToken_ = outcome.value->accessToken;
    done(std::move(outcome));
  }, false);
}

void BookingApi::assistedCitizenLogin(const std::string& cpr, std::function<void(Outcome<bool>)> done) {
  call<domain::Token>(jsonRequest("POST", "/api/v1/auth/assisted-citizen", {{"cpr", cpr}}, staffToken_), decodeAssistedToken,
                      [this, done](Outcome<domain::Token> token) {
                        Outcome<bool> outcome;
                        outcome.error = token.error;
                        if (token.ok()) {
                          token_ = token.value->accessToken;
                          outcome.value = true;
                        }
                        done(std::move(outcome));
                      }, false);
}

const char* helpReasonName(domain::HelpReason reason) {
  switch (reason) {
    case domain::HelpReason::Interpreter: return "interpreter";
    case domain::HelpReason::CannotRead: return "cannot_read";
    case domain::HelpReason::PhysicalHelp: return "physical_help";
    case domain::HelpReason::Other: return "other";
    case domain::HelpReason::TooLateToChange: return "too_late_to_change";
  }
  return "other";
}

}  // namespace kiosk::api
