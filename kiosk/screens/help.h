#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// Help from staff, reachable from the bar on every screen: one tap, then why (an interpreter in
// the language on screen, "I cannot read this", physical help, something else); the kiosk calls
// staff and says someone is coming.
class StaffHelp final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::StaffHelp; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
