#include "kiosk/ui/scroll_area.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace kiosk::ui {

void ScrollArea::begin(Ui& ui, std::string_view id, const Rect& viewport, float contentHeight) {
  ImGui::SetCursorScreenPos(ImVec2(viewport.x, viewport.y));
  ImGui::SetNextWindowContentSize(ImVec2(0, contentHeight));
  const std::string name(id);
  ImGui::BeginChild(name.c_str(), ImVec2(viewport.w, viewport.h), false, ImGuiWindowFlags_NoBackground);
  const bool scrolls = contentHeight > viewport.h + 0.5f;
  width_ = viewport.w - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0);
  if (fresh_) {
    // ImGui keeps a region's scroll by its name; a screen shown anew starts at its top.
    ImGui::GetCurrentWindow()->Scroll.y = 0;
    ImGui::SetScrollY(0);
    fresh_ = false;
  }
  // In right-to-left layouts ImGui still puts the scrollbar on the right; content keeps clear of it.
  origin_ = {viewport.x, viewport.y - ImGui::GetScrollY()};

  const auto& io = ImGui::GetIO();
  const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (ImGui::IsMouseClicked(0) && over) dragging_ = true;
  if (!io.MouseDown[0]) dragging_ = false;
  const float threshold = io.MouseDragThreshold;
  if (dragging_ && scrolls && io.MouseDragMaxDistanceSqr[0] > threshold * threshold && io.MouseDelta.y != 0) {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGui::ClearActiveID();  // the drag is a scroll, not a press on whatever is under the finger
  }
  firstNode_ = ui.tree().nodes().size();
}

void ScrollArea::end(Ui& ui) {
  if (!ui.scrollRequest.empty()) {
    const auto& nodes = ui.tree().nodes();
    const float top = origin_.y + ImGui::GetScrollY();  // the viewport's top on screen
    const float viewH = ImGui::GetWindowHeight();
    for (size_t i = firstNode_; i < nodes.size(); ++i) {
      if (nodes[i].key != ui.scrollRequest) continue;
      if (nodes[i].rect.y < top || nodes[i].rect.bottom() > top + viewH) {
        const float contentY = nodes[i].rect.y - origin_.y;
        ImGui::SetScrollY(contentY - (viewH - nodes[i].rect.h) / 2);  // centre it
      }
      ui.scrollRequest.clear();
      break;
    }
  }
  ImGui::EndChild();
}

}  // namespace kiosk::ui
