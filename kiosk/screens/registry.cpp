#include "kiosk/screens/registry.h"

#include <array>

#include "kiosk/screens/activities.h"
#include "kiosk/screens/attract.h"
#include "kiosk/screens/book_steps.h"
#include "kiosk/screens/booked.h"
#include "kiosk/screens/choose_language.h"
#include "kiosk/screens/desk.h"
#include "kiosk/screens/home.h"
#include "kiosk/screens/joblog.h"
#include "kiosk/screens/login_with_phone.h"
#include "kiosk/screens/main_menu.h"
#include "kiosk/screens/my_bookings.h"
#include "kiosk/screens/service_unavailable.h"
#include "kiosk/screens/staff_help.h"

namespace kiosk::screens {
namespace {

struct Entry {
  ScreenId id;
  std::string_view name;  // used by --screen, scripts and test reports
};

constexpr std::array kScreens{
    Entry{ScreenId::Attract, "attract"},
    Entry{ScreenId::ChooseLanguage, "language"},
    Entry{ScreenId::MainMenu, "menu"},
    Entry{ScreenId::ServiceUnavailable, "unavailable"},
    Entry{ScreenId::StaffHelp, "help"},
    Entry{ScreenId::LoginWithPhone, "login"},
    Entry{ScreenId::Home, "home"},
    Entry{ScreenId::BookTopics, "book-topics"},
    Entry{ScreenId::BookContactForm, "book-form"},
    Entry{ScreenId::BookConsultant, "book-consultant"},
    Entry{ScreenId::BookTime, "book-time"},
    Entry{ScreenId::BookWishes, "book-wishes"},
    Entry{ScreenId::BookConfirm, "book-confirm"},
    Entry{ScreenId::Booked, "booked"},
    Entry{ScreenId::MyBookings, "bookings"},
    Entry{ScreenId::CancelBooking, "cancel"},
    Entry{ScreenId::Activities, "activities"},
    Entry{ScreenId::Joblog, "joblog"},
    Entry{ScreenId::JoblogEntry, "joblog-entry"},
    Entry{ScreenId::Plan, "plan"},
    Entry{ScreenId::CheckIn, "check-in"},
    Entry{ScreenId::StaffLogin, "staff-login"},
    Entry{ScreenId::AssistedCitizen, "assisted"},
};

}  // namespace

std::string_view screenName(ScreenId id) {
  for (const auto& entry : kScreens) {
    if (entry.id == id) return entry.name;
  }
  return "?";
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
  switch (id) {
    case ScreenId::Attract: return std::make_unique<Attract>();
    case ScreenId::ChooseLanguage: return std::make_unique<ChooseLanguageScreen>();
    case ScreenId::MainMenu: return std::make_unique<MainMenu>();
    case ScreenId::ServiceUnavailable: return std::make_unique<ServiceUnavailable>();
    case ScreenId::StaffHelp: return std::make_unique<StaffHelp>();
    case ScreenId::LoginWithPhone: return std::make_unique<LoginWithPhone>();
    case ScreenId::Home: return std::make_unique<Home>();
    case ScreenId::BookTopics: return std::make_unique<BookTopics>();
    case ScreenId::BookContactForm: return std::make_unique<BookContactForm>();
    case ScreenId::BookConsultant: return std::make_unique<BookConsultant>();
    case ScreenId::BookTime: return std::make_unique<BookTime>();
    case ScreenId::BookWishes: return std::make_unique<BookWishes>();
    case ScreenId::BookConfirm: return std::make_unique<BookConfirm>();
    case ScreenId::Booked: return std::make_unique<Booked>();
    case ScreenId::MyBookings: return std::make_unique<MyBookings>();
    case ScreenId::CancelBooking: return std::make_unique<CancelBooking>();
    case ScreenId::Activities: return std::make_unique<Activities>();
    case ScreenId::Joblog: return std::make_unique<Joblog>();
    case ScreenId::JoblogEntry: return std::make_unique<JoblogEntry>();
    case ScreenId::Plan: return std::make_unique<Plan>();
    case ScreenId::CheckIn: return std::make_unique<CheckIn>();
    case ScreenId::StaffLogin: return std::make_unique<StaffLogin>();
    case ScreenId::AssistedCitizen: return std::make_unique<AssistedCitizen>();
  }
  return nullptr;
}

}  // namespace kiosk::screens
