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

std::vector<StepPage::FooterItem> StepPage::footerItems(ui::Ui& ui) const {
  std::vector<FooterItem> items;
  if (footer_.back) items.push_back({"common.back", ui.tr("common.back"), ui::icon::kBack, false, true});
  for (const auto& b : footer_.more) items.push_back({b.key, b.shown.empty() ? ui.tr(b.key) : b.shown, b.icon, b.primary, b.enabled});
  if (!footer_.nextKey.empty()) {
    items.push_back({std::string(footer_.nextKey), ui.tr(footer_.nextKey), footer_.nextIcon, true, footer_.nextEnabled});
  }
  return items;
}

StepPage::FooterGrid StepPage::footerGrid(ui::Ui& ui, float width) const {
  const auto items = footerItems(ui);
  const int n = static_cast<int>(items.size());
  if (n == 0) return {};
  const float gap = ui.px(ui::design::kGap);
  float natural = gap * static_cast<float>(n - 1), tallest = 0;
  for (const auto& item : items) {
    const ui::Vec2 size = ui::buttonSize(ui, item.shown, item.icon, width);
    natural += size.x;
    tallest = std::max(tallest, size.y);
  }
  // Side by side at their own widths while they fit (buttonW 0 says so); else equal shares of
  // the row, on as few rows as keep every label whole.
  if (natural <= width) return {n, 1, 0, tallest};
  for (int rows = 1; rows <= n; ++rows) {
    const int perRow = (n + rows - 1) / rows;
    const float share = (width - gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow);
    bool whole = true;
    float h = 0;
    for (const auto& item : items) {
      whole = whole && ui::buttonFits(ui, item.shown, item.icon, share);
      h = std::max(h, ui::buttonSize(ui, item.shown, item.icon, share).y);
    }
    if (whole || perRow == 1) return {perRow, rows, share, h};
  }
  return {};
}

ui::Rect StepPage::begin(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, float contentHeight, const StepFooter& footer) {
  footer_ = footer;
  const ui::Rect below = ui::header(ui, title.key, title.shown, title.step, title.steps);
  const float margin = ui.px(ui::design::kMargin);
  const float width = contentWidth(ui, area);
  // The footer stays put under the page, so the screen's actions are always in reach.
  const FooterGrid grid = footerGrid(ui, area.w - 2 * margin);
  const float gap = ui.px(ui::design::kGap);
  const float footerH = grid.rows == 0 ? 0
                                       : static_cast<float>(grid.rows) * grid.buttonH + static_cast<float>(grid.rows - 1) * gap +
                                             2 * ui.px(ui::design::kPageFooterPadding);
  footerRect_ = {area.x, area.bottom() - footerH, area.w, footerH};
  float pageBottom = footerRect_.y;
  const float pageContent = contentHeight > 0 ? margin * 0.75f + contentHeight + margin * 0.75f : 0;
  // Docked only where the whole page fits above the dock too; short of room (low reach, large
  // text) the dock's field and keyboard go to the end of the page instead, which then scrolls
  // with "more below" — never a keyboard squeezed under the touch minimum.
  docked_ = footer.dock > 0 && below.y + pageContent + gap / 2 + footer.dock + gap / 2 <= footerRect_.y;
  if (docked_) {
    dock_ = {area.x + margin, footerRect_.y - gap / 2 - footer.dock, width, footer.dock};
    pageBottom = dock_.y - gap / 2;
  }
  const float undocked = footer.dock > 0 && !docked_ ? footer.dock + gap : 0;
  const ui::Rect viewport{area.x, below.y, area.w, std::max(0.f, pageBottom - below.y)};
  const float total = pageContent + undocked + (undocked > 0 && contentHeight <= 0 ? margin * 1.5f : 0);
  scroll_.begin(ui, title.key, viewport, total);
  const ui::Vec2 o = scroll_.origin();
  page_ = {o.x + margin, o.y + margin * 0.75f, width, contentHeight};
  if (!docked_ && footer.dock > 0) dock_ = {page_.x, page_.y + std::max(0.f, contentHeight) + (contentHeight > 0 ? gap : 0), width, footer.dock};
  return page_;
}

StepAction StepPage::end(ui::Ui& ui) {
  scroll_.end(ui);
  tapped_.clear();
  if (footerRect_.h <= 0) return StepAction::None;
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddLine(ImVec2(footerRect_.x, footerRect_.y), ImVec2(footerRect_.right(), footerRect_.y), ui::packedColor(c.border),
                ui.px(ui::design::kHairline));
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const float padding = ui.px(ui::design::kPageFooterPadding);
  const ui::Rect row{footerRect_.x + margin, footerRect_.y + padding, footerRect_.w - 2 * margin, footerRect_.h - 2 * padding};
  const auto items = footerItems(ui);
  const FooterGrid grid = footerGrid(ui, row.w);
  std::vector<ui::Rect> places;
  if (grid.buttonW == 0) {
    // One row at their own widths: "back" at the start, the others gathered at the end.
    float x = row.right();
    for (size_t i = items.size(); i-- > 0;) {
      const float w = ui::buttonSize(ui, items[i].shown, items[i].icon, row.w).x;
      const bool atStart = i == 0 && footer_.back;
      places.push_back({atStart ? row.x : x - w, row.y, w, grid.buttonH});
      x -= w + gap;
    }
    std::reverse(places.begin(), places.end());
  } else {
    for (size_t i = 0; i < items.size(); ++i) {
      const int r = static_cast<int>(i) / grid.perRow, col = static_cast<int>(i) % grid.perRow;
      places.push_back({row.x + static_cast<float>(col) * (grid.buttonW + gap), row.y + static_cast<float>(r) * (grid.buttonH + gap),
                        grid.buttonW, grid.buttonH});
    }
  }
  StepAction action = StepAction::None;
  for (size_t i = 0; i < items.size(); ++i) {
    const FooterItem& item = items[i];
    const ui::Rect r = ui.place(places[i], row);
    const ui::ButtonOptions options{.enabled = item.enabled};
    const bool pressed = item.primary ? ui::primaryButton(ui, item.key, item.shown, item.icon, r, options)
                                      : ui::outlineButton(ui, item.key, item.shown, item.icon, r, options);
    if (!pressed || !item.enabled) continue;
    if (i == 0 && footer_.back) action = StepAction::Back;
    else if (i + 1 == items.size() && !footer_.nextKey.empty()) action = StepAction::Next;
    else action = StepAction::More, tapped_ = item.key;
  }
  return action;
}

}  // namespace kiosk::screens
