#include "kiosk/screens/home.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Home::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const auto& c = ui.colors();
  const auto& summary = context.citizen.summary;
  if (!summary) {  // logged out meanwhile: nothing to show
    ui::header(ui, "login.title");
    return;
  }
  if (formattedFor_ != ui.language()) {
    formattedFor_ = ui.language();
    meetingWhen_.clear();
    if (summary->nextBooking) {
      const auto start = summary->nextBooking->start.unixSeconds;
      meetingWhen_ = ui.format("home.meeting_when", {{"date", i18n::formatDate(ui.language(), start)}, {"time", i18n::formatTime(ui.language(), start)}});
    }
    bookBefore_ = ui.format("home.book_before", {{"date", i18n::formatIsoDate(ui.language(), summary->nextRequiredContact)}});
  }

  // The header greets by first name only; it comes from the server, so it is shown as data.
  const std::string greeting = ui.format("home.greeting", {{"name", summary->firstName}});
  const ui::Rect content = ui::header(ui, "home.greeting", greeting);
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const float width = area.w - 2 * margin;
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};

  // Lines of the page, measured first so the page scrolls instead of clipping.
  struct Line {
    std::string key, text;
    FontRole role;
    ui::Rgb color;
    float gapAfter;
    bool data = false;  // from the server: keeps its own direction (a Danish address in an Arabic screen)
  };
  std::vector<Line> lines;
  lines.push_back({"home.next_meeting", ui.tr("home.next_meeting"), FontRole::Label, c.text, gap / 3});
  if (summary->nextBooking) {
    const auto& b = *summary->nextBooking;
    lines.push_back({"meeting-when", meetingWhen_, FontRole::Body, c.text, gap / 4});
    std::string where = b.consultantFirstName;
    if (b.place) where += ", " + b.place->name + ", " + b.place->address;
    lines.push_back({"meeting-where", where, FontRole::Body, c.mutedText, gap, true});
  } else {
    lines.push_back({"home.no_meeting", ui.tr("home.no_meeting"), FontRole::Body, c.text, gap});
  }
  if (summary->contactOverdue) lines.push_back({"home.overdue", ui.tr("home.overdue"), FontRole::Label, c.text, gap});
  else if (!summary->nextBooking || summary->nextBooking->date > summary->nextRequiredContact) {
    lines.push_back({"home.book_before", bookBefore_, FontRole::Label, c.text, gap});
  }
  lines.push_back({"home.joblog", ui.format("home.joblog", {{"count", int64_t{summary->joblogSinceLastMeeting}}}), FontRole::Body, c.text, gap});
  if (summary->latestAgreement) {
    lines.push_back({"home.agreement", ui.tr("home.agreement"), FontRole::Label, c.text, gap / 3});
    lines.push_back({"agreement-text", summary->latestAgreement->text, FontRole::Body, c.text, gap, true});
  }
  float contentH = 0;
  for (const auto& line : lines) contentH += ui::textHeight(ui, line.text, line.role, width) + line.gapAfter;
  const std::string& logOut = ui.tr("common.log_out");
  const ui::Vec2 logOutSize = ui::pillSize(ui, logOut, ui::icon::kLogOut, width);
  contentH += gap + logOutSize.y;

  scroll_.begin(ui, "home", viewport, contentH + 2 * margin);
  const ui::Vec2 o = scroll_.origin();
  const ui::Rect page{o.x + margin, o.y + margin, width, contentH};
  float y = page.y;
  for (const auto& line : lines) {
    const auto screenDirection = ui.text().direction();
    const auto own = line.data ? text::directionOf(line.text, screenDirection) : screenDirection;
    ui::TextPath::DirectionScope direction(ui.text(), own);
    // Data in the other direction keeps its reading order but stays aligned with the screen.
    const ui::Align align = own == screenDirection ? ui::Align::Start : ui::Align::End;
    y += ui::paragraph(ui, line.key, line.text, line.role, line.color, {page.x, y, width, 0}, align) + line.gapAfter;
  }
  y += gap;
  if (ui::pillButton(ui, "common.log_out", logOut, ui::icon::kLogOut, ui.place({page.x, y, logOutSize.x, logOutSize.y}, page), false)) {
    out.push_back(LogOut{});
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
