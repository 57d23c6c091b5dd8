#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// Job-support activities: each with its date, place and seats left; sign up or cancel in one tap.
class Activities final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Activities; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
