#include "kiosk/screens/check_in.h"

#include <optional>

#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/typing_page.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void CheckIn::onEnter(const ScreenContext& context) {
  code_.maxBytes = 16;
  keyboard_.layout = ui::KeyboardLayout::Danish;  // booking codes are letters and digits
  (void)context;
}

void CheckIn::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
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
    lines.push_back({.id = "checkin-wait", .title = ui.tr("checkin.take_a_seat"), .icon = ui::icon::kWaiting});
    float contentH = 0;
    for (auto& l : lines) {
      l.pressable = false;
      contentH += ui::cardHeight(ui, l, width);
    }
    const ui::Rect page = page_.begin(ui, {.key = "checkin.done_title", .shown = ui.tr("checkin.done_title")},
                                      area, contentH, {.back = false, .nextKey = "common.done", .nextIcon = ui::icon::kConfirmed});
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
  std::string status;
  if (citizen.checkIn.loading()) status = ui.tr("common.wait");
  else if (sent_ && citizen.checkIn.failed()) {
    status = ui.tr(citizen.checkIn.error == api::ApiError::NotFound ? "checkin.not_found" : api::catalogKey(citizen.checkIn.error));
  }
  const std::string& hint = ui.tr("checkin.hint");
  const TypingLayout l = measureTyping(ui, hint, code_, keyboard_, status, width);
  const ui::Rect page = page_.begin(ui, {.key = "checkin.title", .shown = ui.tr("checkin.title")},
                                    area, l.total(gap),
                                    {.nextKey = "checkin.confirm",
                                     .nextIcon = ui::icon::kCheckIn,
                                     .nextEnabled = !code_.value.empty() && !citizen.checkIn.loading()});
  const bool enter = drawTyping(ui, page, l, "checkin.hint", hint, "checkin-code", code_, keyboard_, status);
  const StepAction action = page_.end(ui);
  if ((enter || action == StepAction::Next) && !code_.value.empty() && !citizen.checkIn.loading()) {
    out.push_back(CheckInWith{code_.value});
    code_.value.assign(code_.value.size(), '\0');
    code_.value.clear();
    sent_ = true;
  }
  if (action == StepAction::Back) out.push_back(GoBack{});
  (void)c;
}

}  // namespace kiosk::screens
