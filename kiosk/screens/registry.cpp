#include "kiosk/screens/registry.h"

#include <array>

#include "kiosk/screens/attract.h"
#include "kiosk/screens/choose_language.h"
#include "kiosk/screens/home.h"
#include "kiosk/screens/login_with_phone.h"
#include "kiosk/screens/main_menu.h"
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
  }
  return nullptr;
}

}  // namespace kiosk::screens
