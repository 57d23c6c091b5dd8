#include "kiosk/screens/bookings.h"

#include <algorithm>
#include <span>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void MyBookings::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  // Only the meetings still to come: the session kept those when the answer arrived.
  const std::span<const domain::Booking> bookings =
      citizen.bookings.ready() ? std::span<const domain::Booking>(*citizen.bookings.value) : std::span<const domain::Booking>();
  std::string status = remoteStatus(ui, citizen.bookings);
  if (status.empty() && bookings.empty()) status = ui.tr("bookings.none");
  const std::string& moveLabel = ui.tr("bookings.move");
  const std::string& cancelLabel = ui.tr("bookings.cancel");
  const std::string& helpLabel = ui.tr("bookings.ask_staff");
  const ui::Vec2 moveSize = ui::buttonSize(ui, moveLabel, ui::icon::kMoveCancel, width / 2);
  const ui::Vec2 cancelSize = ui::buttonSize(ui, cancelLabel, ui::icon::kCancel, width / 2);
  const ui::Vec2 helpSize = ui::buttonSize(ui, helpLabel, ui::icon::kHelp, width);

  struct Entry {
    ui::CardSpec card;
    std::string rule;  // why moving or cancelling is no longer possible
    float height;
  };
  std::vector<Entry> entries;
  float contentH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  for (const auto& b : bookings) {
    Entry e{meetingCard(ui, b), {}, 0};
    // Until when, or that the deadline passed and when it was.
    e.rule = changeDeadlineText(ui, {.movable = b.movable, .cancellable = b.cancellable, .movableUntil = b.movableUntil, .cancellableUntil = b.cancellableUntil});
    e.height = ui::cardHeight(ui, e.card, width) + gap / 2;
    if (!e.rule.empty()) e.height += ui::textHeight(ui, e.rule, FontRole::Body, width) + gap / 2;
    e.height += std::max({moveSize.y, cancelSize.y, helpSize.y}) + 2 * gap;
    contentH += e.height;
    entries.push_back(std::move(e));
  }
  const bool offerBooking = citizen.bookings.ready() && bookings.empty();
  const std::string& bookLabel = ui.tr("menu.book");
  const ui::Vec2 bookSize = ui::buttonSize(ui, bookLabel, ui::icon::kBook, width);
  if (offerBooking) contentH += bookSize.y + gap;

  const ui::Rect page = page_.begin(ui, {.key = "bookings.title", .shown = ui.tr("bookings.title")}, area, contentH);
  float y = page.y;
  if (!status.empty()) y += ui::statusText(ui, "bookings-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  if (offerBooking && ui::primaryButton(ui, "menu.book", bookLabel, ui::icon::kBook, ui.place({page.x, y, bookSize.x, bookSize.y}, page))) {
    out.push_back(ChooseService{ScreenId::BookTopics});
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    const domain::Booking& b = bookings[i];
    Entry& e = entries[i];
    const float cardH = ui::cardHeight(ui, e.card, width);
    {
      ui::PersonalData personal(ui.tree());
      ui::card(ui, e.card, {page.x, y, width, cardH});
      y += cardH + gap / 2;
      if (!e.rule.empty()) y += ui::paragraph(ui, "bookings.rule." + b.id, e.rule, FontRole::Body, ui.colors().text, ui.place({page.x, y, width, 0}, page)) + gap / 2;
    }
    float x = page.x;
    if (b.movable) {
      if (ui::outlineButton(ui, "bookings.move." + b.id, moveLabel, ui::icon::kMoveCancel, ui.place({x, y, moveSize.x, moveSize.y}, page))) {
        out.push_back(StartMove{b.id});
      }
      x += moveSize.x + gap;
    }
    if (b.cancellable) {
      if (ui::outlineButton(ui, "bookings.cancel." + b.id, cancelLabel, ui::icon::kCancel, ui.place({x, y, cancelSize.x, cancelSize.y}, page))) {
        out.push_back(StartCancel{b.id});
      }
      x += cancelSize.x + gap;
    }
    if (!b.movable) {
      // Past the cut-off the desk can still help: one tap calls staff.
      if (ui::primaryButton(ui, "bookings.ask_staff." + b.id, helpLabel, ui::icon::kHelp, ui.place({x, y, helpSize.x, helpSize.y}, page))) {
        out.push_back(AskStaff{domain::HelpReason::TooLateToChange});
      }
    }
    y += std::max({moveSize.y, cancelSize.y, helpSize.y}) + 2 * gap;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
