#include "kiosk/screens/staff_login.h"

#include "kiosk/screens/typing_page.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void StaffLogin::onEnter(const ScreenContext&) {
  number_.maxBytes = 12;
  pin_.maxBytes = 12;
  pin_.masked = true;
  pin_.digitsOnly = true;
  keyboard_.layout = ui::KeyboardLayout::Danish;
}

void StaffLogin::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  std::string status;
  if (citizen.staffLogin.sending()) status = ui.tr("common.wait");
  else if (citizen.staffLogin.failed()) status = ui.tr(api::catalogKey(citizen.staffLogin.error));
  ui::TextFieldState& field = onPin_ ? pin_ : number_;
  const std::string& hint = ui.tr(onPin_ ? "staff.pin_hint" : "staff.number_hint");
  const TypingLayout l = measureTyping(ui, hint, field, keyboard_, status, width);
  const bool ready = onPin_ ? pin_.value.size() >= 4 : !number_.value.empty();
  const ui::Rect page = page_.begin(ui, {.key = "staff.title", .shown = ui.tr("staff.title"), .step = onPin_ ? 2 : 1, .steps = 2},
                                    area, l.content(),
                                    {.nextKey = onPin_ ? "staff.sign_in" : "common.next",
                                     .nextIcon = ui::icon::kForward,
                                     .nextEnabled = ready && !citizen.staffLogin.sending(),
                                     .dock = l.dock()});
  drawTypingHint(ui, page, l, onPin_ ? "staff.pin_hint" : "staff.number_hint", hint);
  const std::string_view fieldKey = onPin_ ? "staff-pin" : "staff-number";
  bool enter = !page_.docked() && drawTypingDock(ui, page_.dock(), fieldKey, field, keyboard_, status);
  const StepAction action = page_.end(ui);
  enter = (page_.docked() && drawTypingDock(ui, page_.dock(), fieldKey, field, keyboard_, status)) || enter;
  if ((enter || action == StepAction::Next) && ready) {
    if (!onPin_) {
      onPin_ = true;
    } else {
      out.push_back(StaffSignIn{number_.value, pin_.value});
      pin_.value.assign(pin_.value.size(), '\0');
      pin_.value.clear();
    }
  }
  if (action == StepAction::Back) {
    if (onPin_) onPin_ = false;
    else out.push_back(GoBack{});
  }
}

}  // namespace kiosk::screens
