#pragma once
// Step 5 of booking: the citizen's own wishes for the meeting, and an interpreter.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

class BookWishes final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookWishes; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState wishes_;
  ui::KeyboardState keyboard_;
  bool typing_ = false;
  bool interpreter_ = false;
};

}  // namespace kiosk::screens
