#pragma once
// What screens may know about the citizen at the kiosk: how the phone login is going, their
// summary once logged in, what the booking system answered for each errand, and the choices
// made so far. Owned by the app's CitizenSession; screens only read it.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/api/api_error.h"
#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/bookings.h"
#include "kiosk/domain/home_outlook.h"
#include "kiosk/domain/slots.h"
#include "kiosk/ui/qr_code.h"

namespace kiosk::screens {

enum class LoginStage { Idle, Starting, WaitingForPhone, FetchingSummary, LoggedIn, Expired, Denied, Failed };

// A read from the booking system: not asked yet, on its way, answered, or failed.
template <typename T>
struct Remote {
  enum class State { Idle, Loading, Ready, Failed } state = State::Idle;
  std::optional<T> value;
  api::ApiError error = api::ApiError::None;
  bool loading() const { return state == State::Loading; }
  bool ready() const { return state == State::Ready && value.has_value(); }
  bool failed() const { return state == State::Failed; }
};

// A write the citizen confirmed (book, move, cancel, sign up, save an entry, call staff). Done is
// shown only when the server confirmed it; Failed keeps what was chosen or typed so the citizen
// can try again.
struct Write {
  enum class Stage { Idle, Sending, Done, Failed } stage = Stage::Idle;
  api::ApiError error = api::ApiError::None;
  std::vector<domain::Slot> alternatives;  // slot taken: the nearest free times
  std::vector<std::string> existingBookings;  // booking limit reached: the meetings the citizen could move instead
  bool sending() const { return stage == Stage::Sending; }
  bool done() const { return stage == Stage::Done; }
  bool failed() const { return stage == Stage::Failed; }
};

// The booking being put together, one question per screen.
struct BookingDraft {
  std::vector<std::string> topics;  // topic ids, in the order picked
  std::optional<domain::ContactForm> contactForm;
  std::optional<std::string> consultantId;  // set once chosen; empty: no preference
  std::optional<domain::Slot> slot;
  std::string wishes;
  std::string interpreterLanguage;  // empty: no interpreter
  std::string movingBookingId;      // set: a new time for this booking, not a new booking
  bool moving() const { return !movingBookingId.empty(); }
};

// A job log entry being written; kept on screen until the server has saved it.
struct JoblogDraft {
  domain::JoblogKind kind = domain::JoblogKind::Application;
  std::string jobTitle, employerName, employerAddress, description;
  std::optional<domain::HowApplied> how;
  int daysAgo = 0;  // 0 today, 1 yesterday, ...
  bool operator==(const JoblogDraft&) const = default;
};

struct CitizenView {
  bool apiAvailable = false;  // a booking system is configured
  LoginStage stage = LoginStage::Idle;
  std::string userCode, verificationUri;
  ui::QrMatrix qr;            // of verification_uri_complete
  api::ApiError error = api::ApiError::None;
  std::optional<domain::CitizenSummary> summary;
  // What the home screen leads with (domain::homeOutlook): worked out again whenever the summary,
  // a rating, saved settings or the kiosk's settings change, never while drawing.
  domain::HomeOutlook home;
  // Demo only: the invented citizens the demo phone can log in as (id, name).
  std::vector<std::pair<std::string, std::string>> demoCitizens;

  // [SECTION] Booking, moving, cancelling
  Remote<std::vector<domain::Topic>> topics;
  Remote<std::vector<domain::Consultant>> consultants;
  Remote<domain::SlotDays> slots;                // by Copenhagen day, grouped when they arrive
  Remote<std::vector<domain::Booking>> bookings;  // only those still to come (domain::upcomingBookings)
  BookingDraft draft;
  std::string cancellingBookingId;          // the booking "cancel?" asks about
  Write booking;                            // create, move or cancel
  std::optional<domain::Booking> confirmed;  // what the server confirmed: the receipt shows this
  enum class Printing { Idle, Printing, Printed, Failed } printing = Printing::Idle;

  // [SECTION] Activities, job log, feedback, preferences
  Remote<std::vector<domain::Activity>> activities;
  std::string activityBusy;  // the activity whose sign-up or cancel is on its way
  Write activity;
  Remote<domain::Joblog> joblog;
  JoblogDraft joblogDraft;
  Write joblogSave;
  std::string joblogSaved;  // what was just saved (its title), for the answer "saved: …"; empty otherwise
  Write feedback;
  Write preferences;

  // [SECTION] Without a login: check-in, help from staff, co-service
  Remote<domain::CheckIn> checkIn;
  domain::CheckInTiming checkInTiming = domain::CheckInTiming::OnTime;  // decided when the answer arrived
  Write help;
  std::string helpTakenBy;  // the first name of the staff member on their way; empty until someone took the call
  std::string staffName;  // a staff member is assisting (co-service): shown in a banner
  Write staffLogin;
  Write assistedLogin;

  bool assisted() const { return !staffName.empty(); }
};

}  // namespace kiosk::screens
