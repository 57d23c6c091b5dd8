#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// A service this kiosk cannot offer (not connected, or switched off by the jobcenter): say so
// plainly and send the citizen to the desk — never a dead end.
class ServiceUnavailable final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::ServiceUnavailable; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
