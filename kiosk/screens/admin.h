#pragma once
#include <vector>

#include "kiosk/screens/screen.h"
#include "kiosk/ui/geometry.h"

namespace kiosk::screens {

// The admin screen (staff and IT, after the PIN): the kiosk's health in four panels —
// connection, devices, today's anonymous figures, tests — and "restart kiosk". Never a
// citizen's data. The touch test is this screen's own mode: it marks where fingers land.
class Admin final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Admin; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  void drawTouchTest(ui::Ui& ui, const ui::Rect& area);
  bool touchTest_ = false;
  std::vector<ui::Vec2> touches_;  // where fingers landed, in the touch test
};

}  // namespace kiosk::screens
