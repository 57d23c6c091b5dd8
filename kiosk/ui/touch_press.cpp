#include "kiosk/ui/touch_press.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::ui {

Rect visiblePart(const Rect& r) {
  const ImVec4 clip = ImGui::GetWindowDrawList()->_ClipRectStack.back();
  const float x0 = std::max(r.x, clip.x), y0 = std::max(r.y, clip.y);
  const float x1 = std::min(r.right(), clip.z), y1 = std::min(r.bottom(), clip.w);
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

Press press(std::string_view id, const Rect& r, bool enabled) {
  Press result;
  result.visible = visiblePart(r);
  const ImGuiID gid = ImGui::GetID(id.data(), id.data() + id.size());
  const ImRect bb(r.x, r.y, r.right(), r.bottom());
  if (!ImGui::ItemAdd(bb, gid) || !enabled) return result;
  bool hovered = false, held = false;
  const bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held, ImGuiButtonFlags_PressedOnRelease);
  const float threshold = ImGui::GetIO().MouseDragThreshold;
  const bool travelled = ImGui::GetIO().MouseDragMaxDistanceSqr[0] > threshold * threshold;
  result.held = held && !travelled;
  result.activated = pressed && !travelled;
  return result;
}

}  // namespace kiosk::ui
