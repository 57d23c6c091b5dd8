#include "kiosk/screens/home.h"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/i18n/date_format.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Home::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const auto& c = ui.colors();
  const auto& summary = context.citizen.summary;
  // What to lead with was decided when the summary (or a rating, or saved settings) arrived.
  const domain::HomeOutlook& outlook = context.citizen.home;
  if (!summary) {  // logged out meanwhile: nothing to show
    ui::header(ui, "login.title");
    return;
  }
  // Formatted again when the language or the summary changes (a booking made, moved, cancelled).
  const std::string formatKey = ui.language() + "|" + (summary->nextBooking ? summary->nextBooking->start.text : "") + "|" +
                                summary->nextRequiredContact;
  if (formattedFor_ != formatKey) {
    formattedFor_ = formatKey;
    meetingWhen_.clear();
    if (summary->nextBooking) {
      const auto start = summary->nextBooking->start.unixSeconds;
      meetingWhen_ = ui.format("home.meeting_when", {{"date", i18n::formatDate(ui.language(), start)}, {"time", i18n::formatTime(ui.language(), start)}});
    }
    bookBefore_ = ui.format("home.book_before", {{"date", i18n::formatIsoDate(ui.language(), summary->nextRequiredContact)}});
  }

  // The header greets by first name only; it comes from the server, so it is shown as data.
  const std::string greeting = ui.format("home.greeting", {{"name", summary->firstName}});
  const ui::Rect content = [&] {
    ui::PersonalData personal(ui.tree());
    return ui::header(ui, "home.greeting", greeting);
  }();
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
  switch (outlook.contact) {
    case domain::ContactNotice::Overdue: lines.push_back({"home.overdue", ui.tr("home.overdue"), FontRole::Label, c.text, gap}); break;
    case domain::ContactNotice::BookBefore: lines.push_back({"home.book_before", bookBefore_, FontRole::Label, c.text, gap}); break;
    case domain::ContactNotice::None: break;
  }
  lines.push_back({"home.joblog", ui.format("home.joblog", {{"count", int64_t{summary->joblogSinceLastMeeting}}}), FontRole::Body, c.text, gap});
  if (summary->latestAgreement) {
    lines.push_back({"home.agreement", ui.tr("home.agreement"), FontRole::Label, c.text, gap / 3});
    lines.push_back({"agreement-text", summary->latestAgreement->text, FontRole::Body, c.text, gap, true});
  }
  // The errand chosen before logging in comes first; the other services follow.
  struct Service {
    ScreenId screen;
    std::string_view key;
    char32_t icon;
  };
  static constexpr Service kServices[] = {
      {ScreenId::BookTopics, "menu.book", ui::icon::kBook},       {ScreenId::MyBookings, "menu.move_cancel", ui::icon::kMoveCancel},
      {ScreenId::Activities, "menu.activities", ui::icon::kActivities}, {ScreenId::Joblog, "menu.joblog", ui::icon::kJoblog},
      {ScreenId::Plan, "menu.plan", ui::icon::kPlan},
  };
  const Service* chosen = nullptr;
  for (const auto& service : kServices) {
    if (service.screen == context.pendingService) chosen = &service;
  }
  const bool askFeedback = outlook.feedback == domain::FeedbackPrompt::Ask;
  const bool feedbackSent = outlook.feedback == domain::FeedbackPrompt::Thanks;
  const bool offerSave = outlook.offerToSaveSettings;
  const float serviceW = ui.textSizeStep() == ui::TextSizeStep::Largest ? width : (width - 2 * gap) / 3;
  float serviceH = 0;
  for (const auto& service : kServices) serviceH = std::max(serviceH, ui::buttonSize(ui, ui.tr(service.key), service.icon, serviceW).y);
  const size_t perRow = ui.byTextSize<size_t>(3, 3, 1);
  const size_t rows = (std::size(kServices) + perRow - 1) / perRow;
  // Three faces, each with its word: the meaning is never carried by the face or colour alone.
  struct Face {
    int rating;
    std::string_view key;
    char32_t icon;
  };
  static constexpr Face kFaces[] = {{3, "home.feedback_good", ui::icon::kGood}, {2, "home.feedback_ok", ui::icon::kOk}, {1, "home.feedback_bad", ui::icon::kNotGood}};
  const float faceW = ui.textSizeStep() >= ui::TextSizeStep::Large ? (width - 2 * gap) / 3 : std::min((width - 2 * gap) / 3, ui.px(ui::design::kFeedbackFaceMaxWidth));
  float face = 0;
  for (const auto& f : kFaces) face = std::max(face, ui::tileContentHeight(ui, {f.key, "", f.icon}, faceW));
  const std::string& feedbackQ = ui.tr(feedbackSent ? "home.feedback_thanks" : "home.feedback_question");

  float contentH = 0;
  for (const auto& line : lines) contentH += ui::textHeight(ui, line.text, line.role, width) + line.gapAfter;
  if (askFeedback || feedbackSent) contentH += ui::textHeight(ui, feedbackQ, FontRole::Label, width) + gap / 2 + (askFeedback ? face + gap : gap);
  const std::string continueLabel = chosen ? ui.tr(chosen->key) : std::string();
  const ui::Vec2 continueSize = chosen ? ui::buttonSize(ui, continueLabel, chosen->icon, width) : ui::Vec2{};
  if (chosen) contentH += continueSize.y + gap;
  contentH += static_cast<float>(rows) * (serviceH + gap) + gap;
  const std::string& saveLabel = ui.tr(context.citizen.preferences.sending() ? "common.wait" : "home.save_settings");
  const ui::Vec2 saveSize = ui::buttonSize(ui, saveLabel, ui::icon::kConfirmed, width);
  if (offerSave) contentH += saveSize.y + gap;
  if (context.citizen.preferences.done()) contentH += ui::textHeight(ui, ui.tr("home.settings_saved"), FontRole::Body, width) + gap;
  const std::string& logOut = ui.tr("common.log_out");
  const ui::Vec2 logOutSize = ui::buttonSize(ui, logOut, ui::icon::kLogOut, width);
  contentH += gap + logOutSize.y;

  scroll_.begin(ui, "home", viewport, contentH + 2 * margin);
  const ui::Vec2 o = scroll_.origin();
  const ui::Rect page{o.x + margin, o.y + margin, width, contentH};
  float y = page.y;
  if (chosen) {
    if (ui::primaryButton(ui, "home-continue", continueLabel, chosen->icon, ui.place({page.x, y, continueSize.x, continueSize.y}, page))) {
      out.push_back(ChooseService{chosen->screen});
    }
    y += continueSize.y + gap;
  }
  for (const auto& line : lines) {
    const auto screenDirection = ui.text().direction();
    const auto own = line.data ? text::directionOf(line.text, screenDirection) : screenDirection;
    ui::TextPath::DirectionScope direction(ui.text(), own);
    // Data in the other direction keeps its reading order but stays aligned with the screen.
    const ui::Align align = own == screenDirection ? ui::Align::Start : ui::Align::End;
    // The labels are the same for everyone; what follows them is this citizen's.
    std::optional<ui::PersonalData> personal;
    if (line.key != "home.next_meeting" && line.key != "home.agreement") personal.emplace(ui.tree());
    y += ui::paragraph(ui, line.key, line.text, line.role, line.color, {page.x, y, width, 0}, align) + line.gapAfter;
  }
  if (askFeedback || feedbackSent) {
    y += ui::paragraph(ui, feedbackSent ? "home.feedback_thanks" : "home.feedback_question", feedbackQ, FontRole::Label, c.text,
                       ui.place({page.x, y, width, 0}, page)) + gap / 2;
    if (askFeedback) {
      float x = page.x;
      for (const auto& f : kFaces) {
        const ui::TileSpec spec{f.key, "", f.icon};
        if (ui::tile(ui, spec, ui.place({x, y, faceW, face}, page))) out.push_back(GiveFeedback{f.rating});
        x += faceW + gap;
      }
      y += face + gap;
    } else {
      y += gap;
    }
  }
  for (size_t i = 0; i < std::size(kServices); ++i) {
    const auto& service = kServices[i];
    const float x = page.x + static_cast<float>(i % perRow) * (serviceW + gap);
    const float sy = y + static_cast<float>(i / perRow) * (serviceH + gap);
    if (ui::outlineButton(ui, std::string("home.") + std::string(service.key), ui.tr(service.key), service.icon, ui.place({x, sy, serviceW, serviceH}, page))) {
      out.push_back(ChooseService{service.screen});
    }
  }
  y += static_cast<float>(rows) * (serviceH + gap) + gap;
  if (offerSave) {
    if (ui::outlineButton(ui, "home.save_settings", saveLabel, ui::icon::kConfirmed, ui.place({page.x, y, saveSize.x, saveSize.y}, page),
                          !context.citizen.preferences.sending())) {
      out.push_back(SavePreferences{});
    }
    y += saveSize.y + gap;
  }
  if (context.citizen.preferences.done()) {
    y += ui::paragraph(ui, "home.settings_saved", ui.tr("home.settings_saved"), FontRole::Body, c.text, ui.place({page.x, y, width, 0}, page)) + gap;
  }
  y += gap;
  if (ui::primaryButton(ui, "common.log_out", logOut, ui::icon::kLogOut, ui.place({page.x, y, logOutSize.x, logOutSize.y}, page))) {
    out.push_back(LogOut{});
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
