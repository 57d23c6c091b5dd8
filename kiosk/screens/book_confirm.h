#pragma once
// Step 6 of booking (step 2 of moving): everything chosen, and one button that books it.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

class BookConfirm final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookConfirm; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
