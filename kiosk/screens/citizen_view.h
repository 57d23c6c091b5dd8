#pragma once
// What screens may know about the citizen at the kiosk: how the phone login is going and, once
// logged in, their summary. Owned by the app's CitizenSession; screens only read it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/api/api_error.h"
#include "kiosk/domain/booking_types.h"
#include "kiosk/ui/qr_code.h"

namespace kiosk::screens {

enum class LoginStage { Idle, Starting, WaitingForPhone, FetchingSummary, LoggedIn, Expired, Denied, Failed };

struct CitizenView {
  bool apiAvailable = false;  // a booking system is configured
  LoginStage stage = LoginStage::Idle;
  std::string userCode, verificationUri;
  ui::QrMatrix qr;            // of verification_uri_complete
  api::ApiError error = api::ApiError::None;
  std::optional<domain::CitizenSummary> summary;
  // Demo only: the invented citizens the demo phone can log in as (id, name).
  std::vector<std::pair<std::string, std::string>> demoCitizens;
};

}  // namespace kiosk::screens
