#pragma once
// Step 3 of booking: who to meet — "no preference" first, then the consultants who meet that way
// and know the topic, with the languages they speak.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

class BookConsultant final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookConsultant; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
