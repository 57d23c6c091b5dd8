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

struct Slot {
  std::string id;
  Instant start, end;
  std::string consultantId, consultantFirstName;
  std::vector<ContactForm> contactForms;
  std::optional<Place> place;
  bool afterDeadline = false;  // later than the citizen's next required contact
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

}  // namespace kiosk::domain
