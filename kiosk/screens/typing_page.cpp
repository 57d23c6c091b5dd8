#include "kiosk/screens/typing_page.h"

#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

TypingLayout measureTyping(ui::Ui& ui, const std::string& hint, const ui::TextFieldState& field, const ui::KeyboardState& keyboard,
                           const std::string& status, float width) {
  return {ui::textHeight(ui, hint, ui::FontRole::Body, width), ui::textFieldHeight(ui, field, width), ui::keyboardHeight(ui, keyboard, width),
          status.empty() ? 0 : ui::textHeight(ui, status, ui::FontRole::Label, width)};
}

bool drawTyping(ui::Ui& ui, const ui::Rect& page, const TypingLayout& l, std::string_view hintKey, const std::string& hint,
                std::string_view fieldKey, ui::TextFieldState& field, ui::KeyboardState& keyboard, const std::string& status) {
  const float gap = ui.px(ui::design::kGap);
  const auto& c = ui.colors();
  float y = page.y;
  ui::paragraph(ui, hintKey, hint, ui::FontRole::Body, c.text, ui.place({page.x, y, page.w, l.hintH}, page));
  y += l.hintH + gap;
  bool enter = ui::textField(ui, fieldKey, field, {page.x, y, page.w, l.fieldH}, true);
  y += l.fieldH + gap;
  if (!status.empty()) {
    ui::statusText(ui, std::string(fieldKey) + ".status", status, ui.place({page.x, y, page.w, l.statusH}, page));
    y += l.statusH + gap;
  }
  enter = ui::keyboard(ui, keyboard, field, {page.x, y, page.w, l.keyboardH}) || enter;
  return enter;
}

}  // namespace kiosk::screens
