#pragma once
// The kiosk's ImGui style, for the app and for anything that draws kiosk frames without it (the
// widget tests' harness): nothing between widgets (the theme lays everything out), scrollbars a
// finger can use, a little touch padding, the theme's colours behind everything.

#include <imgui.h>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// Resets style to ImGui's defaults first, so nothing of a previous frame's style is left. Apply
// it every frame: the palette (contrast) and the scale (display size) can change between frames.
// scale: display pixels per design pixel (Ui::px(1)).
void applyKioskStyle(ImGuiStyle& style, const Palette& colors, float scale);

}  // namespace kiosk::ui
