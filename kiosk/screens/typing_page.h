#pragma once
// The pages where something is typed without a login (check-in, co-service): a question, a field
// with its keyboard, and a status line, measured once and drawn in that order.

#include <string>
#include <string_view>

#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

struct TypingLayout {
  float hintH, fieldH, keyboardH, statusH;
  float total(float gap) const { return hintH + gap + fieldH + gap + keyboardH + (statusH > 0 ? gap + statusH : 0); }
};

TypingLayout measureTyping(ui::Ui& ui, const std::string& hint, const ui::TextFieldState& field, const ui::KeyboardState& keyboard,
                           const std::string& status, float width);

// Returns true when Enter was pressed (on the keyboard, a physical one or a scanner).
bool drawTyping(ui::Ui& ui, const ui::Rect& page, const TypingLayout& l, std::string_view hintKey, const std::string& hint,
                std::string_view fieldKey, ui::TextFieldState& field, ui::KeyboardState& keyboard, const std::string& status);

}  // namespace kiosk::screens
