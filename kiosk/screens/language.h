#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// Every language by its own name in its own script — never flags, which stand for countries.
class ChooseLanguageScreen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::ChooseLanguage; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  ui::ScrollArea scroll_;
};

}  // namespace kiosk::screens
