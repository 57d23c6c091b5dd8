#include "kiosk/screens/cancel.h"

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void CancelBooking::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const Write& write = citizen.booking;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const domain::Booking* booking = nullptr;
  if (citizen.bookings.ready()) {
    for (const auto& b : *citizen.bookings.value) {
      if (b.id == citizen.cancellingBookingId) booking = &b;
    }
  }
  std::string status;
  if (write.sending()) status = ui.tr("common.wait");
  else if (write.failed()) status = ui.tr(api::catalogKey(write.error));
  ui::CardSpec card = booking ? meetingCard(ui, *booking) : ui::CardSpec{};
  const float cardH = booking ? ui::cardHeight(ui, card, width) : 0;
  const float contentH = cardH + gap + (status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap);
  const bool canCancel = booking && !write.sending() && write.error != api::ApiError::TooLateToCancel;
  const ui::Rect page = page_.begin(ui, {.key = "cancel.title", .shown = ui.tr("cancel.title")},
                                    area, contentH,
                                    {.back = !write.sending(),
                                     .nextKey = write.failed() ? "common.try_again" : "cancel.confirm",
                                     .nextIcon = ui::icon::kCancel,
                                     .nextEnabled = canCancel});
  float y = page.y;
  if (booking) {
    ui::PersonalData personal(ui.tree());
    ui::card(ui, card, {page.x, y, width, cardH});
  }
  y += cardH + gap;
  if (!status.empty()) ui::statusText(ui, "cancel-status", status, ui.place({page.x, y, width, 0}, page));
  switch (page_.end(ui)) {
    case StepAction::Back: out.push_back(GoBack{}); break;
    case StepAction::Next: out.push_back(ConfirmCancel{}); break;
    case StepAction::None:
    case StepAction::More: break;
  }
}

}  // namespace kiosk::screens
