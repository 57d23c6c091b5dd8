#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"

namespace kiosk::screens {

// Co-service, step 2: the citizen's CPR number, typed by staff or scanned from the health card.
class AssistedCitizen final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::AssistedCitizen; }
  void onEnter(const ScreenContext& context) override;
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
  ui::TextFieldState cpr_;
  ui::KeyboardState keyboard_;
};

}  // namespace kiosk::screens
