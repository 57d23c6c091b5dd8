#pragma once
#include <string>

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// Move or cancel: the citizen's booked meetings, each with until when it can be changed. The
// footer moves or cancels the chosen one (the first, until another is touched) while the
// jobcenter's rules allow it; past the cut-off it says so plainly and offers help from staff.
class MyBookings final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::MyBookings; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  std::string chosen_;  // the meeting the footer acts on, once the citizen touched one
};

}  // namespace kiosk::screens
