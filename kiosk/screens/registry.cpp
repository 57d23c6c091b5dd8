#include "kiosk/screens/registry.h"

#include <array>

#include "kiosk/screens/activities.h"
#include "kiosk/screens/admin.h"
#include "kiosk/screens/admin_pin.h"
#include "kiosk/screens/assisted.h"
#include "kiosk/screens/attract.h"
#include "kiosk/screens/book_confirm.h"
#include "kiosk/screens/book_consultant.h"
#include "kiosk/screens/book_form.h"
#include "kiosk/screens/book_time.h"
#include "kiosk/screens/book_topics.h"
#include "kiosk/screens/book_wishes.h"
#include "kiosk/screens/booked.h"
#include "kiosk/screens/bookings.h"
#include "kiosk/screens/cancel.h"
#include "kiosk/screens/check_in.h"
#include "kiosk/screens/closed.h"
#include "kiosk/screens/help.h"
#include "kiosk/screens/home.h"
#include "kiosk/screens/joblog.h"
#include "kiosk/screens/joblog_entry.h"
#include "kiosk/screens/language.h"
#include "kiosk/screens/login.h"
#include "kiosk/screens/menu.h"
#include "kiosk/screens/out_of_order.h"
#include "kiosk/screens/plan.h"
#include "kiosk/screens/staff_login.h"
#include "kiosk/screens/unavailable.h"

namespace kiosk::screens {
namespace {

template <typename S>
std::unique_ptr<Screen> make() {
  return std::make_unique<S>();
}

struct Entry {
  ScreenId id;
  std::string_view name;  // --screen, scripts and test reports; the file is named the same (book-time: book_time.cpp)
  std::unique_ptr<Screen> (*factory)();
};

// In the order a citizen meets them.
constexpr std::array kScreens{
    Entry{ScreenId::Attract, "attract", make<Attract>},
    Entry{ScreenId::ChooseLanguage, "language", make<ChooseLanguageScreen>},
    Entry{ScreenId::MainMenu, "menu", make<MainMenu>},
    Entry{ScreenId::ServiceUnavailable, "unavailable", make<ServiceUnavailable>},
    Entry{ScreenId::StaffHelp, "help", make<StaffHelp>},
    Entry{ScreenId::LoginWithPhone, "login", make<LoginWithPhone>},
    Entry{ScreenId::Home, "home", make<Home>},
    Entry{ScreenId::BookTopics, "book-topics", make<BookTopics>},
    Entry{ScreenId::BookContactForm, "book-form", make<BookContactForm>},
    Entry{ScreenId::BookConsultant, "book-consultant", make<BookConsultant>},
    Entry{ScreenId::BookTime, "book-time", make<BookTime>},
    Entry{ScreenId::BookWishes, "book-wishes", make<BookWishes>},
    Entry{ScreenId::BookConfirm, "book-confirm", make<BookConfirm>},
    Entry{ScreenId::Booked, "booked", make<Booked>},
    Entry{ScreenId::MyBookings, "bookings", make<MyBookings>},
    Entry{ScreenId::CancelBooking, "cancel", make<CancelBooking>},
    Entry{ScreenId::Activities, "activities", make<Activities>},
    Entry{ScreenId::Joblog, "joblog", make<Joblog>},
    Entry{ScreenId::JoblogEntry, "joblog-entry", make<JoblogEntry>},
    Entry{ScreenId::Plan, "plan", make<Plan>},
    Entry{ScreenId::CheckIn, "check-in", make<CheckIn>},
    Entry{ScreenId::StaffLogin, "staff-login", make<StaffLogin>},
    Entry{ScreenId::AssistedCitizen, "assisted", make<AssistedCitizen>},
    Entry{ScreenId::OutOfOrder, "out-of-order", make<OutOfOrder>},
    Entry{ScreenId::Closed, "closed", make<Closed>},
    Entry{ScreenId::AdminPin, "admin-pin", make<AdminPin>},
    Entry{ScreenId::Admin, "admin", make<Admin>},
};
static_assert(kScreens.size() == kScreenCount, "every ScreenId needs its entry here");

const Entry* find(ScreenId id) {
  for (const auto& entry : kScreens) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

}  // namespace

std::string_view screenName(ScreenId id) {
  const Entry* entry = find(id);
  return entry ? entry->name : "?";
}

std::optional<ScreenId> screenFromName(std::string_view name) {
  for (const auto& entry : kScreens) {
    if (entry.name == name) return entry.id;
  }
  return std::nullopt;
}

std::vector<ScreenId> allScreens() {
  std::vector<ScreenId> ids;
  for (const auto& entry : kScreens) ids.push_back(entry.id);
  return ids;
}

std::unique_ptr<Screen> makeScreen(ScreenId id) {
  const Entry* entry = find(id);
  return entry ? entry->factory() : nullptr;
}

}  // namespace kiosk::screens
