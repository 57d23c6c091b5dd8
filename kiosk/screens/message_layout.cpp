#include "kiosk/screens/message_layout.h"

#include <algorithm>

#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

bool drawMessage(ui::Ui& ui, ui::ScrollArea& scroll, const ui::Rect& area, std::string_view titleKey, char32_t icon,
                 std::string_view bodyKey, bool offerBack) {
  using ui::FontRole;
  const ui::Rect content = ui::header(ui, titleKey);
  const float margin = ui.px(ui::design::kMargin);
  const float gap = ui.px(ui::design::kMessageGap);
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const float width = std::min(area.w - 2 * margin, ui.px(ui::design::kReadingWidth));
  const float iconH = ui.text().fonts().size(FontRole::TileIcon);
  const std::string& body = ui.tr(bodyKey);
  const float bodyH = ui::textHeight(ui, body, FontRole::Label, width);
  const std::string& backLabel = ui.tr("common.back");
  const ui::Vec2 back = offerBack ? ui::pillSize(ui, backLabel, ui::icon::kBack, width) : ui::Vec2{};
  const float contentH = iconH + gap + bodyH + (offerBack ? gap * 1.5f + back.y : 0);
  const float top = std::max(margin, (viewport.h - contentH) / 2);

  scroll.begin(ui, "message", viewport, top + contentH + margin);
  const ui::Vec2 o = scroll.origin();
  const float left = o.x + (area.w - width) / 2;
  float y = o.y + top;
  ui::drawIcon(ui, FontRole::TileIcon, icon, {o.x + area.w / 2, y + iconH / 2}, ui.colors().primary);
  y += iconH + gap;
  ui::paragraph(ui, bodyKey, body, FontRole::Label, ui.colors().text, {left, y, width, bodyH}, ui::Align::Center);
  y += bodyH + gap * 1.5f;
  if (!offerBack) return scroll.end(ui), false;
  // The back arrow points the way the reading goes back: left in Danish, right in Arabic.
  const bool pressed = ui::pillButton(ui, "common.back", backLabel, ui::icon::kBack, {o.x + (area.w - back.x) / 2, y, back.x, back.y});
  scroll.end(ui);
  return pressed;
}

}  // namespace kiosk::screens
