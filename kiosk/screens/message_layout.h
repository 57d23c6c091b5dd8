#pragma once
// The shape shared by screens that only tell the citizen something: the question bar, a big
// pictogram, a few plain sentences and one way back.

#include <string_view>

#include "kiosk/screens/step_page.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

// Returns true when the citizen pressed "back". offerBack false: a message with nowhere to go
// back to (the kiosk is out of order).
bool drawMessage(ui::Ui& ui, StepPage& page, const ui::Rect& area, std::string_view titleKey, char32_t icon,
                 std::string_view bodyKey, bool offerBack = true);

}  // namespace kiosk::screens
