#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// Help from staff, reachable from the bar on every screen.
class StaffHelp final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::StaffHelp; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  ui::ScrollArea scroll_;
};

}  // namespace kiosk::screens
