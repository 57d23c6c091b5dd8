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

  // [SECTION] What the citizen can do about the meeting, the one that matches where the citizen
  // stands primary. Beside the meeting while the whole page fits on the screen; docked in the
  // footer when it does not (large text), so that they are in view at every size.
  std::vector<Action> actions;
  // Booking, chosen before logging in, is not urged on a citizen the notice has just told that
  // no new meeting is needed: it stays offered, and the action that fits leads instead.
  const bool bookingNotNeeded = outlook.action != domain::HomeAction::Book && summary->nextBooking.has_value();
  // The errand chosen before logging in is carried on with one tap. What home shows anyway is
  // marked there rather than offered twice: a service (job log, plan, activities), or the
  // meeting card, which opens "your meetings", for "move or cancel". With no meeting to move or
  // cancel, that errand is not offered at all: booking one leads.
  const bool pendingOnHome = std::any_of(std::begin(kServices), std::end(kServices), [&](const Service& s) { return s.screen == context.pendingService; }) ||
                             context.pendingService == ScreenId::MyBookings;
  for (const auto& errand : kErrands) {
    if (errand.screen == context.pendingService && !pendingOnHome) {
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
  // Logging out is the bar's, on every screen of a logged-in citizen.
  StepFooter docked{.back = false};
  for (const auto& a : actions) docked.more.push_back({.key = a.key, .icon = a.icon, .primary = a.primary, .shown = a.shown});
  // Beside the meeting the actions stand in one column, as wide as the widest needs (at most
  // two fifths of the page), each as tall as the tallest.
  float columnW = 0, actionH = 0;
  for (const auto& a : actions) columnW = std::max(columnW, ui::buttonSize(ui, a.shown, a.icon, width * 0.4f).x);
  for (const auto& a : actions) actionH = std::max(actionH, ui::buttonSize(ui, a.shown, a.icon, columnW).y);
  const float columnH = actions.empty() ? 0 : static_cast<float>(actions.size()) * (actionH + gap) - gap;

  // [SECTION] The next meeting, as a card that only shows.
  // Pressed, it opens all the citizen's meetings ("Dine møder").
  const bool continueHere = context.pendingService == ScreenId::MyBookings && summary->nextBooking.has_value();
  ui::CardSpec meeting{.id = continueHere ? "home-continue" : "home.next_meeting",
                       .title = ui.tr("home.next_meeting"),
                       .icon = ui::icon::kWhen,
                       .selected = continueHere,
                       .pressable = summary->nextBooking.has_value()};
  // When leads, in bold: the one thing to remember. How and until when follow.
  if (summary->nextBooking) {
    meeting.title = words_.when;
    meeting.lines = {words_.how};
    if (!words_.deadline.empty()) meeting.lines.push_back(words_.deadline);
  } else {
    meeting.lines = {ui.tr("home.no_meeting")};
  }
  const float cardBesideW = actions.empty() ? width : width - columnW - gap;
  const float cardBesideH = std::max(ui::cardHeight(ui, meeting, cardBesideW), columnH);
  const float noticeH = words_.notice.empty() ? 0 : ui::noticeHeight(ui, words_.notice, width);

  // [SECTION] The other services, with what they hold for this citizen.
  const size_t perRow = ui.byTextSize<size_t>(3, 3, 1);
  const float serviceW = (width - static_cast<float>(perRow - 1) * gap) / static_cast<float>(perRow);
  std::vector<ui::CardSpec> services;
  for (const auto& s : kServices) {
    std::string hint = s.screen == ScreenId::Joblog ? words_.joblogCount : ui.tr(std::string(s.key) + ".hint");
    // The one chosen before logging in is marked, and is where to carry on ("home-continue").
    const bool pending = s.screen == context.pendingService;
    services.push_back({.id = pending ? "home-continue" : "home." + std::string(s.key), .title = ui.tr(s.key), .lines = {std::move(hint)}, .icon = s.icon, .selected = pending,
                        .lineRole = ui::FontRole::Hint});
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

  // Everything but the meeting's row: first what must be in view with it, then what may scroll.
  const float aboveH = noticeH > 0 ? noticeH + gap : 0;
  float restH = aboveH + gap + servicesH;
  if (askFeedback || feedbackSent) restH += gap + ui::textHeight(ui, feedbackQ, FontRole::Label, width) + gap / 2 + (askFeedback ? faceH : 0);
  if (offerSave) restH += gap + saveSize.y;
  if (context.citizen.preferences.done()) restH += gap + ui::textHeight(ui, ui.tr("home.settings_saved"), FontRole::Body, width);

  const StepTitle title{.key = "home.greeting", .shown = greeting};
  // Beside the meeting wherever the meeting and its actions are in view without scrolling; what
  // follows (services, the rating, "remember my settings") may go below, under "more below".
  const float room = StepPage::room(ui, title, area, StepFooter{.back = false});
  const bool beside = restH + cardBesideH <= room || aboveH + cardBesideH <= room - ui::ScrollArea::pagerHeight(ui);
  const float cardW = beside ? cardBesideW : width;
  const float cardH = beside ? cardBesideH : ui::cardHeight(ui, meeting, width);
  const ui::Rect page = [&] {
    ui::PersonalData personal(ui.tree());  // the greeting names the citizen
    return page_.begin(ui, title, area, restH + cardH, beside ? StepFooter{.back = false} : docked);
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
    if (ui::card(ui, meeting, ui.place({page.x, y, cardW, cardH}, page))) out.push_back(ChooseService{ScreenId::MyBookings});
  }
  if (beside) {
    // In view with the meeting when home opens (`beside` says so); a citizen who scrolls down to
    // the services takes them up with their meeting, as part of the page's content.
    const ui::ButtonOptions withTheMeeting{.inContent = true};
    float ay = y;
    for (const auto& a : actions) {
      const ui::Rect r = ui.place({page.x + cardW + gap, ay, columnW, actionH}, page);
      const bool pressed = a.primary ? ui::primaryButton(ui, a.key, a.shown, a.icon, r, withTheMeeting)
                                     : ui::outlineButton(ui, a.key, a.shown, a.icon, r, withTheMeeting);
      if (pressed) out.push_back(a.intent);
      ay += actionH + gap;
    }
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
  for (const auto& a : actions) {
    if (a.key == page_.tappedKey()) out.push_back(a.intent);
  }
}

}  // namespace kiosk::screens
