#pragma once
// A theme colour (kiosk/ui/theme.h) as ImGui takes it: ImU32 for a draw list, ImVec4 (through
// ImColor) for the style. One place, so a colour means the same bytes everywhere.

#include <imgui.h>

#include <cstdint>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// For draw lists (AddRect, AddLine, ...): opaque unless told otherwise.
inline ImU32 packedColor(Rgb c, uint8_t alpha = 255) { return IM_COL32(c.r, c.g, c.b, alpha); }

// For the style's colours. alpha: 0 transparent .. 1 opaque; the ImVec4 is exactly c / 255.
inline ImColor imColor(Rgb c, float alpha = 1.f) { return ImColor(c.r / 255.f, c.g / 255.f, c.b / 255.f, alpha); }

}  // namespace kiosk::ui
