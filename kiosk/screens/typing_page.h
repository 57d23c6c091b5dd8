#pragma once
// The pages where something is typed without a login (check-in, co-service): a question that
// may scroll, and docked above the footer (StepFooter::dock) the status line, the field and its
// keyboard, so that what is typed, what went wrong and every key stay in view at every size.

#include <string>
#include <string_view>

#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

struct TypingLayout {
  float hintH, fieldH, keyboardH, keyboardMinH, statusH;
  const ui::TextFieldState* field;
  float content() const { return hintH; }
  DockSpec dock() const { return {.statusH = statusH, .fieldH = fieldH, .keyboardH = keyboardH, .keyboardMinH = keyboardMinH, .field = field}; }
};

TypingLayout measureTyping(ui::Ui& ui, const std::string& hint, const ui::TextFieldState& field, const ui::KeyboardState& keyboard,
                           const std::string& status, float width);

// The hint, in the page (between StepPage::begin and end).
void drawTypingHint(ui::Ui& ui, const ui::Rect& page, const TypingLayout& l, std::string_view hintKey, const std::string& hint);
// The status, the field and the keyboard, in the dock (after StepPage::end: the dock is outside
// the page that scrolls), at the places StepPage gave them. Returns true when Enter was pressed (on the keyboard, a physical one
// or a scanner).
bool drawTypingDock(ui::Ui& ui, const DockParts& dock, std::string_view fieldKey, ui::TextFieldState& field, ui::KeyboardState& keyboard,
                    const std::string& status);

}  // namespace kiosk::screens
