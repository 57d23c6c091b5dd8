#include "kiosk/screens/joblog.h"

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/joblog_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/notice.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Joblog::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::string status = remoteStatus(ui, citizen.joblog);
  if (status.empty() && citizen.joblog.value->entries.empty()) status = ui.tr("joblog.none");
  std::string week;
  if (citizen.summary && citizen.summary->joblogWeeklyTarget > 0) {
    week = ui.format("joblog.this_week", {{"count", int64_t{citizen.summary->joblogThisWeek}}, {"target", int64_t{citizen.summary->joblogWeeklyTarget}}});
  }
  const ui::TileSpec addJob{"joblog.add_application", "joblog.add_application.hint", ui::icon::kAdd};
  const ui::TileSpec addOther{"joblog.add_other", "joblog.add_other.hint", ui::icon::kJobSearch};
  const bool sideBySide = ui.textSizeStep() != ui::TextSizeStep::Largest;
  const float tileW = sideBySide ? (width - gap) / 2 : width;
  const float tileH = std::max(ui::tileContentHeight(ui, addJob, tileW), ui::tileContentHeight(ui, addOther, tileW));
  std::vector<ui::CardSpec> cards;
  if (citizen.joblog.ready()) {
    for (const auto& e : citizen.joblog.value->entries) {
      ui::CardSpec spec{.id = "entry." + e.id, .title = e.jobTitle.value_or(e.description.value_or("")), .icon = ui::icon::kJoblog};
      spec.lines.push_back(i18n::formatIsoDate(ui.language(), e.date));
      if (e.employer) spec.lines.push_back(e.employer->name);
      if (e.how) spec.lines.push_back(ui.tr(howKey(*e.how)));
      spec.pressable = false;
      cards.push_back(std::move(spec));
    }
  }
  // The answer to saving: what was saved, first on the page (the entry itself may be further down).
  const std::string saved = citizen.joblogSaved.empty() ? std::string() : ui.format("joblog.saved", {{"what", citizen.joblogSaved}});
  const float savedH = saved.empty() ? 0 : ui::noticeHeight(ui, saved, width) + gap;
  float contentH = savedH + (week.empty() ? 0 : ui::textHeight(ui, week, FontRole::Label, width) + gap) + (sideBySide ? tileH : 2 * tileH + gap) + gap;
  contentH += status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  for (const auto& c : cards) contentH += ui::cardHeight(ui, c, width) + gap / 2;

  const ui::Rect page = page_.begin(ui, {.key = "joblog.title", .shown = ui.tr("joblog.title")}, area, contentH);
  float y = page.y;
  if (!saved.empty()) {
    ui::PersonalData personal(ui.tree());
    ui::notice(ui, "joblog.saved", saved, ui::NoticeTone::Done, ui.place({page.x, y, width, savedH - gap}, page));
    y += savedH;
  }
  if (!week.empty()) {
    ui::PersonalData personal(ui.tree());
    y += ui::paragraph(ui, "joblog.this_week", week, FontRole::Label, ui.colors().text, ui.place({page.x, y, width, 0}, page)) + gap;
  }
  if (ui::tile(ui, addJob, ui.place({page.x, y, tileW, tileH}, page))) out.push_back(StartJoblogEntry{domain::JoblogKind::Application});
  const ui::Rect otherRect = sideBySide ? ui::Rect{page.x + tileW + gap, y, tileW, tileH} : ui::Rect{page.x, y + tileH + gap, tileW, tileH};
  if (ui::tile(ui, addOther, ui.place(otherRect, page))) out.push_back(StartJoblogEntry{domain::JoblogKind::Other});
  y += (sideBySide ? tileH : 2 * tileH + gap) + gap;
  if (!status.empty()) y += ui::statusText(ui, "joblog-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  for (const auto& c : cards) {
    const float h = ui::cardHeight(ui, c, width);
    ui::PersonalData personal(ui.tree());
    ui::card(ui, c, {page.x, y, width, h});
    y += h + gap / 2;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
