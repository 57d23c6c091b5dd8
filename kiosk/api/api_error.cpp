#include "kiosk/api/api_error.h"

namespace kiosk::api {

std::string_view catalogKey(ApiError error) {
  switch (error) {
    case ApiError::None: return "";
    case ApiError::Offline: return "error.offline";
    case ApiError::ServerBusy: return "error.server_busy";
    case ApiError::SessionExpired: return "error.session_expired";
    case ApiError::SlotTaken: return "error.slot_taken";
    case ApiError::TooLateToMove: return "error.too_late_to_move";
    case ApiError::TooLateToCancel: return "error.too_late_to_cancel";
    case ApiError::ActivityFull: return "error.activity_full";
    case ApiError::AlreadyRegistered: return "error.already_registered";
    case ApiError::NotFound: return "error.not_found";
    case ApiError::CertificateProblem: return "error.certificate";
    case ApiError::OutcomeUnknown: return "error.outcome_unknown";
    case ApiError::InvalidReply: return "error.invalid_reply";
    case ApiError::Rejected: return "error.rejected";
    case ApiError::ServerError: return "error.server_error";
    case ApiError::WrongCredentials: return "error.wrong_credentials";
    case ApiError::BookingLimitReached: return "error.booking_limit";
    case ApiError::TooManyAttempts: return "error.too_many_attempts";
  }
  return "error.server_error";
}

bool isIncident(ApiError error) { return error == ApiError::CertificateProblem; }

ApiError classify(const HttpRequest& request, const HttpResult& result, const std::optional<domain::Problem>& problem) {
  const bool write = request.method != "GET";
  switch (result.transport) {
    case Transport::Ok: break;
    case Transport::Offline: return ApiError::Offline;
    case Transport::Timeout:
    case Transport::ConnectionLost: return write && result.mayHaveArrived ? ApiError::OutcomeUnknown : ApiError::Offline;
    case Transport::CertificateRefused:
    case Transport::TlsFailed:
    case Transport::Refused: return ApiError::CertificateProblem;
    case Transport::TooLarge: return write ? ApiError::OutcomeUnknown : ApiError::InvalidReply;
    case Transport::Cancelled: return ApiError::None;
  }
  const long status = result.status;
  if (status >= 200 && status < 300) return ApiError::None;
  const std::string code = problem ? problem->code : std::string();
  if (status == 401) return ApiError::SessionExpired;
  if (status == 404) return ApiError::NotFound;
  if (status == 409) {
    if (code == "slot-taken") return ApiError::SlotTaken;
    if (code == "too-late-to-move") return ApiError::TooLateToMove;
    if (code == "too-late-to-cancel") return ApiError::TooLateToCancel;
    if (code == "activity-full") return ApiError::ActivityFull;
    if (code == "already-registered") return ApiError::AlreadyRegistered;
    if (code == "booking-limit-reached") return ApiError::BookingLimitReached;
    if (code == "idempotency-in-progress") return ApiError::OutcomeUnknown;
    return ApiError::Rejected;
  }
  if (status == 429 && code == "too-many-attempts") return ApiError::TooManyAttempts;
  if (status == 429 || status == 503) return write && result.mayHaveArrived ? ApiError::OutcomeUnknown : ApiError::ServerBusy;
  if (status == 502 || status == 504) return write ? ApiError::OutcomeUnknown : ApiError::ServerBusy;
  if (status >= 500) return ApiError::ServerError;
  return ApiError::Rejected;
}

}  // namespace kiosk::api
