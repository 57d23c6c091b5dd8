// Every screen x every language x every text size x both themes, through the accessibility tree:
// nothing clipped, every target at least 60 px, no two targets overlapping, nothing untranslated.
#include <catch2/catch.hpp>

#include <sstream>

#include "headless_kiosk.h"
#include "kiosk/screens/screen.h"
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

void checkScreen(const HeadlessKiosk& k, const std::string& where, Problems& problems) {
  const auto& nodes = k.app.tree().nodes();
  bool heading = false;
  std::vector<const kiosk::ui::AccessNode*> buttons;
  for (const auto& n : nodes) {
    heading = heading || n.role == kiosk::ui::Role::Heading;
    if (n.clipped) problems.add(where, "clipped text in " + n.key + " \"" + n.text + "\"");
    // An empty field is a question not yet answered, not a missing text.
    if (n.text.empty() && n.role != kiosk::ui::Role::Field) problems.add(where, "empty text in " + n.key);
    if (n.text == n.key) problems.add(where, "untranslated key shown: " + n.key);
    if (n.rect.x < -0.5f || n.rect.right() > 1920.5f) problems.add(where, n.key + " runs off the side of the screen");
    if (n.role != kiosk::ui::Role::Button) continue;
    if (n.rect.w < kiosk::ui::design::kMinTarget || n.rect.h < kiosk::ui::design::kMinTarget) {
      problems.add(where, n.key + " is smaller than 60 x 60 px");
    }
    buttons.push_back(&n);
  }
  if (!heading && k.app.currentScreen() != ScreenId::Attract) problems.add(where, "no heading");
  // Only what can be touched counts: a tile scrolled half under the bar is not touchable there.
  for (size_t i = 0; i < buttons.size(); ++i) {
    for (size_t j = i + 1; j < buttons.size(); ++j) {
      if (buttons[i]->visibleRect.inset(1).overlaps(buttons[j]->visibleRect.inset(1))) {
        problems.add(where, buttons[i]->key + " overlaps " + buttons[j]->key);
      }
    }
  }
}

}  // namespace

TEST_CASE("every screen in every language at every text size and in both themes fits its text and targets") {
  HeadlessKiosk k;
  Problems problems;
  int checked = 0;
  for (const auto& language : k.catalogs.languages().languages) {
    for (const int size : kiosk::ui::kTextSizes) {
      for (const auto contrast : {kiosk::ui::Contrast::Normal, kiosk::ui::Contrast::High}) {
        k.app.setLanguage(language.code);
        k.app.setTextSize(size);
        k.app.setContrast(contrast);
        for (const ScreenId screen : kiosk::screens::allScreens()) {
          k.app.showScreen(screen);
          k.driver.settle();
          REQUIRE(k.app.currentScreen() == screen);
          std::ostringstream where;
          where << kiosk::screens::screenName(screen) << " " << language.code << " " << size << "% "
                << (contrast == kiosk::ui::Contrast::High ? "high" : "normal");
          checkScreen(k, where.str(), problems);
          ++checked;
        }
      }
    }
  }
  INFO(problems.text.str());
  CHECK(problems.count == 0);
  CHECK(checked == static_cast<int>(kiosk::screens::allScreens().size()) * 10 * 3 * 2);
}
