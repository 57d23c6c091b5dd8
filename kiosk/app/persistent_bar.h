#pragma once
// The bar at the bottom of every screen, always the same buttons in the same places: language,
// text size, read aloud, contrast, help from staff, start over.

#include "kiosk/screens/screen.h"

namespace kiosk::app {

float barHeight(ui::Ui& ui, const screens::Preferences& preferences, float width);
void drawBar(ui::Ui& ui, const screens::Preferences& preferences, screens::ScreenId current, const ui::Rect& bar,
             screens::Intents& out);

}  // namespace kiosk::app
