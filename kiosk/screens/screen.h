#pragma once
// A screen is one question. It draws from its own state and the context, and returns intents
// ("the citizen picked Arabic"); the app applies them between frames. Screens never switch
// screens, start requests or open popups themselves.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/screens/citizen_view.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

using Clock = std::chrono::steady_clock;

enum class ScreenId { Attract, ChooseLanguage, MainMenu, ServiceUnavailable, StaffHelp, LoginWithPhone, Home };

std::string_view screenName(ScreenId id);
std::optional<ScreenId> screenFromName(std::string_view name);
std::vector<ScreenId> allScreens();

// [SECTION] Intents
struct GoTo { ScreenId screen; };
struct GoBack {};
struct StartOver {};  // forget the citizen, back to the attract screen
struct ChooseLanguage { std::string code; };
struct CycleTextSize {};
struct ToggleContrast {};
struct NeedCitizen {};                            // a service that needs the citizen logged in
struct RetryLogin {};
struct DemoApprove { std::string citizenId; };    // demo only: stands in for the citizen's phone
struct LogOut {};
using Intent = std::variant<GoTo, GoBack, StartOver, ChooseLanguage, CycleTextSize, ToggleContrast, NeedCitizen, RetryLogin,
                            DemoApprove, LogOut>;
using Intents = std::vector<Intent>;

// [SECTION] What a screen may read
struct Preferences {
  std::string language;
  int textSizePercent = 100;
  ui::Contrast contrast = ui::Contrast::Normal;
};

struct ScreenContext {
  const Preferences& preferences;
  const i18n::Catalogs& catalogs;
  Clock::time_point now;
  const CitizenView& citizen;
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual ScreenId id() const = 0;
  virtual void onEnter(const ScreenContext&) {}
  virtual void onExit() {}
  // Draws into the area above the persistent bar.
  virtual void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) = 0;
  // When this screen next needs a frame with no input (an animation step); none by default.
  virtual std::optional<Clock::time_point> nextWakeup(const ScreenContext&) const { return std::nullopt; }
};

}  // namespace kiosk::screens
