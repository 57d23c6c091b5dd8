#include "kiosk/ui/scroll_area.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

Vec2 pagerButtonSize(Ui& ui, std::string_view key, char32_t icon) { return pagerSize(ui, ui.tr(key), icon, ui.displaySize().x / 2.5f); }

}  // namespace

float ScrollArea::pagerHeight(Ui& ui) {
  const float h = std::max(pagerButtonSize(ui, kScrollMoreBelow, icon::kMoreBelow).y, pagerButtonSize(ui, kScrollBackUp, icon::kBackUp).y);
  return h + 2 * ui.px(design::kPagerPaddingY);
}

void ScrollArea::begin(Ui& ui, std::string_view id, const Rect& viewport, float contentHeight) {
  const bool scrolls = contentHeight > viewport.h + 0.5f;
  const float pagerH = scrolls ? pagerHeight(ui) : 0;
  pagerRow_ = scrolls ? Rect{viewport.x, viewport.bottom() - pagerH, viewport.w, pagerH} : Rect{};
  ImGui::SetCursorScreenPos(ImVec2(viewport.x, viewport.y));
  ImGui::SetNextWindowContentSize(ImVec2(0, contentHeight));
  const std::string name(id);
  // At least a pixel: ImGui reads a height of 0 as "all that is left".
  ImGui::BeginChild(name.c_str(), ImVec2(viewport.w, std::max(1.f, viewport.h - pagerH)), false, ImGuiWindowFlags_NoBackground);
  width_ = viewport.w - (scrolls ? ImGui::GetStyle().ScrollbarSize : 0);
  if (fresh_) {
    // ImGui keeps a region's scroll by its name; a screen shown anew starts at its top.
    ImGui::GetCurrentWindow()->Scroll.y = 0;
    ImGui::SetScrollY(0);
    fresh_ = false;
    turnTo_.reset();
  }
  if (turnTo_) {
    ImGui::SetScrollY(*turnTo_);
    turnTo_.reset();
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
  const float top = origin_.y + ImGui::GetScrollY();  // the viewport's top on screen
  const float viewH = ImGui::GetWindowHeight();
  if (!ui.scrollRequest.empty()) {
    const auto& nodes = ui.tree().nodes();
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
  const float scrollY = ImGui::GetScrollY(), scrollMax = ImGui::GetScrollMaxY();
  ImGui::EndChild();
  if (pagerRow_.h > 0) drawPager(ui, scrollY, scrollMax, viewH);
}

void ScrollArea::drawPager(Ui& ui, float scrollY, float scrollMax, float shownHeight) {
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddLine(ImVec2(pagerRow_.x, pagerRow_.y), ImVec2(pagerRow_.right(), pagerRow_.y), packedColor(c.border), ui.px(design::kHairline));
  // Both buttons keep their places whether or not they show, so nothing jumps under a finger: a
  // second tap on "more below" must not land on "back up" that the first tap brought in. Alone,
  // each therefore sits a little off the centre.
  const Vec2 up = pagerButtonSize(ui, kScrollBackUp, icon::kBackUp);
  const Vec2 down = pagerButtonSize(ui, kScrollMoreBelow, icon::kMoreBelow);
  const float gap = ui.px(design::kGap);
  const float y = pagerRow_.y + ui.px(design::kPagerPaddingY);
  const float x0 = pagerRow_.x + (pagerRow_.w - (up.x + gap + down.x)) / 2;
  const float page = shownHeight * design::kPageStep;
  if (scrollY > 1 && pagerButton(ui, kScrollBackUp, ui.tr(kScrollBackUp), icon::kBackUp, ui.place({x0, y, up.x, up.y}, pagerRow_))) {
    turnTo_ = std::max(0.f, scrollY - page);
  }
  if (scrollY < scrollMax - 1 &&
      pagerButton(ui, kScrollMoreBelow, ui.tr(kScrollMoreBelow), icon::kMoreBelow, ui.place({x0 + up.x + gap, y, down.x, down.y}, pagerRow_))) {
    turnTo_ = std::min(scrollMax, scrollY + page);
  }
}

}  // namespace kiosk::ui
