#include "kiosk/app/flow.h"

#include <array>

namespace kiosk::app {
namespace {

using screens::ScreenId;
using K = Step::Kind;

constexpr Step to(ScreenId screen) { return {K::To, screen}; }
constexpr Step kBack{K::Back};
constexpr Step kStartOver{K::StartOver};
constexpr Step kStay{K::Stay};

// clang-format off
constexpr std::array kTable{
    // [SECTION] Arriving: touch, language, what do you want to do?
    Transition{ScreenId::Attract,            Event::Next,               When::Always,              to(ScreenId::ChooseLanguage)},
    Transition{ScreenId::ChooseLanguage,     Event::Next,               When::Always,              to(ScreenId::MainMenu)},
    // An errand, chosen on the menu or at home: said to be done at the desk when there is no
    // booking system; check-in needs no login; the rest start with the phone login.
    Transition{std::nullopt,                 Event::ServiceChosen,      When::NoBookingSystem,     to(ScreenId::ServiceUnavailable)},
    Transition{std::nullopt,                 Event::ServiceChosen,      When::ServiceWithoutLogin, {K::ToService}},
    Transition{std::nullopt,                 Event::ServiceChosen,      When::LoggedIn,            {K::ToService}},
    Transition{std::nullopt,                 Event::ServiceChosen,      When::Always,              {K::To, ScreenId::LoginWithPhone, true}},

    // [SECTION] Identifying: the phone, or a member of staff (co-service)
    Transition{ScreenId::LoginWithPhone,     Event::LoggedIn,           When::Always,              to(ScreenId::Home)},
    Transition{ScreenId::LoginWithPhone,     Event::StaffHelpsMe,       When::Always,              to(ScreenId::StaffLogin)},
    Transition{ScreenId::StaffLogin,         Event::StaffSignedIn,      When::Always,              to(ScreenId::AssistedCitizen)},
    Transition{ScreenId::AssistedCitizen,    Event::LoggedIn,           When::Always,              to(ScreenId::Home)},
    // Back from identifying a citizen: the staff member's sign-in is forgotten with everything else.
    Transition{ScreenId::AssistedCitizen,    Event::Back,               When::Always,              kStartOver},

    // [SECTION] Booking: topics → contact form → consultant → day and time → wishes → confirm
    Transition{ScreenId::BookTopics,         Event::Next,               When::Always,              to(ScreenId::BookContactForm)},
    Transition{ScreenId::BookContactForm,    Event::ContactFormPicked,  When::Always,              to(ScreenId::BookConsultant)},
    Transition{ScreenId::BookConsultant,     Event::ConsultantPicked,   When::Always,              to(ScreenId::BookTime)},
    // A move keeps what was asked for before: straight to confirming the new time.
    Transition{ScreenId::BookTime,           Event::SlotPicked,         When::Moving,              to(ScreenId::BookConfirm)},
    Transition{ScreenId::BookTime,           Event::SlotPicked,         When::Always,              to(ScreenId::BookWishes)},
    Transition{ScreenId::BookWishes,         Event::Next,               When::Always,              to(ScreenId::BookConfirm)},
    // The time was taken meanwhile: one of the nearest free times, picked on the confirm screen.
    Transition{ScreenId::BookConfirm,        Event::SlotPicked,         When::Always,              kStay},
    Transition{ScreenId::BookConfirm,        Event::BookingDone,        When::Always,              to(ScreenId::Booked)},
    Transition{ScreenId::Booked,             Event::ToHome,             When::Always,              to(ScreenId::Home)},

    // [SECTION] Moving and cancelling
    Transition{ScreenId::MyBookings,         Event::MoveStarted,        When::Always,              to(ScreenId::BookTime)},
    Transition{ScreenId::MyBookings,         Event::CancelStarted,      When::Always,              to(ScreenId::CancelBooking)},
    // The home screen offers the next meeting's move and cancel beside it.
    Transition{ScreenId::Home,               Event::MoveStarted,        When::Always,              to(ScreenId::BookTime)},
    Transition{ScreenId::Home,               Event::CancelStarted,      When::Always,              to(ScreenId::CancelBooking)},
    Transition{ScreenId::CancelBooking,      Event::BookingDone,        When::Always,              to(ScreenId::Booked)},

    // [SECTION] The job log
    Transition{ScreenId::Joblog,             Event::JoblogEntryStarted, When::Always,              to(ScreenId::JoblogEntry)},
    // Saved: back to the job log it was started from, so that its "back" leads home, not into
    // the entry just saved.
    Transition{ScreenId::JoblogEntry,        Event::JoblogSaved,        When::Always,              kBack},

    // [SECTION] Checking in: done, and the next person may come
    Transition{ScreenId::CheckIn,            Event::Next,               When::Always,              kStartOver},

    // [SECTION] Opening hours: closed only where no citizen is (a session under way finishes)
    Transition{ScreenId::Attract,            Event::ClosingTime,        When::Always,              to(ScreenId::Closed)},
    Transition{ScreenId::Closed,             Event::OpeningTime,        When::Always,              kStartOver},
    // Nobody is there to help while closed, and nothing can be started: the closed screen stays.
    Transition{ScreenId::Closed,             Event::Back,               When::Always,              kStay},
    Transition{ScreenId::Closed,             Event::AskStaff,           When::Always,              kStay},
    Transition{ScreenId::Closed,             Event::OpenLanguages,      When::Always,              kStay},

    // [SECTION] Admin mode: the gesture (the citizen, if any, is forgotten first), the PIN, the
    // admin screen; leaving it in any way forgets it.
    Transition{ScreenId::Attract,            Event::AdminRequested,     When::Always,              to(ScreenId::AdminPin)},
    Transition{ScreenId::AdminPin,           Event::AdminUnlocked,      When::Always,              to(ScreenId::Admin)},
    Transition{ScreenId::AdminPin,           Event::Back,               When::Always,              kStartOver},
    Transition{ScreenId::Admin,              Event::Back,               When::Always,              kStartOver},

    // [SECTION] From any screen: the bar, the way back, leaving
    Transition{std::nullopt,                 Event::Back,               When::Always,              kBack},
    Transition{std::nullopt,                 Event::AskStaff,           When::Always,              to(ScreenId::StaffHelp)},
    Transition{std::nullopt,                 Event::OpenLanguages,      When::Always,              to(ScreenId::ChooseLanguage)},
    Transition{std::nullopt,                 Event::StartOver,          When::Always,              kStartOver},
    Transition{std::nullopt,                 Event::LogOut,             When::Always,              kStartOver},
    Transition{std::nullopt,                 Event::IdleTimeout,        When::Always,              kStartOver},
};
// clang-format on

bool holds(When when, const Facts& facts) {
  switch (when) {
    case When::Always: return true;
    case When::NoBookingSystem: return !facts.bookingSystem;
    case When::LoggedIn: return facts.loggedIn;
    case When::Moving: return facts.moving;
    case When::ServiceWithoutLogin: return facts.serviceWithoutLogin;
  }
  return false;
}

}  // namespace

std::string_view eventName(Event event) {
  switch (event) {
    case Event::Next: return "next";
    case Event::Back: return "back";
    case Event::StartOver: return "start-over";
    case Event::LogOut: return "log-out";
    case Event::ToHome: return "to-home";
    case Event::ServiceChosen: return "service-chosen";
    case Event::AskStaff: return "ask-staff";
    case Event::OpenLanguages: return "open-languages";
    case Event::StaffHelpsMe: return "staff-helps-me";
    case Event::ContactFormPicked: return "contact-form-picked";
    case Event::ConsultantPicked: return "consultant-picked";
    case Event::SlotPicked: return "slot-picked";
    case Event::MoveStarted: return "move-started";
    case Event::CancelStarted: return "cancel-started";
    case Event::JoblogEntryStarted: return "joblog-entry-started";
    case Event::LoggedIn: return "logged-in";
    case Event::BookingDone: return "booking-done";
    case Event::JoblogSaved: return "joblog-saved";
    case Event::StaffSignedIn: return "staff-signed-in";
    case Event::IdleTimeout: return "idle-timeout";
    case Event::ClosingTime: return "closing-time";
    case Event::OpeningTime: return "opening-time";
    case Event::AdminRequested: return "admin-requested";
    case Event::AdminUnlocked: return "admin-unlocked";
  }
  return "?";
}

std::optional<Step> Flow::next(ScreenId from, Event event, const Facts& facts) {
  for (const bool anyScreen : {false, true}) {
    for (const auto& t : kTable) {
      if (t.event != event || t.from.has_value() == anyScreen || (t.from && *t.from != from)) continue;
      if (holds(t.when, facts)) return t.step;
    }
  }
  return std::nullopt;
}

std::span<const Transition> Flow::table() { return kTable; }

}  // namespace kiosk::app
