// Every screen x every language x every text size x both themes, through the accessibility tree:
// nothing clipped, every target at least 60 px, no two targets overlapping, nothing untranslated.
#include <catch2/catch.hpp>

#include <sstream>

#include "headless_kiosk.h"
#include "kiosk/screens/screen.h"
#include "kiosk/ui/layout_check.h"
#include "kiosk/ui/theme.h"

using kiosk::screens::ScreenId;

namespace {

struct Problems {
  std::ostringstream text;
  int count = 0;
  void add(const std::string& where, const std::string& what) {
    if (++count <= 40) text << where << ": " << what << "\n";
  }
};

// Low reach keeps every control out of the top quarter, as the flow walk checks too.
void checkScreen(const HeadlessKiosk& k, const std::string& where, bool lowReach, Problems& problems) {
  for (const auto& problem : kiosk::ui::layoutProblems(k.app.tree(), {1920, 1080}, lowReach ? 1080 * 0.25f : 0)) problems.add(where, problem);
  bool heading = false;
  for (const auto& n : k.app.tree().nodes()) heading = heading || n.role == kiosk::ui::Role::Heading;
  if (!heading && k.app.currentScreen() != ScreenId::Attract) problems.add(where, "no heading");
}

}  // namespace

// Each text size in its own test case, so the two CI cores share the matrix.
TEST_CASE("every screen in every language, both themes and with low reach on and off fits its text and targets, actions in view") {
  const int size = GENERATE(from_range(std::begin(kiosk::ui::kTextSizes), std::end(kiosk::ui::kTextSizes)));
  HeadlessKiosk k;
  Problems problems;
  int checked = 0;
  for (const auto& language : k.catalogs.languages().languages) {
    for (const auto contrast : {kiosk::ui::Contrast::Normal, kiosk::ui::Contrast::High}) {
      for (const bool lowReach : {false, true}) {
        k.app.setLanguage(language.code);
        k.app.setTextSize(size);
        k.app.setContrast(contrast);
        k.app.setLowReach(lowReach);
        for (const ScreenId screen : kiosk::screens::allScreens()) {
          k.app.showScreen(screen);
          k.driver.settle();
          REQUIRE(k.app.currentScreen() == screen);
          std::ostringstream where;
          where << kiosk::screens::screenName(screen) << " " << language.code << " " << size << "% "
                << (contrast == kiosk::ui::Contrast::High ? "high" : "normal") << (lowReach ? " low-reach" : "");
          checkScreen(k, where.str(), lowReach, problems);
          ++checked;
        }
      }
    }
  }
  INFO(problems.text.str());
  CHECK(problems.count == 0);
  CHECK(checked == static_cast<int>(kiosk::screens::allScreens().size()) * 10 * 2 * 2);
}
