#pragma once
// The errands that need no login: checking in for today's meeting, and staff co-service (a staff
// member signs in, then identifies a citizen who has no smartphone).

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

// "I have a meeting today": type the booking code, or scan the health card (a barcode scanner
// types the CPR number and Enter). Shows who to wait for; the number is never shown back.
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
};

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

// Co-service, step 2: the citizen's CPR number, typed by staff or scanned from the health card.
class AssistedCitizen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::AssistedCitizen; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState cpr_;
  ui::KeyboardState keyboard_;
};

}  // namespace kiosk::screens
