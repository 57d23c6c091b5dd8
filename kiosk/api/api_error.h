#pragma once
// Every way a call to the booking system can end, in terms a citizen can be told about — each
// with a catalog key whose text is translated into all the kiosk's languages.

#include <optional>
#include <string_view>

#include "kiosk/api/http_types.h"
#include "kiosk/domain/booking_types.h"

namespace kiosk::api {

enum class ApiError {
  None,
  Offline,            // no connection: try again, or ask at the desk
  ServerBusy,         // 429/503: wait a moment
  SessionExpired,     // log in again
  SlotTaken,          // offer the nearest free times
  TooLateToMove,      // past the cut-off: ask at the desk
  TooLateToCancel,
  ActivityFull,
  AlreadyRegistered,
  NotFound,
  CertificateProblem, // the server is not who it should be: an incident for staff, not retried
  OutcomeUnknown,     // a write may or may not have happened: never say it did
  InvalidReply,       // the server's answer made no sense
  Rejected,           // the server refused the request as it was
  ServerError,        // 5xx
  WrongCredentials,   // staff number or PIN not accepted
  BookingLimitReached,  // the citizen has as many meetings booked as allowed: offer to move one
  TooManyAttempts,      // too many wrong PINs: the pad is locked for a while (never "busy")
};

std::string_view catalogKey(ApiError error);
// True for errors staff must look into (the kiosk raises them to the operator, not just the citizen).
bool isIncident(ApiError error);

// What a finished request means. problem: the decoded problem document of a 4xx/5xx, if any.
ApiError classify(const HttpRequest& request, const HttpResult& result, const std::optional<domain::Problem>& problem);

}  // namespace kiosk::api
