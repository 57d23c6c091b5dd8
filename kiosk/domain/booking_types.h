#pragma once
// What the kiosk knows of the booking system, as plain types: no JSON, no ImGui, no network.
// Times keep the server's RFC 3339 text (what the citizen is shown is formatted from the parsed
// instant by ICU for their language) next to the instant itself.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::domain {

enum class ContactForm { InPerson, Video, Phone };
enum class BookingStatus { Booked, Cancelled, CheckedIn, Completed };

struct Instant {
  int64_t unixSeconds = 0;
  std::string text;  // as the server sent it, with its offset
};

struct Place {
  std::string name, address;
};

// What the citizen could still do themselves with a meeting once it is booked in a slot.
enum class ChangeOnceBooked { MoveAndCancel, CancelOnly, Neither };

struct Slot {
  std::string id;
  Instant start, end;
  std::string consultantId, consultantFirstName;
  std::vector<ContactForm> contactForms;
  std::optional<Place> place;
  bool afterDeadline = false;  // later than the citizen's next required contact
  // Until when a meeting booked here could be moved and cancelled (the booking system's policy).
  std::optional<Instant> movableUntil, cancellableUntil;
  // Worked out from those when the free times arrive (slots.h: markChangeDeadlines).
  ChangeOnceBooked onceBooked = ChangeOnceBooked::MoveAndCancel;
};

struct Booking {
  std::string id, reference;
  BookingStatus status = BookingStatus::Booked;
  std::string date;
  Instant start, end;
  ContactForm contactForm = ContactForm::InPerson;
  std::string type, title, description;
  std::optional<Place> place;
  std::optional<std::string> phoneNumber, videoUrl, wishes, interpreterLanguage;
  std::vector<std::string> topics;
  std::string staffName, consultantId, consultantFirstName;
  bool movable = false, cancellable = false, selfBooked = false;
  std::optional<Instant> movableUntil, cancellableUntil;
  Instant createdAt;
};

struct Problem {
  std::string type, title, code, detail;
  int status = 0;
  std::vector<Slot> alternatives;  // slot-taken: the nearest free times
  std::vector<std::string> bookingIds;  // booking-limit-reached: the bookings the citizen has (move one)
  int limit = 0;                        // booking-limit-reached: how many may be booked at once
};

struct DeviceAuthorization {
  std::string deviceCode, userCode, verificationUri, verificationUriComplete;
  int expiresIn = 0, interval = 5;
};

struct Token {
  std::string accessToken;
  int expiresIn = 0;
};

struct Agreement {
  std::string date, text;
  struct Step {
    bool byCitizen = true;
    std::string what;
  };
  std::vector<Step> nextSteps;
};

struct Preferences {
  bool optedIn = false;
  std::string language;
  int textSize = 100;
  bool highContrast = false, readAloud = false;
};

struct CitizenSummary {
  std::string firstName, unemploymentStart, nextRequiredContact;
  bool contactOverdue = false, assisted = false;
  std::optional<Booking> nextBooking;
  std::optional<Agreement> latestAgreement;
  std::optional<std::string> planA, planB, planC;
  std::vector<std::string> wishedJobTitles;
  int joblogThisWeek = 0, joblogWeeklyTarget = 0, joblogSinceLastMeeting = 0;
  std::optional<Preferences> preferences;
  std::optional<std::string> feedbackBookingId;
};

// [SECTION] Booking choices
struct Topic {
  std::string id, nameDa;  // id: coaching, job_opportunities, job_search, education, career_change, general_guidance
};

struct Consultant {
  std::string id, firstName, name;
  std::vector<std::string> languages;    // ISO 639-1 codes the consultant speaks
  std::vector<std::string> competences;  // topic ids
  std::vector<ContactForm> contactForms;
};

struct BookingPolicy {
  int moveCutoffDays = 2, cancelCutoffDays = 1, bookingHorizonDays = 21, minNoticeHours = 2;
};

// [SECTION] Activities
struct Activity {
  std::string id, title, kind, description;  // kind: cv_workshop, network, job_search_help, ... (free text id)
  Instant start, end;
  Place place;
  int seatsTotal = 0, seatsLeft = 0;
  bool registered = false;
};

struct ActivityRegistration {  // the answer to signing up
  std::string activityId;
  Instant registeredAt;
};

// [SECTION] Job log
enum class JoblogKind { Application, Other };
enum class HowApplied { OnlineForm, Email, InPerson, Phone, Unsolicited };

struct JoblogEntry {
  std::string id;
  JoblogKind kind = JoblogKind::Application;
  std::string date;  // YYYY-MM-DD
  std::optional<std::string> jobTitle, description;
  std::optional<Place> employer;  // name, and address if given (empty when not)
  std::optional<HowApplied> how;
  Instant createdAt;
};

struct Joblog {
  std::vector<JoblogEntry> entries;  // newest first
  int weeklyTarget = 0;
};

struct Feedback {  // the answer to a rating
  std::string bookingId;
  int rating = 0;  // 1 not good, 2 ok, 3 good
  Instant createdAt;
};

// [SECTION] Check-in, staff, help
struct CheckIn {
  std::string bookingId, reference, consultantFirstName, firstName;
  Instant start, end, checkedInAt;
  ContactForm contactForm = ContactForm::InPerson;
  std::optional<Place> place;
  bool alreadyCheckedIn = false;  // message_key "already_checked_in"
  // False after a check-in by CPR number: the server says only that it happened, so every field
  // above but checkedInAt and alreadyCheckedIn is empty and must not be shown.
  bool meetingShown = true;
};

struct StaffSession {
  std::string accessToken, staffNumber, name;
  int expiresIn = 0;
};

// Why staff are called. The first four the citizen picks on the help screen; the last is sent
// from a flow without asking (a meeting past its move and cancel deadline), so staff come knowing.
enum class HelpReason { Interpreter, CannotRead, PhysicalHelp, Other, TooLateToChange };

// A call for staff as the booking system keeps it: open until someone takes it (takenBy: their
// first name, which the kiosk shows the citizen), then handled, or closed because the citizen left.
enum class HelpStatus { Open, Taken, Handled, CitizenLeft };

struct HelpRequest {
  std::string id;
  HelpReason reason = HelpReason::Other;
  std::optional<std::string> language;
  HelpStatus status = HelpStatus::Open;
  std::optional<std::string> takenBy;
  Instant createdAt;
};

}  // namespace kiosk::domain
