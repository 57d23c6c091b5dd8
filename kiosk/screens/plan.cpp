#include "kiosk/screens/plan.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Plan::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const auto& summary = context.citizen.summary;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const auto& c = ui.colors();
  struct Line {
    std::string key, text;
    FontRole role;
    bool data;
  };
  std::vector<Line> lines;
  if (summary && summary->latestAgreement) {
    const auto& a = *summary->latestAgreement;
    lines.push_back({"plan.agreement", ui.format("plan.agreement", {{"date", i18n::formatIsoDate(ui.language(), a.date)}}), FontRole::Label, false});
    // The jobcenter writes in Danish: on a screen in another language, say so before it.
    if (ui.language() != context.catalogs.languages().sourceCode) lines.push_back({"plan.in_danish", ui.tr("plan.in_danish"), FontRole::Body, false});
    lines.push_back({"plan-agreement-text", a.text, FontRole::Body, true});
    for (size_t i = 0; i < a.nextSteps.size(); ++i) {
      const auto& step = a.nextSteps[i];
      lines.push_back({"plan.step." + std::to_string(i),
                       ui.format(step.byCitizen ? "plan.you_do" : "plan.we_do", {{"what", step.what}}), FontRole::Body, true});
    }
  } else {
    lines.push_back({"plan.no_agreement", ui.tr("plan.no_agreement"), FontRole::Label, false});
  }
  if (summary && (summary->planA || summary->planB || summary->planC)) {
    lines.push_back({"plan.abc", ui.tr("plan.abc"), FontRole::Label, false});
    if (summary->planA) lines.push_back({"plan.a", ui.format("plan.a", {{"job", *summary->planA}}), FontRole::Body, true});
    if (summary->planB) lines.push_back({"plan.b", ui.format("plan.b", {{"job", *summary->planB}}), FontRole::Body, true});
    if (summary->planC) lines.push_back({"plan.c", ui.format("plan.c", {{"job", *summary->planC}}), FontRole::Body, true});
  }
  float contentH = 0;
  for (const auto& l : lines) contentH += ui::textHeight(ui, l.text, l.role, width) + gap;
  const ui::Rect page = page_.begin(ui, {.key = "plan.title", .shown = ui.tr("plan.title")}, area, contentH, {.pageIsText = true});
  float y = page.y;
  for (const auto& l : lines) {
    // Text from the jobcenter keeps its own direction (Danish in an Arabic screen).
    const auto screen = ui.text().direction();
    const auto own = l.data ? text::directionOf(l.text, screen) : screen;
    ui::TextPath::DirectionScope direction(ui.text(), own);
    const ui::Align align = own == screen ? ui::Align::Start : ui::Align::End;
    ui::PersonalData personal(ui.tree());  // the whole plan is this citizen's
    y += ui::paragraph(ui, l.key, l.text, l.role, c.text, {page.x, y, width, 0}, align) + gap;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
