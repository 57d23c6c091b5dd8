#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

// "I have a meeting today": type the booking code, or scan the health card (a barcode scanner
// types the CPR number and Enter). Shows who to wait for. A booking code that finds no meeting
// stays in the field, so the citizen sees what they typed and mends it; a CPR number is never
// shown back.
class CheckIn final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::CheckIn; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState code_;
  ui::KeyboardState keyboard_;
  bool sent_ = false;
  // The field holds a code that found nothing: the next key typed (or a scan) starts afresh,
  // while Backspace mends it.
  bool replaceOnType_ = false;
};

}  // namespace kiosk::screens
