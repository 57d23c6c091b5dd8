#include "kiosk/screens/typing_page.h"

#include <algorithm>

#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

TypingLayout measureTyping(ui::Ui& ui, const std::string& hint, const ui::TextFieldState& field, const ui::KeyboardState& keyboard,
                           const std::string& status, float width) {
  return {ui::textHeight(ui, hint, ui::FontRole::Body, width), ui::textFieldHeight(ui, field, width), ui::keyboardHeight(ui, keyboard, width),
          ui::keyboardMinHeight(ui, keyboard, width), status.empty() ? 0 : ui::textHeight(ui, status, ui::FontRole::Label, width), &field};
}

void drawTypingHint(ui::Ui& ui, const ui::Rect& page, const TypingLayout& l, std::string_view hintKey, const std::string& hint) {
  ui::paragraph(ui, hintKey, hint, ui::FontRole::Body, ui.colors().text, ui.place({page.x, page.y, page.w, l.hintH}, page));
}

bool drawTypingDock(ui::Ui& ui, const DockParts& dock, std::string_view fieldKey, ui::TextFieldState& field, ui::KeyboardState& keyboard,
                    const std::string& status) {
  if (!status.empty()) ui::statusText(ui, std::string(fieldKey) + ".status", status, dock.status);
  bool enter = ui::textField(ui, fieldKey, field, dock.field, true);
  enter = ui::keyboard(ui, keyboard, field, dock.keyboard) || enter;
  return enter;
}

}  // namespace kiosk::screens
