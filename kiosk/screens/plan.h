#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// My plan: the agreement from the last meeting and the ABC job plan, in large text.
class Plan final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Plan; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
