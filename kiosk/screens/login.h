#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// Log in with the citizen's own phone (OAuth device grant): a QR code of the login address, the
// short code as a fallback, three numbered steps, and what to do without a smartphone. The app
// starts and polls the login; this screen shows how it is going.
class LoginWithPhone final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::LoginWithPhone; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  StepPage page_;
};

}  // namespace kiosk::screens
