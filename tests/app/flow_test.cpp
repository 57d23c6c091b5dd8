// The flow table (kiosk/app/flow.cpp) walked as a graph: every screen can be reached from the
// attract screen, every screen has a way back to the start, and no event leads nowhere.

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "kiosk/app/flow.h"
#include "kiosk/screens/registry.h"

using kiosk::app::Event;
using kiosk::app::Facts;
using kiosk::app::Flow;
using kiosk::app::Step;
using kiosk::screens::ScreenId;

namespace {

// Every errand the menu and the home screen offer.
const std::vector<ScreenId> kServices{ScreenId::CheckIn, ScreenId::BookTopics, ScreenId::MyBookings,
                                      ScreenId::Activities, ScreenId::Joblog, ScreenId::Plan};

// Where a step leads from `from`, for the graph walk; Back may lead to any screen seen before, so
// it is followed as "back to where it came from" by the walk itself.
std::set<ScreenId> targets(ScreenId from, const Step& step) {
  switch (step.kind) {
    case Step::Kind::To: return {step.screen};
    case Step::Kind::ToService: return {kServices.begin(), kServices.end()};
    case Step::Kind::StartOver: return {ScreenId::Attract};
    case Step::Kind::Stay: return {from};
    case Step::Kind::Back: return {};
  }
  return {};
}

// Every step the table allows from a screen, under any facts.
std::set<ScreenId> successors(ScreenId from) {
  std::set<ScreenId> out;
  for (const auto& t : Flow::table()) {
    if (t.from && *t.from != from) continue;
    const auto next = targets(from, t.step);
    out.insert(next.begin(), next.end());
  }
  return out;
}

std::string name(ScreenId id) { return std::string(kiosk::screens::screenName(id)); }

// Screens outside every citizen's journey: the app puts the kiosk on them and keeps it there, so
// the flow table neither leads to them nor away from them.
const std::set<ScreenId> kOutsideTheJourney{ScreenId::OutOfOrder};

}  // namespace

TEST_CASE("flow: every screen can be reached from the attract screen") {
  std::set<ScreenId> seen{ScreenId::Attract};
  std::vector<ScreenId> todo{ScreenId::Attract};
  while (!todo.empty()) {
    const ScreenId at = todo.back();
    todo.pop_back();
    for (const ScreenId next : successors(at)) {
      if (seen.insert(next).second) todo.push_back(next);
    }
  }
  for (const ScreenId id : kiosk::screens::allScreens()) {
    INFO(name(id));
    if (kOutsideTheJourney.count(id)) {
      CHECK(seen.count(id) == 0);
      continue;
    }
    CHECK(seen.count(id) == 1);
  }
}

TEST_CASE("flow: from every screen there is a way back to the start") {
  for (const ScreenId id : kiosk::screens::allScreens()) {
    INFO(name(id));
    if (kOutsideTheJourney.count(id)) continue;
    // The citizen's own way out, on the screen or in the bar, and the idle timeout for when they
    // have simply gone.
    const auto out = Flow::next(id, Event::StartOver, {});
    REQUIRE(out);
    CHECK(out->kind == Step::Kind::StartOver);
    const auto gone = Flow::next(id, Event::IdleTimeout, {});
    REQUIRE(gone);
    CHECK(gone->kind == Step::Kind::StartOver);
    CHECK(Flow::next(id, Event::Back, {}));
  }
}

TEST_CASE("flow: no event leads nowhere") {
  const auto screens = kiosk::screens::allScreens();
  const std::set<ScreenId> registered(screens.begin(), screens.end());
  for (const auto& t : Flow::table()) {
    INFO(kiosk::app::eventName(t.event) << " from " << (t.from ? name(*t.from) : std::string("any screen")));
    if (t.from) CHECK(registered.count(*t.from) == 1);
    if (t.step.kind == Step::Kind::To) {
      CHECK(registered.count(t.step.screen) == 1);
      CHECK(t.step.screen != t.from);  // staying is said as Stay
    }
    if (t.step.startLogin) CHECK(t.step.screen == ScreenId::LoginWithPhone);
  }
  SECTION("every screen a transition leads to moves on by a transition of its own") {
    std::set<ScreenId> own;
    for (const auto& t : Flow::table()) {
      if (t.from) own.insert(*t.from);
    }
    // Screens whose only ways on are the bar, the errands they offer (ServiceChosen) and Back.
    const std::set<ScreenId> onlyCommon{ScreenId::MainMenu, ScreenId::Home, ScreenId::ServiceUnavailable, ScreenId::StaffHelp,
                                        ScreenId::Activities, ScreenId::Plan};
    for (const ScreenId id : screens) {
      INFO(name(id));
      CHECK((own.count(id) == 1 || onlyCommon.count(id) == 1 || kOutsideTheJourney.count(id) == 1));
    }
  }
  SECTION("an event without a transition is a gap in the table, not a silent jump") {
    CHECK_FALSE(Flow::next(ScreenId::Attract, Event::BookingDone, {}));
    CHECK_FALSE(Flow::next(ScreenId::Home, Event::JoblogSaved, {}));
  }
}

TEST_CASE("flow: an errand goes to the desk, to the phone login, or straight in") {
  Facts none;
  CHECK(Flow::next(ScreenId::MainMenu, Event::ServiceChosen, none)->screen == ScreenId::ServiceUnavailable);
  Facts loggedOut{.bookingSystem = true};
  const auto login = Flow::next(ScreenId::MainMenu, Event::ServiceChosen, loggedOut);
  CHECK(login->screen == ScreenId::LoginWithPhone);
  CHECK(login->startLogin);
  Facts checkIn{.bookingSystem = true, .serviceWithoutLogin = true};
  CHECK(Flow::next(ScreenId::MainMenu, Event::ServiceChosen, checkIn)->kind == Step::Kind::ToService);
  Facts loggedIn{.bookingSystem = true, .loggedIn = true};
  CHECK(Flow::next(ScreenId::Home, Event::ServiceChosen, loggedIn)->kind == Step::Kind::ToService);
}

TEST_CASE("flow: booking a new time goes through the wishes, moving goes straight to confirm") {
  Facts booking{.bookingSystem = true, .loggedIn = true};
  Facts moving{.bookingSystem = true, .loggedIn = true, .moving = true};
  CHECK(Flow::next(ScreenId::BookTime, Event::SlotPicked, booking)->screen == ScreenId::BookWishes);
  CHECK(Flow::next(ScreenId::BookTime, Event::SlotPicked, moving)->screen == ScreenId::BookConfirm);
  // A nearest free time, picked where the taken one was refused.
  CHECK(Flow::next(ScreenId::BookConfirm, Event::SlotPicked, booking)->kind == Step::Kind::Stay);
  CHECK(Flow::next(ScreenId::BookConfirm, Event::BookingDone, booking)->screen == ScreenId::Booked);
  CHECK(Flow::next(ScreenId::CancelBooking, Event::BookingDone, booking)->screen == ScreenId::Booked);
}

TEST_CASE("flow: answers from the booking system move the citizen on only where they wait for them") {
  CHECK(Flow::next(ScreenId::LoginWithPhone, Event::LoggedIn, {})->screen == ScreenId::Home);
  CHECK(Flow::next(ScreenId::AssistedCitizen, Event::LoggedIn, {})->screen == ScreenId::Home);
  CHECK(Flow::next(ScreenId::StaffLogin, Event::StaffSignedIn, {})->screen == ScreenId::AssistedCitizen);
  // Back to the job log the entry was started from (its own "back" then leads home).
  CHECK(Flow::next(ScreenId::JoblogEntry, Event::JoblogSaved, {})->kind == Step::Kind::Back);
  // The citizen went to ask for help meanwhile: the answer does not pull them away.
  CHECK_FALSE(Flow::next(ScreenId::StaffHelp, Event::BookingDone, {}));
  CHECK_FALSE(Flow::next(ScreenId::StaffHelp, Event::LoggedIn, {}));
}

TEST_CASE("flow: closed only from the attract screen, so a citizen in a session finishes it") {
  CHECK(Flow::next(ScreenId::Attract, Event::ClosingTime, {})->screen == ScreenId::Closed);
  CHECK_FALSE(Flow::next(ScreenId::BookTime, Event::ClosingTime, {}));
  CHECK_FALSE(Flow::next(ScreenId::MainMenu, Event::ClosingTime, {}));
  CHECK(Flow::next(ScreenId::Closed, Event::OpeningTime, {})->kind == Step::Kind::StartOver);
  // While closed nothing can be started from the bar.
  CHECK(Flow::next(ScreenId::Closed, Event::OpenLanguages, {})->kind == Step::Kind::Stay);
  CHECK(Flow::next(ScreenId::Closed, Event::AskStaff, {})->kind == Step::Kind::Stay);
}

TEST_CASE("flow: admin mode is the gesture, then the PIN, and leaving it starts over") {
  CHECK(Flow::next(ScreenId::Attract, Event::AdminRequested, {})->screen == ScreenId::AdminPin);
  CHECK(Flow::next(ScreenId::AdminPin, Event::AdminUnlocked, {})->screen == ScreenId::Admin);
  CHECK_FALSE(Flow::next(ScreenId::MainMenu, Event::AdminUnlocked, {}));
  for (const ScreenId id : {ScreenId::AdminPin, ScreenId::Admin}) {
    CHECK(Flow::next(id, Event::Back, {})->kind == Step::Kind::StartOver);
    CHECK(Flow::next(id, Event::IdleTimeout, {})->kind == Step::Kind::StartOver);
  }
}

TEST_CASE("screens: every screen id has one entry in the registry, with its name and its screen") {
  std::set<std::string> names;
  for (size_t i = 0; i < kiosk::screens::kScreenCount; ++i) {
    const auto id = static_cast<ScreenId>(i);
    const std::string n = name(id);
    INFO("screen id " << i << " (" << n << ")");
    CHECK(n != "?");
    CHECK(names.insert(n).second);
    CHECK(kiosk::screens::screenFromName(n) == id);
    const auto screen = kiosk::screens::makeScreen(id);
    REQUIRE(screen);
    CHECK(screen->id() == id);
  }
  CHECK(kiosk::screens::allScreens().size() == kiosk::screens::kScreenCount);
}
