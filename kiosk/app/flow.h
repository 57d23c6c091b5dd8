#pragma once
// The citizen's journey, in one place. Screens report what the citizen did, the session reports
// what the booking system answered, the idle timer reports that the citizen has gone: each is an
// Event. The table in flow.cpp says, for the screen showing, where each event leads. Open it to
// see the whole journey; nothing else switches screens.

#include <optional>
#include <span>
#include <string_view>

#include "kiosk/screens/screen.h"

namespace kiosk::app {

enum class Event {
  // [SECTION] What the citizen did on the screen showing
  Next,           // moved on: the step's forward button, or the one choice a screen offers
  Back,
  StartOver,      // the bar's "start over", or "no, log me out" when asked about more time
  LogOut,
  ToHome,
  ServiceChosen,  // an errand, from the menu or the home screen (which one travels with it)
  AskStaff,       // help from staff: the bar, or "get help" past a deadline
  OpenLanguages,  // the bar's language button
  StaffHelpsMe,   // on the login screen: a member of staff helps me (co-service)
  ContactFormPicked,
  ConsultantPicked,
  SlotPicked,
  MoveStarted,
  CancelStarted,
  JoblogEntryStarted,
  // [SECTION] What the booking system answered
  LoggedIn,       // the citizen's summary has arrived, after the phone or staff identified them
  BookingDone,    // a booking, a move or a cancellation was confirmed by the server
  JoblogSaved,
  StaffSignedIn,
  // [SECTION] Time
  IdleTimeout,    // no touch for the idle time, and "more time?" went unanswered
  ClosingTime,    // the jobcenter's opening hours are over (it takes effect on the attract screen)
  OpeningTime,    // the jobcenter opens
  // [SECTION] Staff and IT
  AdminRequested, // the admin gesture was made
  AdminUnlocked,  // the admin PIN was right
};
std::string_view eventName(Event event);

// What the app knows when it looks an event up; each transition may hold only under one of them.
struct Facts {
  bool bookingSystem = false;  // a booking system is configured
  bool loggedIn = false;       // the citizen is identified
  bool moving = false;         // the booking draft is a new time for an existing booking
  // For ServiceChosen: the errand needs no login (check-in).
  bool serviceWithoutLogin = false;
};
enum class When { Always, NoBookingSystem, LoggedIn, Moving, ServiceWithoutLogin };

// Where an event leads.
struct Step {
  enum class Kind {
    Stay,           // stay on this screen (listed where staying is the point)
    To,             // to `screen`
    ToService,      // to the errand that was chosen, beginning it afresh
    Back,           // to the screen before
    StartOver,      // the citizen has gone: forget everything, back to the attract screen
  } kind = Kind::Stay;
  screens::ScreenId screen = screens::ScreenId::Attract;
  bool startLogin = false;  // the phone login starts as the login screen opens
};

struct Transition {
  std::optional<screens::ScreenId> from;  // none: from any screen
  Event event;
  When when;
  Step step;
};

class Flow {
 public:
  // The first transition that matches: the screen's own before any screen's, in table order.
  static std::optional<Step> next(screens::ScreenId from, Event event, const Facts& facts);
  static std::span<const Transition> table();
};

}  // namespace kiosk::app
