#pragma once
// Step 4 of booking (step 1 of moving): the day and the time, earliest first.

#include <string>

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

class BookTime final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::BookTime; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  std::string day_;  // the day shown (YYYY-MM-DD in Copenhagen); empty: the first with free times
};

}  // namespace kiosk::screens
