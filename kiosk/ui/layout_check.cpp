#include "kiosk/ui/layout_check.h"

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
