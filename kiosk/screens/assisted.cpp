#include "kiosk/screens/assisted.h"

#include "kiosk/screens/typing_page.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void AssistedCitizen::onEnter(const ScreenContext&) {
  cpr_.maxBytes = 11;
  cpr_.digitsOnly = true;
  cpr_.masked = true;  // said aloud or shown, a CPR number is read by everyone in the room
}

void AssistedCitizen::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  std::string status;
  if (citizen.assistedLogin.sending() || citizen.stage == LoginStage::FetchingSummary) status = ui.tr("common.wait");
  else if (citizen.assistedLogin.failed()) status = ui.tr(api::catalogKey(citizen.assistedLogin.error));
  const std::string hint = ui.format("staff.cpr_hint", {{"name", citizen.staffName}});
  const TypingLayout l = measureTyping(ui, hint, cpr_, keyboard_, status, width);
  const bool ready = cpr_.value.size() == 10 && !citizen.assistedLogin.sending();
  const ui::Rect page = page_.begin(ui, {.key = "staff.cpr_title", .shown = ui.tr("staff.cpr_title")},
                                    area, l.content(),
                                    {.nextKey = "staff.find_citizen", .nextIcon = ui::icon::kForward, .nextEnabled = ready, .dock = l.dock()});
  drawTypingHint(ui, page, l, "staff.cpr_hint", hint);
  bool enter = !page_.docked() && drawTypingDock(ui, page_.dock(), "staff-cpr", cpr_, keyboard_, status);
  const StepAction action = page_.end(ui);
  enter = (page_.docked() && drawTypingDock(ui, page_.dock(), "staff-cpr", cpr_, keyboard_, status)) || enter;
  if ((enter || action == StepAction::Next) && ready) {
    out.push_back(AssistCitizen{cpr_.value});
    cpr_.value.assign(cpr_.value.size(), '\0');
    cpr_.value.clear();
  }
  if (action == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
