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
  std::vector<domain::Slot> alternatives;  // with SlotTaken
  bool ok() const { return error == ApiError::None && value.has_value(); }
};

struct NewBooking {
  std::string slotId;
  std::vector<std::string> topics;
  domain::ContactForm contactForm = domain::ContactForm::InPerson;
  std::string wishes;               // empty: none
  std::string interpreterLanguage;  // empty: no interpreter
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
  BookingApi(HttpClient& client, SessionId session) : client_(client), session_(session) {}

  void setToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }

  void startDeviceLogin(std::function<void(Outcome<domain::DeviceAuthorization>)> done);
  void pollDeviceLogin(const std::string& deviceCode, std::function<void(LoginPoll, ApiError)> done);
  void citizenSummary(std::function<void(Outcome<domain::CitizenSummary>)> done);
  void freeSlots(const SlotQuery& query, std::function<void(Outcome<std::vector<domain::Slot>>)> done);
  // key: created when the citizen pressed confirm; the same key on every try of this booking.
  void createBooking(const NewBooking& booking, const std::string& key, std::function<void(Outcome<domain::Booking>)> done);
  void moveBooking(const std::string& bookingId, const std::string& slotId, const std::string& key,
                   std::function<void(Outcome<domain::Booking>)> done);
  void cancelBooking(const std::string& bookingId, const std::string& key, std::function<void(Outcome<domain::Booking>)> done);
  void logout(std::function<void()> done);

  // A fresh idempotency key (random, 128 bits).
  static std::string newIdempotencyKey();

 private:
  template <typename T>
  void call(HttpRequest request, std::function<Decoded<T>(std::string_view)> decode,
            std::function<void(Outcome<T>)> done, bool confirmWrite);

  HttpClient& client_;
  SessionId session_;
  std::string token_;
};

}  // namespace kiosk::api
