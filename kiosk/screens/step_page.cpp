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

std::vector<StepPage::FooterItem> StepPage::footerItems(ui::Ui& ui, const StepFooter& footer) {
  std::vector<FooterItem> items;
  if (footer.back) items.push_back({"common.back", ui.tr("common.back"), ui::icon::kBack, false, true});
  for (const auto& b : footer.more) items.push_back({b.key, b.shown.empty() ? ui.tr(b.key) : b.shown, b.icon, b.primary, b.enabled});
  if (!footer.nextKey.empty()) {
    items.push_back({std::string(footer.nextKey), ui.tr(footer.nextKey), footer.nextIcon, true, footer.nextEnabled});
  }
  return items;
}

StepPage::FooterGrid StepPage::footerGrid(ui::Ui& ui, const StepFooter& footer, float width) {
  const auto items = footerItems(ui, footer);
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

float StepPage::footerHeight(ui::Ui& ui, const StepFooter& footer, const ui::Rect& area) {
  const FooterGrid grid = footerGrid(ui, footer, area.w - 2 * ui.px(ui::design::kMargin));
  if (grid.rows == 0) return 0;
  const float gap = ui.px(ui::design::kGap);
  return static_cast<float>(grid.rows) * grid.buttonH + static_cast<float>(grid.rows - 1) * gap + 2 * ui.px(ui::design::kPageFooterPadding);
}

float StepPage::room(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, const StepFooter& footer) {
  const float top = ui::headerBottom(ui, title.shown, title.step, title.steps);
  return area.bottom() - footerHeight(ui, footer, area) - top - 1.5f * ui.px(ui::design::kMargin);
}

// Between the dock's status, field and keyboard: they belong together, so closer than the page's gap.
float StepPage::dockGap(const ui::Ui& ui) { return ui.px(ui::design::kGap) / 2; }

void StepPage::placeDock(ui::Ui& ui, const ui::Rect& area, float top, float pageContent, float& footerH) {
  DockSpec d = footer_.dock;
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const float width = contentWidth(ui, area);
  // In low reach, what went wrong is text, not a control: where the dock is short of room it may
  // stand in the band above the reach line, in place of the low-reach note, right over the field.
  const ui::Rect band{area.x + margin, ui.headerBottom(), width, top - ui.headerBottom()};
  const bool statusMayRise = d.statusH > 0 && band.h >= d.statusH + gap;
  const float statusH = d.statusH;
  // Short of room the dock's parts also stand closer together.
  float inner = dockGap(ui);
  const float tight = inner / 2;
  auto dockHeight = [&](float rowH, float keysH, float between) { return (d.statusH > 0 ? d.statusH + between : 0) + rowH + between + keysH; };
  // For the page and the dock, each with half a gap around; joined, the page above may be left
  // out, and with it the half gap above the dock.
  auto room = [&](float footerBand) { return area.bottom() - footerBand - top - (footerBand > 0 ? gap : gap / 2); };
  const float pageLeast = std::min(pageContent, ui::ScrollArea::pagerHeight(ui) + ui.text().lineHeight(ui::FontRole::Body) + 1.5f * margin);
  // In the field's row, "back" at the start and the other footer buttons at the end.
  const auto items = footerItems(ui, footer_);
  std::vector<ui::Vec2> sizes;
  float joinedRowH = d.fieldH, joinedButtonsW = 0;
  for (const auto& item : items) {
    sizes.push_back(ui::buttonSize(ui, item.shown, item.icon, width / 3));
    joinedRowH = std::max(joinedRowH, sizes.back().y);
    joinedButtonsW += sizes.back().x + gap;
  }
  // The field gets what the buttons leave of the row: a value on one line across the page may
  // take two there (the monkey typed one the row's height cut off).
  if (d.field) joinedRowH = std::max(joinedRowH, ui::textFieldHeight(ui, *d.field, std::max(1.f, width - joinedButtonsW)));

  float rowH = d.fieldH, keysH = d.keyboardH;
  docked_ = joined_ = false;
  if (pageContent + dockHeight(rowH, d.keyboardH, inner) <= room(footerH)) {
    docked_ = true;
  } else if (pageLeast + dockHeight(rowH, d.keyboardMinH, tight) <= room(footerH)) {
    docked_ = true;
    inner = tight;
    keysH = std::clamp(room(footerH) - pageContent - dockHeight(rowH, 0, inner), d.keyboardMinH, d.keyboardH);
  } else if (!items.empty() && joinedButtonsW <= width * 0.6f) {
    // Shorter still: "back" and "next" join the field's row, and in low reach the status may rise.
    if (statusMayRise && dockHeight(joinedRowH, d.keyboardMinH, tight) > room(0)) d.statusH = 0;
    if (dockHeight(joinedRowH, d.keyboardMinH, tight) <= room(0)) {
      docked_ = joined_ = true;
      footerH = 0;
      inner = tight;
      rowH = joinedRowH;
      keysH = std::clamp(room(0) - pageContent - dockHeight(rowH, 0, inner), d.keyboardMinH, d.keyboardH);
    }
  }
  if (docked_) {
    ui.needRoom();
  } else {
    d.statusH = statusH;
    ui.askForRoom();
  }
  const float statusBlock = d.statusH > 0 ? d.statusH + inner : 0;
  const float dockH = dockHeight(rowH, keysH, inner);
  dock_ = {area.x + margin, area.bottom() - footerH - gap / 2 - dockH, width, dockH};
  const float rowY = dock_.y + statusBlock;
  ui::Rect field{dock_.x, rowY, width, rowH};
  joinedPlaces_.clear();
  if (joined_) {
    // "Back" at the row's start, the others gathered at its end in their order, the field between.
    const size_t firstAtEnd = footer_.back ? 1 : 0;
    float endW = 0;
    for (size_t i = firstAtEnd; i < items.size(); ++i) endW += sizes[i].x + gap;
    if (footer_.back) joinedPlaces_.push_back({dock_.x, rowY, sizes[0].x, rowH});
    float x = dock_.right() - endW + gap;
    for (size_t i = firstAtEnd; i < items.size(); ++i) {
      joinedPlaces_.push_back({x, rowY, sizes[i].x, rowH});
      x += sizes[i].x + gap;
    }
    const float start = footer_.back ? dock_.x + sizes[0].x + gap : dock_.x;
    field = {start, rowY, dock_.right() - endW - start, rowH};
  }
  dockParts_ = {{dock_.x, dock_.y, width, d.statusH}, ui.place(field, dock_), {dock_.x, rowY + rowH + inner, width, keysH}};
  if (docked_ && d.statusH == 0 && statusH > 0) {
    dockParts_.status = {band.x, band.bottom() - ui.px(ui::design::kGap) / 2 - statusH, band.w, statusH};
    ui.takeReachBand();
  }
}

ui::Rect StepPage::begin(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, float contentHeight, const StepFooter& footer) {
  footer_ = footer;
  const ui::Rect below = ui::header(ui, title.key, title.shown, title.step, title.steps);
  const float margin = ui.px(ui::design::kMargin);
  const float width = contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const float pageContent = contentHeight > 0 ? margin * 0.75f + contentHeight + margin * 0.75f : 0;
  // The footer stays put under the page, so the screen's actions are always in reach.
  float footerH = footerHeight(ui, footer, area);
  docked_ = joined_ = false;
  if (footer.dock.wanted()) placeDock(ui, area, below.y, pageContent, footerH);
  footerRect_ = {area.x, area.bottom() - footerH, area.w, footerH};
  const float pageBottom = docked_ ? dock_.y - gap / 2 : footerRect_.y;
  ui::Rect viewport{area.x, below.y, area.w, std::max(0.f, pageBottom - below.y)};
  // Not docked, the dock is the end of the page, at its full height.
  const DockSpec& d = footer.dock;
  const float inner = dockGap(ui);
  const float undockedH = d.wanted() && !docked_ ? (d.statusH > 0 ? d.statusH + inner : 0) + d.fieldH + inner + d.keyboardH : 0;
  float total = pageContent + (undockedH > 0 ? undockedH + gap + (contentHeight <= 0 ? margin * 1.5f : 0) : 0);
  // Above a dock short of room the page keeps only a small margin where that lets all of it show
  // (a one-line question over the field); too low even for its "more below" and a line, it is
  // left out of view rather than squeezed: the header still says what the screen is for.
  float topPad = margin * 0.75f;
  if (docked_ && contentHeight > 0 && viewport.h < total && contentHeight + gap <= viewport.h) topPad = gap / 2, total = contentHeight + gap;
  const float band = below.y - ui.headerBottom();  // above the reach line, in low reach
  if (footer.pageIsText && !docked_ && band > 0 && !ui.reachBandTaken() && viewport.h < total && viewport.h >= ui::ScrollArea::pagerHeight(ui)) {
    viewport.y -= band;
    viewport.h += band;
    ui.takeReachBand();
  }
  pageLeftOut_ = viewport.h < total && viewport.h < ui::ScrollArea::pagerHeight(ui) + ui.text().lineHeight(ui::FontRole::Body);
  if (pageLeftOut_) viewport.h = 0, total = 0;
  pageFirstNode_ = ui.tree().nodes().size();
  scroll_.begin(ui, title.key, viewport, total);
  const ui::Vec2 o = scroll_.origin();
  page_ = {o.x + margin, o.y + topPad, width, contentHeight};
  if (undockedH > 0) {
    dock_ = {page_.x, page_.y + std::max(0.f, contentHeight) + (contentHeight > 0 ? gap : 0), width, undockedH};
    const float rowY = dock_.y + (d.statusH > 0 ? d.statusH + inner : 0);
    dockParts_ = {{dock_.x, dock_.y, width, d.statusH}, {dock_.x, rowY, width, d.fieldH}, {dock_.x, rowY + d.fieldH + inner, width, d.keyboardH}};
  }
  return page_;
}

StepAction StepPage::end(ui::Ui& ui) {
  scroll_.end(ui);
  if (pageLeftOut_) ui.tree().dropFrom(pageFirstNode_);
  tapped_.clear();
  if (joined_) return drawButtons(ui, footerItems(ui, footer_), joinedPlaces_, dock_);
  if (footerRect_.h <= 0) return StepAction::None;
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddLine(ImVec2(footerRect_.x, footerRect_.y), ImVec2(footerRect_.right(), footerRect_.y), ui::packedColor(c.border),
                ui.px(ui::design::kHairline));
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const float padding = ui.px(ui::design::kPageFooterPadding);
  const ui::Rect row{footerRect_.x + margin, footerRect_.y + padding, footerRect_.w - 2 * margin, footerRect_.h - 2 * padding};
  const auto items = footerItems(ui, footer_);
  const FooterGrid grid = footerGrid(ui, footer_, row.w);
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
  return drawButtons(ui, items, places, row);
}

StepAction StepPage::drawButtons(ui::Ui& ui, const std::vector<FooterItem>& items, const std::vector<ui::Rect>& places, const ui::Rect& against) {
  StepAction action = StepAction::None;
  for (size_t i = 0; i < items.size(); ++i) {
    const FooterItem& item = items[i];
    const ui::Rect r = ui.place(places[i], against);
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
