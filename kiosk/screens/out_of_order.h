#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// The kiosk cannot serve anyone (its configuration is unusable): say so calmly and send the
// citizen to the desk. No technical detail here — the precise reason is in the operator's log —
// and no way on: the app keeps this screen, cycling through the enabled languages.
class OutOfOrder final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::OutOfOrder; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
