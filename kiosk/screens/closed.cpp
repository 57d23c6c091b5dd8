#include "kiosk/screens/closed.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Closed::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents&) {
  using ui::FontRole;
  const JobcenterView& jobcenter = context.jobcenter;
  const ui::Rect content = ui::header(ui, "closed.title");
  const float margin = ui.px(ui::design::kMargin);
  const float gap = ui.px(ui::design::kMessageGap);
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const float width = std::min(area.w - 2 * margin, ui.px(ui::design::kReadingWidth));

  // "Mandag 7. december 08:00-15:00", one line per opening: the next two.
  std::vector<std::string> openings;
  for (const auto& day : jobcenter.nextOpenings) {
    const int64_t at = std::chrono::duration_cast<std::chrono::seconds>(day.opensAt.time_since_epoch()).count();
    openings.push_back(ui.format("closed.opening", {{"day", i18n::formatDate(ui.language(), at)},
                                                    {"opens", domain::clockTime(day.opens)},
                                                    {"closes", domain::clockTime(day.closes)}}));
    if (openings.size() == 2) break;
  }
  const std::string& opensText = ui.tr(openings.empty() ? "closed.no_opening" : "closed.opens");
  const std::string& jobnet = ui.tr("closed.jobnet");
  const std::string phone = jobcenter.supportPhone.empty() ? std::string() : ui.format("closed.phone", {{"phone", jobcenter.supportPhone}});

  const float iconH = ui.text().fonts().size(FontRole::TileIcon);
  float contentH = iconH + gap + ui::textHeight(ui, opensText, FontRole::Label, width);
  for (const auto& line : openings) contentH += ui::textHeight(ui, line, FontRole::Title, width);
  // The address on a line of its own, left to right in every language (a web address inside
  // Arabic or Farsi text would be reordered around its dot).
  constexpr std::string_view kJobnet = "jobnet.dk";
  contentH += gap + ui::textHeight(ui, jobnet, FontRole::Label, width) + ui::textHeight(ui, kJobnet, FontRole::Title, width);
  if (!phone.empty()) contentH += ui::textHeight(ui, phone, FontRole::Label, width);
  const float top = std::max(margin, (viewport.h - contentH) / 2);

  scroll_.begin(ui, "closed", viewport, top + contentH + margin);
  const ui::Vec2 o = scroll_.origin();
  const float left = o.x + (area.w - width) / 2;
  float y = o.y + top;
  ui::drawIcon(ui, FontRole::TileIcon, ui::icon::kWhen, {o.x + area.w / 2, y + iconH / 2}, ui.colors().primary);
  y += iconH + gap;
  y += ui::paragraph(ui, openings.empty() ? "closed.no_opening" : "closed.opens", opensText, FontRole::Label, ui.colors().text,
                     {left, y, width, 0}, ui::Align::Center);
  for (size_t i = 0; i < openings.size(); ++i) {
    y += ui::paragraph(ui, "closed-opening-" + std::to_string(i), openings[i], FontRole::Title, ui.colors().text, {left, y, width, 0},
                       ui::Align::Center);
  }
  y += gap;
  y += ui::paragraph(ui, "closed.jobnet", jobnet, FontRole::Label, ui.colors().text, {left, y, width, 0}, ui::Align::Center);
  {
    ui::TextPath::DirectionScope direction(ui.text(), text::Direction::LeftToRight);
    y += ui::paragraph(ui, "closed-jobnet-address", kJobnet, FontRole::Title, ui.colors().text, {left, y, width, 0}, ui::Align::Center);
  }
  if (!phone.empty()) ui::paragraph(ui, "closed.phone", phone, FontRole::Label, ui.colors().text, {left, y, width, 0}, ui::Align::Center);
  scroll_.end(ui);
}

}  // namespace kiosk::screens
