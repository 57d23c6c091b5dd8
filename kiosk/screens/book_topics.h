#pragma once
// Step 1 of booking: what the meeting is about — one or more topics, so the consultant can prepare.

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

class BookTopics final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookTopics; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
