#include "kiosk/screens/activities.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Activities::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::string status = remoteStatus(ui, citizen.activities);
  if (status.empty() && citizen.activities.value->empty()) status = ui.tr("activities.none");
  std::string writeStatus;
  if (citizen.activity.sending()) writeStatus = ui.tr("common.wait");
  else if (citizen.activity.failed()) writeStatus = ui.tr(api::catalogKey(citizen.activity.error));
  const std::string& signUp = ui.tr("activities.sign_up");
  const std::string& cancel = ui.tr("activities.cancel");
  const ui::Vec2 signUpSize = ui::buttonSize(ui, signUp, ui::icon::kAdd, width);
  const ui::Vec2 cancelSize = ui::buttonSize(ui, cancel, ui::icon::kCancel, width);
  const float buttonH = std::max(signUpSize.y, cancelSize.y);

  std::vector<ui::CardSpec> cards;
  if (citizen.activities.ready()) {
    for (const auto& a : *citizen.activities.value) {
      ui::CardSpec spec{.id = "activity." + a.id, .title = a.title, .icon = ui::icon::kActivities};
      spec.lines.push_back(whenText(ui, a.start));
      spec.lines.push_back(a.place.name + ", " + a.place.address);
      spec.lines.push_back(a.registered ? ui.tr("activities.signed_up")
                                        : (a.seatsLeft > 0 ? ui.format("activities.seats_left", {{"count", int64_t{a.seatsLeft}}})
                                                           : ui.tr("error.activity_full")));
      spec.selected = a.registered;
      spec.pressable = false;
      cards.push_back(std::move(spec));
    }
  }
  float contentH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  contentH += writeStatus.empty() ? 0 : ui::textHeight(ui, writeStatus, FontRole::Label, width) + gap;
  // A full activity has no button: only its card, and the words that it is full.
  auto hasButton = [&](size_t i) { const auto& a = (*citizen.activities.value)[i]; return a.registered || a.seatsLeft > 0; };
  for (size_t i = 0; i < cards.size(); ++i) contentH += ui::cardHeight(ui, cards[i], width) + (hasButton(i) ? gap / 2 + buttonH + 2 * gap : gap);

  const ui::Rect page = page_.begin(ui, {.key = "activities.title", .shown = ui.tr("activities.title")}, area, contentH);
  float y = page.y;
  if (!status.empty()) y += ui::statusText(ui, "activities-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  if (!writeStatus.empty()) y += ui::statusText(ui, "activities-write-status", writeStatus, ui.place({page.x, y, width, 0}, page)) + gap;
  for (size_t i = 0; i < cards.size(); ++i) {
    const domain::Activity& a = (*citizen.activities.value)[i];
    const float h = ui::cardHeight(ui, cards[i], width);
    ui::card(ui, cards[i], {page.x, y, width, h});
    if (!hasButton(i)) {
      y += h + gap;
      continue;
    }
    y += h + gap / 2;
    const bool busy = citizen.activity.sending();
    if (a.registered) {
      if (ui::outlineButton(ui, "activities.cancel." + a.id, cancel, ui::icon::kCancel, ui.place({page.x, y, cancelSize.x, cancelSize.y}, page), {.enabled = !busy, .inContent = true})) {
        out.push_back(CancelSignUp{a.id});
      }
    } else if (a.seatsLeft > 0) {
      const ui::Rect r = ui.place({page.x, y, signUpSize.x, signUpSize.y}, page);
      if (busy) ui::outlineButton(ui, "activities.sign_up." + a.id, signUp, ui::icon::kAdd, r, {.enabled = false, .inContent = true});
      else if (ui::primaryButton(ui, "activities.sign_up." + a.id, signUp, ui::icon::kAdd, r, {.inContent = true})) out.push_back(SignUp{a.id});
    }
    y += buttonH + 2 * gap;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
