#include "kiosk/screens/check_in.h"

#include <optional>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/typing_page.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

// A CPR number as a health card's barcode or a citizen types it: ten digits, maybe a dash.
bool looksLikeCpr(const std::string& typed) {
  size_t digits = 0;
  for (const char c : typed) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != '-' && c != ' ') return false;
  }
  return digits == 10;
}

void wipe(ui::TextFieldState& field) {
  field.value.assign(field.value.size(), '\0');
  field.value.clear();
}

}  // namespace

void CheckIn::onEnter(const ScreenContext& context) {
  code_.maxBytes = 16;
  keyboard_.layout = ui::KeyboardLayout::Danish;  // booking codes are letters and digits
  wipe(code_);
  sent_ = replaceOnType_ = false;
  (void)context;
}

void CheckIn::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const auto& c = ui.colors();
  if (sent_ && citizen.checkIn.ready()) {
    // Checked in: who to wait for, and where. The code or number typed is gone. A check-in by
    // CPR number tells nothing about the meeting (the booking system gives nothing away for a
    // number anyone could type): then only "welcome, take a seat".
    const domain::CheckIn& done = *citizen.checkIn.value;
    std::vector<ui::CardSpec> lines{
        {.id = "checkin-done", .title = ui.tr(done.alreadyCheckedIn ? "checkin.already" : "checkin.welcome"), .icon = ui::icon::kConfirmed}};
    if (done.meetingShown) {
      lines.push_back({.id = "checkin-when",
                       .title = whenText(ui, done.start),
                       .lines = {ui.format("confirm.with", {{"name", done.consultantFirstName}})},
                       .icon = ui::icon::kWhen});
      if (done.place) {
        lines.push_back({.id = "checkin-where", .title = done.place->name, .lines = {done.place->address}, .icon = ui::icon::kPlace});
      }
    }
    // Early or late, said with the meeting's time: not just "take a seat" four hours before.
    std::string wait = ui.tr("checkin.take_a_seat");
    if (done.meetingShown && citizen.checkInTiming != domain::CheckInTiming::OnTime) {
      const bool early = citizen.checkInTiming == domain::CheckInTiming::Early;
      wait = ui.format(early ? "checkin.early" : "checkin.late", {{"time", i18n::formatTime(ui.language(), done.start.unixSeconds)}});
    }
    lines.push_back({.id = "checkin-wait", .title = std::move(wait), .icon = ui::icon::kWaiting});
    float contentH = 0;
    for (auto& l : lines) {
      l.pressable = false;
      contentH += ui::cardHeight(ui, l, width);
    }
    const ui::Rect page = page_.begin(ui, {.key = "checkin.done_title", .shown = ui.tr("checkin.done_title")},
                                      area, contentH, {.back = false, .nextKey = "common.done", .nextIcon = ui::icon::kConfirmed, .pageIsText = true});
    float y = page.y;
    for (const auto& l : lines) {
      const float h = ui::cardHeight(ui, l, width);
      std::optional<ui::PersonalData> personal;
      if (l.id != "checkin-wait") personal.emplace(ui.tree());
      ui::card(ui, l, {page.x, y, width, h});
      y += h;
    }
    if (page_.end(ui) == StepAction::Next) out.push_back(Next{});
    return;
  }
  if (sent_ && citizen.checkIn.ready()) wipe(code_);
  const bool failed = sent_ && citizen.checkIn.failed();
  std::string status;
  if (citizen.checkIn.loading()) status = ui.tr("common.wait");
  else if (failed && citizen.checkIn.error == api::ApiError::NotFound) status = ui.tr(code_.value.empty() ? "checkin.not_found" : "checkin.not_found_code");
  else if (failed) status = ui.tr(api::catalogKey(citizen.checkIn.error));
  const std::string& hint = ui.tr("checkin.hint");
  const TypingLayout l = measureTyping(ui, hint, code_, keyboard_, status, width);
  const ui::Rect page = page_.begin(ui, {.key = "checkin.title", .shown = ui.tr("checkin.title")},
                                    area, l.content(),
                                    {.nextKey = "checkin.confirm",
                                     .nextIcon = ui::icon::kCheckIn,
                                     .nextEnabled = !code_.value.empty() && !citizen.checkIn.loading(),
                                     .dock = l.dock()});
  drawTypingHint(ui, page, l, "checkin.hint", hint);
  const std::string before = replaceOnType_ ? code_.value : std::string();
  bool enter = !page_.docked() && drawTypingDock(ui, page_.dock(), "checkin-code", code_, keyboard_, status);
  const StepAction action = page_.end(ui);
  enter = (page_.docked() && drawTypingDock(ui, page_.dock(), "checkin-code", code_, keyboard_, status)) || enter;
  if (replaceOnType_ && code_.value != before) {
    // Typed on: a new code (keep only what was just typed). Backspace: mending the old one.
    if (code_.value.size() > before.size() && code_.value.compare(0, before.size(), before) == 0) code_.value.erase(0, before.size());
    replaceOnType_ = false;
  }
  if ((enter || action == StepAction::Next) && !code_.value.empty() && !citizen.checkIn.loading()) {
    out.push_back(CheckInWith{code_.value});
    // A booking code stays in view until the answer; a CPR number goes at once.
    if (looksLikeCpr(code_.value)) wipe(code_);
    sent_ = true;
    replaceOnType_ = true;
  }
  if (action == StepAction::Back) out.push_back(GoBack{});
  (void)c;
}

}  // namespace kiosk::screens
