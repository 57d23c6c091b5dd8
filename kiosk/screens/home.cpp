#include "kiosk/screens/home.h"

#include <imgui.h>

#include <algorithm>
#include <optional>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/notice.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

using domain::ContactNotice;

// The services home offers below the meeting: the errands that are not about booking.
struct Service {
  ScreenId screen;
  std::string_view key;
  char32_t icon;
};
constexpr Service kServices[] = {
    {ScreenId::Joblog, "menu.joblog", ui::icon::kJoblog},
    {ScreenId::Plan, "menu.plan", ui::icon::kPlan},
    {ScreenId::Activities, "menu.activities", ui::icon::kActivities},
};
// What the citizen may have chosen before logging in, to carry on with.
constexpr Service kErrands[] = {
    {ScreenId::BookTopics, "menu.book", ui::icon::kBook},       {ScreenId::MyBookings, "menu.move_cancel", ui::icon::kMoveCancel},
    {ScreenId::Activities, "menu.activities", ui::icon::kActivities}, {ScreenId::Joblog, "menu.joblog", ui::icon::kJoblog},
    {ScreenId::Plan, "menu.plan", ui::icon::kPlan},
};

// Three faces, each with its word: the meaning is never carried by the face or colour alone.
struct Face {
  int rating;
  std::string_view key;
  char32_t icon;
};
constexpr Face kFaces[] = {{3, "home.feedback_good", ui::icon::kGood}, {2, "home.feedback_ok", ui::icon::kOk}, {1, "home.feedback_bad", ui::icon::kNotGood}};

// A button beside the meeting: the one that matches where the citizen stands is primary.
struct Action {
  std::string key;
  std::string shown;
  char32_t icon;
  bool primary;
  Intent intent;
};

}  // namespace

void Home::formatWords(const ui::Ui& ui, const domain::CitizenSummary& summary, ContactNotice notice) {
  const std::string& language = ui.language();
  words_ = {};
  const auto& meeting = summary.nextBooking;
  switch (notice) {
    case ContactNotice::Booked: words_.notice = ui.tr("home.booked"); break;
    case ContactNotice::MeetingToday:
      words_.notice = ui.format("home.meeting_today", {{"time", i18n::formatTime(language, meeting->start.unixSeconds)}});
      break;
    case ContactNotice::MoveEarlier:
      words_.notice = ui.format("home.move_earlier", {{"date", i18n::formatIsoDate(language, summary.nextRequiredContact)}});
      break;
    case ContactNotice::BookBefore:
      words_.notice = ui.format("home.book_before", {{"date", i18n::formatIsoDate(language, summary.nextRequiredContact)}});
      break;
    case ContactNotice::Overdue: words_.notice = ui.tr("home.overdue"); break;
    case ContactNotice::None: break;
  }
  if (meeting) {
    const auto& b = *meeting;
    words_.when = whenText(ui, b.start);
    switch (b.contactForm) {
      case domain::ContactForm::Phone: words_.how = ui.format("home.how_phone", {{"name", b.consultantFirstName}}); break;
      case domain::ContactForm::Video: words_.how = ui.format("home.how_video", {{"name", b.consultantFirstName}}); break;
      case domain::ContactForm::InPerson:
        words_.how = ui.format("home.how_in_person", {{"name", b.consultantFirstName},
                                                      {"place", b.place ? b.place->name + ", " + b.place->address : std::string()}});
        break;
    }
    // Until when the citizen can change it themselves: said before the deadline bites.
    words_.deadline = changeDeadlineText(ui, {.movable = b.movable, .cancellable = b.cancellable, .movableUntil = b.movableUntil, .cancellableUntil = b.cancellableUntil});
  }
  words_.joblogCount = ui.format("home.joblog", {{"count", int64_t{summary.joblogSinceLastMeeting}}});
}

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
  // Formatted again when the language, the summary or what it leads with changes.
  const std::string formatKey = ui.language() + "|" + (summary->nextBooking ? summary->nextBooking->id + summary->nextBooking->start.text : "") + "|" +
                                summary->nextRequiredContact + "|" + std::to_string(static_cast<int>(outlook.contact)) + "|" +
                                std::to_string(summary->joblogSinceLastMeeting);
  if (formattedFor_ != formatKey) {
    formattedFor_ = formatKey;
    formatWords(ui, *summary, outlook.contact);
  }

  // The header greets by first name only; it comes from the server, so it is shown as data.
  const std::string greeting = ui.format("home.greeting", {{"name", summary->firstName}});
  const float gap = ui.px(ui::design::kGap);
  const float width = StepPage::contentWidth(ui, area);

  // [SECTION] What the citizen can do about the meeting: docked in the footer, in view at every
  // text size, the one that matches where the citizen stands primary.
  std::vector<Action> actions;
  // Booking, chosen before logging in, is not urged on a citizen the notice has just told that
  // no new meeting is needed: it stays offered, and the action that fits leads instead.
  const bool bookingNotNeeded = outlook.action != domain::HomeAction::Book && summary->nextBooking.has_value();
  for (const auto& errand : kErrands) {
    if (errand.screen == context.pendingService) {
      const bool urged = !(errand.screen == ScreenId::BookTopics && bookingNotNeeded);
      actions.push_back({"home-continue", ui.tr(errand.key), errand.icon, urged, ChooseService{errand.screen}});
    }
  }
  const bool continuing = !actions.empty() && actions.front().primary;
  if (outlook.action == domain::HomeAction::Book && context.pendingService != ScreenId::BookTopics) {
    actions.push_back({"menu.book", ui.tr("menu.book"), ui::icon::kBook, !continuing, ChooseService{ScreenId::BookTopics}});
  }
  if (const auto& b = summary->nextBooking) {
    if (b->movable) actions.push_back({"home.move", ui.tr("home.move"), ui::icon::kMoveCancel, outlook.action == domain::HomeAction::Move && !continuing, StartMove{b->id}});
    if (b->cancellable) actions.push_back({"home.cancel", ui.tr("home.cancel"), ui::icon::kCancel, false, StartCancel{b->id}});
    // Past the cut-off the desk can still help: one tap calls staff.
    if (!b->movable && !b->cancellable) actions.push_back({"home-ask-staff", ui.tr("bookings.ask_staff"), ui::icon::kHelp, false, AskStaff{domain::HelpReason::TooLateToChange}});
  } else if (outlook.action != domain::HomeAction::Book && context.pendingService != ScreenId::BookTopics) {
    actions.push_back({"menu.book", ui.tr("menu.book"), ui::icon::kBook, false, ChooseService{ScreenId::BookTopics}});
  }
  StepFooter footer{.back = false, .more = {{.key = "common.log_out", .icon = ui::icon::kLogOut}}};
  for (const auto& a : actions) footer.more.push_back({.key = a.key, .icon = a.icon, .primary = a.primary, .shown = a.shown});

  // [SECTION] The next meeting, as a card that only shows.
  // Pressed, it opens all the citizen's meetings ("Dine møder").
  ui::CardSpec meeting{.id = "home.next_meeting", .title = ui.tr("home.next_meeting"), .icon = ui::icon::kWhen, .pressable = summary->nextBooking.has_value()};
  // When leads, in bold: the one thing to remember. How and until when follow.
  if (summary->nextBooking) {
    meeting.title = words_.when;
    meeting.lines = {words_.how};
    if (!words_.deadline.empty()) meeting.lines.push_back(words_.deadline);
  } else {
    meeting.lines = {ui.tr("home.no_meeting")};
  }
  const float cardH = ui::cardHeight(ui, meeting, width);
  const float noticeH = words_.notice.empty() ? 0 : ui::noticeHeight(ui, words_.notice, width);

  // [SECTION] The other services, with what they hold for this citizen.
  const size_t perRow = ui.byTextSize<size_t>(3, 3, 1);
  const float serviceW = (width - static_cast<float>(perRow - 1) * gap) / static_cast<float>(perRow);
  std::vector<ui::CardSpec> services;
  for (const auto& s : kServices) {
    std::string hint = s.screen == ScreenId::Joblog ? words_.joblogCount : ui.tr(std::string(s.key) + ".hint");
    services.push_back({.id = "home." + std::string(s.key), .title = ui.tr(s.key), .lines = {std::move(hint)}, .icon = s.icon});
  }
  float serviceH = 0;
  for (const auto& s : services) serviceH = std::max(serviceH, ui::cardHeight(ui, s, serviceW));
  const size_t rows = (services.size() + perRow - 1) / perRow;
  const float servicesH = static_cast<float>(rows) * (serviceH + gap) - gap;

  // [SECTION] A rating of the last meeting, remembering the settings, logging out.
  const bool askFeedback = outlook.feedback == domain::FeedbackPrompt::Ask;
  const bool feedbackSent = outlook.feedback == domain::FeedbackPrompt::Thanks;
  const std::string& feedbackQ = ui.tr(feedbackSent ? "home.feedback_thanks" : "home.feedback_question");
  const float faceW = ui.textSizeStep() >= ui::TextSizeStep::Large ? (width - 2 * gap) / 3 : std::min((width - 2 * gap) / 3, ui.px(ui::design::kFeedbackFaceMaxWidth));
  float faceH = 0;
  for (const auto& f : kFaces) faceH = std::max(faceH, ui::tileContentHeight(ui, {f.key, "", f.icon}, faceW));
  const bool offerSave = outlook.offerToSaveSettings;
  const std::string& saveLabel = ui.tr(context.citizen.preferences.sending() ? "common.wait" : "home.save_settings");
  const ui::Vec2 saveSize = ui::buttonSize(ui, saveLabel, ui::icon::kConfirmed, width);

  float contentH = noticeH > 0 ? noticeH + gap : 0;
  contentH += cardH + gap + servicesH + gap;
  if (askFeedback || feedbackSent) contentH += ui::textHeight(ui, feedbackQ, FontRole::Label, width) + gap / 2 + (askFeedback ? faceH + gap : 0);
  if (offerSave) contentH += saveSize.y + gap;
  if (context.citizen.preferences.done()) contentH += ui::textHeight(ui, ui.tr("home.settings_saved"), FontRole::Body, width) + gap;

  const ui::Rect page = [&] {
    ui::PersonalData personal(ui.tree());  // the greeting names the citizen
    return page_.begin(ui, {.key = "home.greeting", .shown = greeting}, area, contentH, footer);
  }();
  float y = page.y;
  if (noticeH > 0) {
    const auto tone = outlook.contact == ContactNotice::Booked || outlook.contact == ContactNotice::MeetingToday ? ui::NoticeTone::Done : ui::NoticeTone::ToDo;
    ui::PersonalData personal(ui.tree());  // it may name the citizen's date
    ui::notice(ui, "home-notice", words_.notice, tone, ui.place({page.x, y, width, noticeH}, page));
    y += noticeH + gap;
  }
  {
    ui::PersonalData personal(ui.tree());
    if (ui::card(ui, meeting, ui.place({page.x, y, width, cardH}, page))) out.push_back(ChooseService{ScreenId::MyBookings});
  }
  y += cardH + gap;
  for (size_t i = 0; i < services.size(); ++i) {
    const float x = page.x + static_cast<float>(i % perRow) * (serviceW + gap);
    const float sy = y + static_cast<float>(i / perRow) * (serviceH + gap);
    std::optional<ui::PersonalData> personal;
    if (kServices[i].screen == ScreenId::Joblog) personal.emplace(ui.tree());  // the citizen's count
    if (ui::card(ui, services[i], ui.place({x, sy, serviceW, serviceH}, page))) out.push_back(ChooseService{kServices[i].screen});
  }
  y += servicesH + gap;
  if (askFeedback || feedbackSent) {
    y += ui::paragraph(ui, feedbackSent ? "home.feedback_thanks" : "home.feedback_question", feedbackQ, FontRole::Label, c.text,
                       ui.place({page.x, y, width, 0}, page)) + gap / 2;
    if (askFeedback) {
      float x = page.x;
      for (const auto& f : kFaces) {
        if (ui::tile(ui, ui::TileSpec{f.key, "", f.icon}, ui.place({x, y, faceW, faceH}, page))) out.push_back(GiveFeedback{f.rating});
        x += faceW + gap;
      }
      y += faceH + gap;
    }
  }
  if (offerSave) {
    if (ui::outlineButton(ui, "home.save_settings", saveLabel, ui::icon::kConfirmed, ui.place({page.x, y, saveSize.x, saveSize.y}, page),
                          {.enabled = !context.citizen.preferences.sending(), .inContent = true})) {
      out.push_back(SavePreferences{});
    }
    y += saveSize.y + gap;
  }
  if (context.citizen.preferences.done()) {
    y += ui::paragraph(ui, "home.settings_saved", ui.tr("home.settings_saved"), FontRole::Body, c.text, ui.place({page.x, y, width, 0}, page)) + gap;
  }
  if (page_.end(ui) != StepAction::More) return;
  if (page_.tappedKey() == "common.log_out") out.push_back(LogOut{});
  for (const auto& a : actions) {
    if (a.key == page_.tappedKey()) out.push_back(a.intent);
  }
}

}  // namespace kiosk::screens
