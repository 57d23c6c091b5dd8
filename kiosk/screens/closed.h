#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// Outside opening hours: a calm screen with when the jobcenter opens next and where else to get
// help (jobnet.dk, the jobcenter's phone). No way on: the app takes it away at opening time, and
// draws no frames until then.
class Closed final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Closed; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  ui::ScrollArea scroll_;
};

}  // namespace kiosk::screens
