#pragma once
// The bar at the bottom of every screen, always the same buttons in the same places: language,
// text size, read aloud, low reach, contrast, help from staff, and start over ("log out" while a
// citizen is logged in). Above it, while speech mode is on, the speech strip in the same columns:
// say it again, slower, quieter, louder, and the citizen's details on the loudspeaker when they
// were left out.

#include "kiosk/app/read_aloud.h"
#include "kiosk/screens/screen.h"

namespace kiosk::app {

struct BarState {
  screens::ScreenId current;
  bool staffCalled = false;      // a call for staff is open: help says help is coming, on every screen
  bool citizenLoggedIn = false;  // the last button logs out instead of starting over
};

float barHeight(ui::Ui& ui, const screens::Preferences& preferences, float width);
void drawBar(ui::Ui& ui, const screens::Preferences& preferences, const BarState& state, const ui::Rect& bar, screens::Intents& out);

// Low reach: the band between the header and the reach line says why the controls start lower,
// for whoever stands there next.
void drawLowReachNote(ui::Ui& ui, const ui::Rect& top);

float speechStripHeight(ui::Ui& ui, const SpeechControls& controls, float width);
void drawSpeechStrip(ui::Ui& ui, const SpeechControls& controls, const ui::Rect& strip, screens::Intents& out);

// Above the bar on every screen: co-service ("Birgitte from the jobcenter is helping you — you
// choose and confirm") while a staff member is signed in, or "we told staff, stay here" while a
// call for staff is open. key: the banner's identity in the accessibility tree.
float staffBannerHeight(ui::Ui& ui, const std::string& text, float width);
void drawStaffBanner(ui::Ui& ui, std::string_view key, const std::string& text, const ui::Rect& banner);

}  // namespace kiosk::app
