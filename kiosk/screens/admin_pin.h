#pragma once
#include <string>

#include "kiosk/screens/screen.h"
#include "kiosk/screens/step_page.h"

namespace kiosk::screens {

// The admin PIN pad, after the admin gesture: digits, erase, open. The PIN is handed to the app
// to check (Argon2id, off the UI thread) and wiped here at once; what the check said, and the
// lock-out after five wrong PINs, come back through the AdminView.
class AdminPin final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::AdminPin; }
  void onExit() override { wipe(); }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  void wipe();
  std::string typed_;
  StepPage page_;
};

}  // namespace kiosk::screens
