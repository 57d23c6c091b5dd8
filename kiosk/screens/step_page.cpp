#include "kiosk/screens/step_page.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

float StepPage::contentWidth(const ui::Ui& ui, const ui::Rect& area) {
  // Room is kept for the scrollbar whether or not the page scrolls, so what is measured is what
  // is drawn.
  return area.w - 2 * ui.px(ui::design::kMargin) - ImGui::GetStyle().ScrollbarSize;
}

float StepPage::footerHeight(ui::Ui& ui, float width) const {
  float h = 0;
  if (footer_.back) h = ui::buttonSize(ui, ui.tr("common.back"), ui::icon::kBack, width / 2).y;
  if (!footer_.nextKey.empty()) h = std::max(h, ui::buttonSize(ui, ui.tr(footer_.nextKey), footer_.nextIcon, width / 2).y);
  return h > 0 ? h + 2 * ui.px(ui::design::kPageFooterPadding) : 0;
}

ui::Rect StepPage::begin(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, float contentHeight, const StepFooter& footer) {
  footer_ = footer;
  const ui::Rect below = ui::header(ui, title.key, title.shown, title.step, title.steps);
  const float margin = ui.px(ui::design::kMargin);
  const float width = contentWidth(ui, area);
  // The footer stays put under the page, so "next" and "back" are always in reach.
  const float footerH = footerHeight(ui, width);
  footerRect_ = {area.x, area.bottom() - footerH, area.w, footerH};
  const ui::Rect viewport{area.x, below.y, area.w, footerRect_.y - below.y};
  const float total = margin * 0.75f + contentHeight + margin * 0.75f;
  scroll_.begin(ui, title.key, viewport, total);
  const ui::Vec2 o = scroll_.origin();
  page_ = {o.x + margin, o.y + margin * 0.75f, width, contentHeight};
  return page_;
}

StepAction StepPage::end(ui::Ui& ui) {
  scroll_.end(ui);
  StepAction action = StepAction::None;
  if (footerRect_.h <= 0) return action;
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddLine(ImVec2(footerRect_.x, footerRect_.y), ImVec2(footerRect_.right(), footerRect_.y), ui::packedColor(c.border),
                ui.px(ui::design::kHairline));
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const float padding = ui.px(ui::design::kPageFooterPadding);
  const ui::Rect row{footerRect_.x + margin, footerRect_.y + padding, footerRect_.w - 2 * margin, footerRect_.h - 2 * padding};
  if (footer_.back) {
    const std::string& label = ui.tr("common.back");
    const ui::Vec2 size = ui::buttonSize(ui, label, ui::icon::kBack, row.w / 2 - gap);
    if (ui::outlineButton(ui, "common.back", label, ui::icon::kBack, ui.place({row.x, row.y, size.x, row.h}, row))) action = StepAction::Back;
  }
  if (!footer_.nextKey.empty()) {
    const std::string& label = ui.tr(footer_.nextKey);
    const ui::Vec2 size = ui::buttonSize(ui, label, footer_.nextIcon, row.w / 2 - gap);
    const ui::Rect r = ui.place({row.right() - size.x, row.y, size.x, row.h}, row);
    if (ui::primaryButton(ui, footer_.nextKey, label, footer_.nextIcon, r, footer_.nextEnabled)) action = StepAction::Next;
  }
  return action;
}

}  // namespace kiosk::screens
