#pragma once
// A theme colour (kiosk/ui/theme.h) as ImGui takes it. ImColor turns into either of ImGui's
// forms — ImU32 for a draw list, ImVec4 for the style — so one helper serves both.

#include <imgui.h>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// alpha: 0 transparent .. 1 opaque. Exact both ways: the ImVec4 is c / 255, the ImU32 is c.
inline ImColor imColor(Rgb c, float alpha = 1.f) { return ImColor(c.r / 255.f, c.g / 255.f, c.b / 255.f, alpha); }

}  // namespace kiosk::ui
