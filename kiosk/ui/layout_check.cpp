#include "kiosk/ui/layout_check.h"

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

std::vector<std::string> layoutProblems(const AccessTree& tree, Vec2 display, float reachTop) {
  std::vector<std::string> problems;
  std::vector<const AccessNode*> buttons;
  for (const auto& n : tree.nodes()) {
    if (n.clipped) problems.push_back("clipped text in " + n.key + " \"" + n.text + "\"");
    // An empty field is a question not yet answered, not a missing text.
    if (n.text.empty() && n.role != Role::Field) problems.push_back("empty text in " + n.key);
    if (n.text == n.key) problems.push_back("untranslated key shown: " + n.key);
    if (n.rect.x < -0.5f || n.rect.right() > display.x + 0.5f) problems.push_back(n.key + " runs off the side of the screen");
    if (n.role != Role::Button) continue;
    if (n.rect.w < design::kMinTarget || n.rect.h < design::kMinTarget) problems.push_back(n.key + " is smaller than 60 x 60 px");
    if (n.visibleRect.w > 0 && n.visibleRect.y < reachTop) {
      problems.push_back(n.key + " is out of low reach (y " + std::to_string(static_cast<int>(n.visibleRect.y)) + ")");
    }
    buttons.push_back(&n);
  }
  bool scrolledAway = false, scrollCue = false;
  for (const auto& n : tree.uncovered()) {
    const bool whole = n.visibleRect.w >= n.rect.w - 1 && n.visibleRect.h >= n.rect.h - 1;
    if (n.action && (!whole || n.rect.y < -0.5f || n.rect.bottom() > display.y + 0.5f)) {
      problems.push_back(n.key + " is an action but not wholly in view (visible " + std::to_string(static_cast<int>(n.visibleRect.h)) +
                         " of " + std::to_string(static_cast<int>(n.rect.h)) + " px)");
    }
    if (!whole) scrolledAway = true;
    if (n.key == kScrollMoreBelow || n.key == kScrollBackUp) scrollCue = true;
  }
  if (scrolledAway && !scrollCue) problems.push_back("content is scrolled out of view and nothing says there is more");
  // Only what can be touched counts: a tile scrolled half under the bar is not touchable there.
  for (size_t i = 0; i < buttons.size(); ++i) {
    for (size_t j = i + 1; j < buttons.size(); ++j) {
      if (buttons[i]->visibleRect.inset(1).overlaps(buttons[j]->visibleRect.inset(1))) {
        problems.push_back(buttons[i]->key + " overlaps " + buttons[j]->key);
      }
    }
  }
  return problems;
}

}  // namespace kiosk::ui
