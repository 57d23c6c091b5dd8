#pragma once
// Strict decoding of the booking API's JSON into domain types. Every field is checked for type,
// presence, size and range; anything malformed, oversized or out of range is a DecodeError naming
// the field — never a crash and never a half-filled value. Unknown extra fields are ignored, so a
// newer server stays compatible.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/jobcenter_settings.h"
#include "kiosk/domain/demo_citizen.h"

namespace kiosk::api {

struct DecodeError {
  std::string field;   // e.g. "slots[3].start"
  std::string reason;  // e.g. "not a date-time"
};

template <typename T>
using Decoded = std::variant<T, DecodeError>;

inline constexpr size_t kMaxBodyBytes = 1u << 20;

Decoded<domain::Booking> decodeBooking(std::string_view body);
Decoded<std::vector<domain::Slot>> decodeSlots(std::string_view body);
Decoded<domain::Problem> decodeProblem(std::string_view body);
Decoded<domain::DeviceAuthorization> decodeDeviceAuthorization(std::string_view body);
Decoded<domain::Token> decodeToken(std::string_view body);
Decoded<std::string> decodeOAuthError(std::string_view body);  // the "error" code
Decoded<domain::CitizenSummary> decodeCitizenSummary(std::string_view body);

// Booking choices and the citizen's bookings
Decoded<std::vector<domain::Topic>> decodeTopics(std::string_view body);
Decoded<std::vector<domain::Consultant>> decodeConsultants(std::string_view body);
Decoded<domain::BookingPolicy> decodeBookingPolicy(std::string_view body);
// Only a demo jobcenter answers GET /demo/citizens.
Decoded<std::vector<domain::DemoCitizen>> decodeDemoCitizens(std::string_view body);
Decoded<std::vector<domain::Booking>> decodeBookings(std::string_view body);
Decoded<domain::Preferences> decodePreferences(std::string_view body);
// Activities
Decoded<std::vector<domain::Activity>> decodeActivities(std::string_view body);
Decoded<domain::ActivityRegistration> decodeActivityRegistration(std::string_view body);
// Job log and feedback
Decoded<domain::Joblog> decodeJoblog(std::string_view body);
Decoded<domain::JoblogEntry> decodeJoblogEntry(std::string_view body);
Decoded<domain::Feedback> decodeFeedback(std::string_view body);
// Without a citizen login
Decoded<domain::CheckIn> decodeCheckIn(std::string_view body);
Decoded<domain::HelpRequest> decodeHelpRequest(std::string_view body);
Decoded<domain::StaffSession> decodeStaffSession(std::string_view body);
Decoded<domain::Token> decodeAssistedToken(std::string_view body);  // a citizen token with scope "citizen assisted"
// The kiosk's own settings from its jobcenter
Decoded<domain::JobcenterSettings> decodeKioskConfig(std::string_view body);

// RFC 3339 with a mandatory offset ("2026-11-23T09:00:00+01:00" or "...Z"); nullopt if not.
std::optional<int64_t> parseRfc3339(std::string_view text);

}  // namespace kiosk::api
