#include "kiosk/ui/notice.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

struct NoticeParts {
  float padding, icon, gap;
};

NoticeParts parts(Ui& ui) {
  return {ui.px(design::kTilePadding), ui.text().fonts().size(FontRole::BarIcon), ui.px(design::kGap) / 2};
}

}  // namespace

float noticeHeight(Ui& ui, std::string_view shown, float width) {
  const NoticeParts p = parts(ui);
  const float textW = width - 2 * p.padding - p.icon - p.gap;
  return std::max(p.icon, textHeight(ui, shown, FontRole::Label, textW)) + 2 * p.padding;
}

void notice(Ui& ui, std::string_view key, std::string_view shown, NoticeTone tone, const Rect& r) {
  const auto& c = ui.colors();
  const bool done = tone == NoticeTone::Done;
  const Rgb ink = done ? c.doneText : c.text;
  const Rgb mark = done ? c.doneText : c.primary;
  auto* list = ImGui::GetWindowDrawList();
  const float radius = ui.px(design::kRadius), b = ui.px(design::kNoticeBorder);
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(done ? c.doneSurface : c.surface), radius);
  list->AddRect(ImVec2(r.x + b / 2, r.y + b / 2), ImVec2(r.right() - b / 2, r.bottom() - b / 2), packedColor(mark), radius, 0, b);

  const NoticeParts p = parts(ui);
  const Rect iconBox = ui.place({r.x + p.padding, r.y, p.icon, r.h}, r);
  drawIcon(ui, FontRole::BarIcon, done ? icon::kConfirmed : icon::kAttention, iconBox.center(), mark);
  const float textX = r.x + p.padding + p.icon + p.gap;
  const float textW = r.w - 2 * p.padding - p.icon - p.gap;
  const float textH = textHeight(ui, shown, FontRole::Label, textW);
  paragraph(ui, key, shown, FontRole::Label, ink, ui.place({textX, r.y + (r.h - textH) / 2, textW, textH}, r), Align::Start, Role::Status);
}

}  // namespace kiosk::ui
