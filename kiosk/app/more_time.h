#pragma once
// "Do you need more time?": drawn over every screen by the app shell before the idle timeout,
// with the seconds left and one big button. It is its own window on top, so a touch meant for
// it never reaches the screen below.

#include "kiosk/screens/screen.h"
#include "kiosk/ui/ui.h"

namespace kiosk::app {

void drawMoreTime(ui::Ui& ui, int secondsLeft, const ui::Rect& area, screens::Intents& out);

}  // namespace kiosk::app
