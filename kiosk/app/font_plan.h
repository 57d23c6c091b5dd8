#pragma once
// Decides what the font atlas must hold for a language and text size: every string of that
// language's catalog, every language's own name (the chooser shows them all), and the greetings
// the attract screen cycles through.

#include <string>

#include "kiosk/i18n/catalogs.h"
#include "kiosk/ui/fonts.h"

namespace kiosk::app {

ui::FontPlan planFonts(const i18n::Catalogs& catalogs, const std::string& language, int textSizePercent, float pixelScale);

}  // namespace kiosk::app
