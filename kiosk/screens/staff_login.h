#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

// Co-service, step 1: the staff member's number and PIN.
class StaffLogin final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::StaffLogin; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState number_, pin_;
  ui::KeyboardState keyboard_;
  bool onPin_ = false;
};

}  // namespace kiosk::screens
