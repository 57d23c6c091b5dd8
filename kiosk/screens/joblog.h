#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// My job log: the entries, newest first, how many this week against the plan's weekly number,
// and "add a job I applied for" / "add something else I did to find a job".
class Joblog final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Joblog; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
