#pragma once
// The theme's colours as ImGui's draw lists take them. One helper for kiosk/ui and kiosk/screens,
// so a colour means the same bytes everywhere (the app shell has its own in imgui_style.h).

#include <imgui.h>

#include <cstdint>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// For draw lists (AddRect, AddLine, ...): opaque unless told otherwise.
inline ImU32 packedColor(Rgb c, uint8_t alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

}  // namespace kiosk::ui
