#pragma once
// The bar at the bottom of every screen, always the same buttons in the same places: language,
// text size, read aloud, contrast, help from staff, start over.

#include "kiosk/screens/screen.h"

namespace kiosk::app {

float barHeight(ui::Ui& ui, const screens::Preferences& preferences, float width);
void drawBar(ui::Ui& ui, const screens::Preferences& preferences, screens::ScreenId current, const ui::Rect& bar,
             screens::Intents& out);

// Co-service: "Birgitte from the jobcenter is helping you — you choose and confirm", above the
// bar on every screen while a staff member is signed in.
float assistedBannerHeight(ui::Ui& ui, const std::string& text, float width);
void drawAssistedBanner(ui::Ui& ui, const std::string& text, const ui::Rect& banner);

}  // namespace kiosk::app
