#pragma once
// The flow as a state machine: which screen is showing, and the way back. Switching happens
// between frames, when the app applies a screen's intents; a new screen starts fresh each time.

#include <memory>
#include <vector>

#include "kiosk/screens/screen.h"

namespace kiosk::app {

class Router {
 public:
  explicit Router(const screens::ScreenContext& context);

  screens::Screen& current() { return *current_; }
  const screens::Screen& current() const { return *current_; }
  screens::ScreenId currentId() const { return current_->id(); }

  void switchTo(screens::ScreenId id, const screens::ScreenContext& context);
  void goBack(const screens::ScreenContext& context);
  // Back to the attract screen with no way back: the citizen has gone.
  void reset(const screens::ScreenContext& context);

 private:
  void enter(screens::ScreenId id, const screens::ScreenContext& context);

  std::unique_ptr<screens::Screen> current_;
  std::vector<screens::ScreenId> history_;
};

}  // namespace kiosk::app
