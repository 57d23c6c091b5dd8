#include "kiosk/screens/language.h"

#include "kiosk/screens/grid.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

std::vector<const i18n::Language*> offeredLanguages(const ScreenContext& context) {
  std::vector<const i18n::Language*> offered;
  const auto& all = context.catalogs.languages();
  auto offer = [&](const i18n::Language& language) {
    if (context.jobcenter.offersLanguage(language.code)) offered.push_back(&language);
  };
  if (!context.enabledLanguages || context.enabledLanguages->empty()) {
    for (const auto& language : all.languages) offer(language);
    return offered;
  }
  for (const auto& code : *context.enabledLanguages) {
    if (const auto* language = all.find(code)) offer(*language);
  }
  return offered;
}

void ChooseLanguageScreen::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const ui::Rect content = ui::header(ui, "language.title");
  // The kiosk's own languages, less any the jobcenter has switched off.
  const auto languages = offeredLanguages(context);
  const float margin = ui.px(ui::design::kMargin);
  const float gap = ui.px(ui::design::kGap);
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const int columns = ui.byTextSize(3, 3, 2);

  auto measure = [&](size_t i, float w) {
    ui::TextPath::DirectionScope direction(ui.text(), languages[i]->direction);
    return ui::choiceHeight(ui, languages[i]->nativeName, w);
  };
  // The grid is laid out once to learn its height, then again inside the scroll area (the
  // scrollbar, if needed, takes some width).
  const Grid natural = layoutGrid(ui, languages.size(), columns, area.w - 2 * margin, gap, measure);
  scroll_.begin(ui, "languages", viewport, natural.height + 2 * margin);
  const Grid grid = layoutGrid(ui, languages.size(), columns, scroll_.width() - 2 * margin, gap, measure);
  const ui::Vec2 o = scroll_.origin();
  for (size_t i = 0; i < languages.size(); ++i) {
    const ui::Rect cell = grid.cells[i];
    ui::TextPath::DirectionScope direction(ui.text(), languages[i]->direction);
    if (ui::choiceButton(ui, "language." + languages[i]->code, languages[i]->nativeName,
                         {o.x + margin + cell.x, o.y + margin + cell.y, cell.w, cell.h},
                         {.selected = languages[i]->code == context.preferences.language})) {
      out.push_back(ChooseLanguage{languages[i]->code});
      out.push_back(Next{});
    }
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
