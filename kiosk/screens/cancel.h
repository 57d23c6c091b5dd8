#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// "Do you want to cancel this meeting?" — the meeting, and one button that cancels it.
class CancelBooking final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::CancelBooking; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
