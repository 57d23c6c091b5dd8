#include "kiosk/ui/kiosk_style.h"

#include <cmath>

#include "kiosk/ui/colors.h"

namespace kiosk::ui {

void applyKioskStyle(ImGuiStyle& style, const Palette& colors, float scale) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.ItemSpacing = ImVec2(0, 0);
  style.ScrollbarSize = std::round(22 * scale);
  style.ScrollbarRounding = 11 * scale;
  style.TouchExtraPadding = ImVec2(4 * scale, 4 * scale);
  style.Colors[ImGuiCol_WindowBg] = imColor(colors.background);
  style.Colors[ImGuiCol_ChildBg] = imColor(colors.background, 0);
  style.Colors[ImGuiCol_ScrollbarBg] = imColor(colors.barBackground);
  style.Colors[ImGuiCol_ScrollbarGrab] = imColor(colors.border);
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = imColor(colors.border);
  style.Colors[ImGuiCol_ScrollbarGrabActive] = imColor(colors.primary);
}

}  // namespace kiosk::ui
