#include "kiosk/screens/message_layout.h"

#include <algorithm>

#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

bool drawMessage(ui::Ui& ui, StepPage& page, const ui::Rect& area, std::string_view titleKey, char32_t icon, std::string_view bodyKey,
                 bool offerBack) {
  using ui::FontRole;
  const float gap = ui.px(ui::design::kMessageGap);
  const float pageW = StepPage::contentWidth(ui, area);
  const float width = std::min(pageW, ui.px(ui::design::kReadingWidth));
  const float iconH = ui.text().fonts().size(FontRole::TileIcon);
  const std::string& body = ui.tr(bodyKey);
  const float bodyH = ui::textHeight(ui, body, FontRole::Label, width);
  const float contentH = iconH + gap + bodyH;
  // "Back" is docked under the message (the back arrow points the way reading goes back: left
  // in Danish, right in Arabic), so a long message at 200 % never pushes it out of view.
  const ui::Rect r = page.begin(ui, {.key = titleKey, .shown = ui.tr(titleKey)}, area, contentH, {.back = offerBack, .pageIsText = true});
  const float left = r.x + (pageW - width) / 2;
  float y = r.y;
  ui::drawIcon(ui, FontRole::TileIcon, icon, {r.x + pageW / 2, y + iconH / 2}, ui.colors().primary);
  y += iconH + gap;
  ui::paragraph(ui, bodyKey, body, FontRole::Label, ui.colors().text, {left, y, width, bodyH}, ui::Align::Center);
  return page.end(ui) == StepAction::Back;
}

}  // namespace kiosk::screens
