#include "kiosk/screens/attract.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

namespace {

// Greeting in a language the next screen does not offer would be a promise it breaks. Should
// none be offered (a misconfiguration), every language the kiosk has rather than none.
std::vector<const i18n::Language*> greetedLanguages(const ScreenContext& context) {
  auto offered = offeredLanguages(context);
  if (offered.empty()) {
    for (const auto& language : context.catalogs.languages().languages) offered.push_back(&language);
  }
  return offered;
}

}  // namespace

size_t Attract::greetingIndex(const ScreenContext& context, size_t languages) const {
  const auto elapsed = std::max(Clock::duration::zero(), context.now - enteredAt_);
  return static_cast<size_t>(elapsed / kGreetingPeriod) % std::max<size_t>(1, languages);
}

std::optional<Clock::time_point> Attract::nextWakeup(const ScreenContext& context) const {
  const auto elapsed = std::max(Clock::duration::zero(), context.now - enteredAt_);
  return enteredAt_ + (elapsed / kGreetingPeriod + 1) * kGreetingPeriod;
}

void Attract::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const auto& colors = ui.colors();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(area.x, area.y), ImVec2(area.right(), area.bottom()),
                                            ui::packedColor(colors.primary));
  const auto languages = greetedLanguages(context);
  const i18n::Language& shown = *languages[greetingIndex(context, languages.size())];
  const std::string& welcome = context.catalogs.text(shown.code, "attract.welcome");
  const std::string& start = context.catalogs.text(shown.code, "attract.touch_to_start");

  const float margin = ui.px(ui::design::kMargin);
  const float width = area.w - 2 * margin;
  const float gap = ui.px(ui::design::kAttractGap);

  // Measure first: the greeting, a row of short greetings in every language, the start button.
  float welcomeH = 0;
  {
    ui::TextPath::DirectionScope direction(ui.text(), shown.direction);
    welcomeH = ui::textHeight(ui, welcome, FontRole::Display, width);
  }
  struct Hello {
    const i18n::Language* language;
    const std::string* text;
    float w;
  };
  std::vector<Hello> hellos;
  const float helloGap = ui.px(ui::design::kGreetingGap);
  float rowsH = 0, rowW = 0;
  const float lineH = ui.text().lineHeight(FontRole::Body);
  for (const i18n::Language* language : languages) {
    const std::string& hello = context.catalogs.text(language->code, "attract.hello");
    ui::TextPath::DirectionScope direction(ui.text(), language->direction);
    const float w = std::min(width, ui.text().layout(hello, FontRole::Body, width).size.x + 1);
    hellos.push_back({language, &hello, w});
  }
  // Flow the greetings into centred rows.
  std::vector<std::vector<Hello>> rows(1);
  for (const auto& hello : hellos) {
    if (rowW > 0 && rowW + helloGap + hello.w > width) rows.emplace_back(), rowW = 0;
    rowW += (rowW > 0 ? helloGap : 0) + hello.w;
    rows.back().push_back(hello);
  }
  rowsH = static_cast<float>(rows.size()) * lineH;
  ui::TextPath::DirectionScope startDirection(ui.text(), shown.direction);
  const ui::Vec2 pill = ui::pillSize(ui, start, ui::icon::kTouch, width);
  // "Show me how", in the language the screen greets in now: pressed, it plays in that language.
  const std::string& howLabel = context.catalogs.text(shown.code, "attract.show_me_how");
  const ui::Vec2 how = context.tourAvailable ? ui::buttonSize(ui, howLabel, ui::icon::kShowMeHow, width) : ui::Vec2{};
  // The greetings may scroll (large text); "touch to start" and "show me how" stay in view
  // under them, wherever the greetings end.
  const float buttonsH = pill.y + (context.tourAvailable ? gap + how.y : 0);
  auto drawButtons = [&](float at) {
    const ui::Rect pillRect{area.x + (area.w - pill.x) / 2, at, pill.x, pill.y};
    if (ui::pillButton(ui, "attract.touch_to_start", start, ui::icon::kTouch, pillRect, {.onPrimary = true})) out.push_back(Next{});
    if (context.tourAvailable) {
      const ui::Rect howRect{area.x + (area.w - how.x) / 2, at + pill.y + gap, how.x, how.y};
      if (ui::outlineButton(ui, "attract.show_me_how", howLabel, ui::icon::kShowMeHow, howRect)) out.push_back(ShowMeHow{shown.code});
    }
  };
  const float greetingH = welcomeH + gap + rowsH;
  const bool fits = greetingH + gap * 1.5f + buttonsH + 2 * margin <= area.h;
  // Scrolled, the greeting needs room for its "more below" and a line of it besides. With less
  // (large text, low reach, the speech strip and a staff banner all take height) the greeting is
  // left out and the buttons are shown alone: "touch to start" invites in the same language. A
  // smaller view put its "more below" above the screen's area, out of low reach.
  const float greetingView = area.h - buttonsH - 2 * margin;
  if (!fits && greetingView < ui::ScrollArea::pagerHeight(ui) + ui.text().lineHeight(FontRole::Display)) {
    drawButtons(area.y + std::max(0.f, (area.h - buttonsH) / 2));
    if (ui::touchArea("touch-anywhere", area)) out.push_back(Next{});  // after the buttons: ImGui gives a touch to the first item under it
    return;
  }
  const float contentH = fits ? greetingH + gap * 1.5f + buttonsH : greetingH;
  const float top = std::max(margin, ((fits ? area.h : greetingView) - contentH) / 2);
  const ui::Rect scrolled = fits ? area : ui::Rect{area.x, area.y, area.w, greetingView};

  scroll_.begin(ui, "attract", scrolled, top + contentH + margin);
  const ui::Vec2 o = scroll_.origin();
  float y = o.y + top;
  {
    ui::TextPath::DirectionScope direction(ui.text(), shown.direction);
    ui::paragraph(ui, "attract.welcome", welcome, FontRole::Display, colors.onPrimary, {o.x + margin, y, width, welcomeH},
                  ui::Align::Center, ui::Role::Heading);
  }
  y += welcomeH + gap;
  for (const auto& row : rows) {
    float rw = 0;
    for (const auto& hello : row) rw += hello.w;
    rw += helloGap * static_cast<float>(row.size() - 1);
    float x = o.x + (area.w - rw) / 2;
    for (const auto& hello : row) {
      ui::TextPath::DirectionScope direction(ui.text(), hello.language->direction);
      ui::paragraph(ui, "attract.hello." + hello.language->code, *hello.text, FontRole::Body, colors.onPrimary,
                    {x, y, hello.w, lineH}, ui::Align::Center);
      x += hello.w + helloGap;
    }
    y += lineH;
  }
  if (fits) drawButtons(y + gap * 1.5f);
  // Inside the scroll area, after the buttons: ImGui gives a touch to the first item under it.
  if (ui::touchArea("touch-anywhere", {area.x, o.y, area.w, std::max(scrolled.h, top + contentH + margin)})) out.push_back(Next{});
  scroll_.end(ui);
  if (!fits) {
    drawButtons(scrolled.bottom() + margin);
    if (ui::touchArea("touch-anywhere-below", {area.x, scrolled.bottom(), area.w, area.bottom() - scrolled.bottom()})) out.push_back(Next{});
  }
}

}  // namespace kiosk::screens
