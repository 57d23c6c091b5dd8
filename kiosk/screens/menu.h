#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// "What do you want to do?": one big pictogram tile per service.
class MainMenu final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::MainMenu; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  ui::ScrollArea scroll_;
};

}  // namespace kiosk::screens
