#include "kiosk/api/booking_api.h"

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
void BookingApi::call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode,
                      std::function<void(Outcome<T>)> done, bool confirmWrite) {
  // A write answered 2xx with a body that does not decode has happened, but we cannot show what:
  // ask again once with the same key — the server replays its stored answer — before giving up
  // with "outcome unknown".
  auto handle = std::make_shared<std::function<void(const HttpResult&, bool)>>();
  *handle = [this, request, decode, done, confirmWrite, handle](const HttpResult& result, bool retried) {
    Outcome<T> outcome;
    const auto problem = problemOf(result);
    outcome.error = classify(request, result, problem);
    if (problem && outcome.error == ApiError::SlotTaken) outcome.alternatives = problem->alternatives;
    if (outcome.error == ApiError::None) {
      auto decoded = decode(result.body);
      if (auto* value = std::get_if<T>(&decoded)) {
        outcome.value = std::move(*value);
      } else if (confirmWrite && !retried) {
        client_.submit(session_, request, [handle](const HttpResult& again) { (*handle)(again, true); });
        return;
      } else {
        outcome.error = confirmWrite ? ApiError::OutcomeUnknown : ApiError::InvalidReply;
      }
    }
    done(std::move(outcome));
  };
  client_.submit(session_, request, [handle](const HttpResult& result) { (*handle)(result, false); });
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
    done(LoginPoll::Failed, classify(same, result, std::nullopt));
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

void BookingApi::createBooking(const NewBooking& booking, const std::string& key, std::function<void(Outcome<domain::Booking>)> done) {
  json body = {{"slot_id", booking.slotId}, {"topics", booking.topics}, {"contact_form", formName(booking.contactForm)}};
  if (!booking.wishes.empty()) body["wishes"] = booking.wishes;
  if (!booking.interpreterLanguage.empty()) body["interpreter"] = {{"language", booking.interpreterLanguage}};
  HttpRequest r = jsonRequest("POST", "/api/v1/bookings", body, token_);
  r.idempotencyKey = key;
  call<domain::Booking>(r, decodeBooking, std::move(done), true);
}

void BookingApi::moveBooking(const std::string& bookingId, const std::string& slotId, const std::string& key,
                             std::function<void(Outcome<domain::Booking>)> done) {
  HttpRequest r = jsonRequest("POST", "/api/v1/bookings/" + urlEncode(bookingId) + "/move", {{"slot_id", slotId}}, token_);
  r.idempotencyKey = key;
  call<domain::Booking>(r, decodeBooking, std::move(done), true);
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
  client_.submit(session_, r, [done](const HttpResult&) {
    if (done) done();
  });
}

}  // namespace kiosk::api
