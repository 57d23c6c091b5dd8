#pragma once
// Step 2 of booking: how to meet — in person, by phone or by video.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

class BookContactForm final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookContactForm; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
