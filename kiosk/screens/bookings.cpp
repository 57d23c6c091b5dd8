#include "kiosk/screens/bookings.h"

#include <algorithm>
#include <span>

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
  // The footer's actions are for one meeting: the first, or the one the citizen touched.
  const auto chosen = std::find_if(bookings.begin(), bookings.end(), [&](const domain::Booking& b) { return b.id == chosen_; });
  const domain::Booking* selected = chosen != bookings.end() ? &*chosen : bookings.empty() ? nullptr : &bookings.front();
  const bool choosing = bookings.size() > 1;

  struct Entry {
    ui::CardSpec card;
    std::string rule;  // until when it can be moved or cancelled, or when that ended
  };
  std::vector<Entry> entries;
  float contentH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  for (const auto& b : bookings) {
    Entry e{meetingCard(ui, b), {}};
    e.card.pressable = choosing;
    e.card.selected = choosing && &b == selected;
    e.rule = changeDeadlineText(ui, {.movable = b.movable, .cancellable = b.cancellable, .movableUntil = b.movableUntil, .cancellableUntil = b.cancellableUntil});
    contentH += ui::cardHeight(ui, e.card, width) + gap / 2;
    if (!e.rule.empty()) contentH += ui::textHeight(ui, e.rule, FontRole::Body, width) + gap / 2;
    contentH += gap;
    entries.push_back(std::move(e));
  }

  // [SECTION] The actions, docked in the footer so they stay in view at every text size.
  StepFooter footer;
  if (citizen.bookings.ready() && bookings.empty()) footer.more.push_back({.key = "menu.book", .icon = ui::icon::kBook, .primary = true});
  if (selected) {
    if (selected->movable) footer.more.push_back({.key = "bookings.move", .icon = ui::icon::kMoveCancel, .primary = true});
    if (selected->cancellable) footer.more.push_back({.key = "bookings.cancel", .icon = ui::icon::kCancel});
    // Past the cut-off the desk can still help: one tap calls staff.
    if (!selected->movable) footer.more.push_back({.key = "bookings.ask_staff", .icon = ui::icon::kHelp, .primary = !selected->cancellable});
  }

  const ui::Rect page = page_.begin(ui, {.key = "bookings.title", .shown = ui.tr("bookings.title")}, area, contentH, footer);
  float y = page.y;
  if (!status.empty()) y += ui::statusText(ui, "bookings-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  for (size_t i = 0; i < entries.size(); ++i) {
    const domain::Booking& b = bookings[i];
    const Entry& e = entries[i];
    const float cardH = ui::cardHeight(ui, e.card, width);
    ui::PersonalData personal(ui.tree());
    if (ui::card(ui, e.card, {page.x, y, width, cardH})) chosen_ = b.id;
    y += cardH + gap / 2;
    if (!e.rule.empty()) y += ui::paragraph(ui, "bookings.rule." + b.id, e.rule, FontRole::Body, ui.colors().text, ui.place({page.x, y, width, 0}, page)) + gap / 2;
    y += gap;
  }
  const StepAction action = page_.end(ui);
  if (action == StepAction::Back) out.push_back(GoBack{});
  if (action != StepAction::More) return;
  const std::string& tapped = page_.tappedKey();
  if (tapped == "menu.book") out.push_back(ChooseService{ScreenId::BookTopics});
  else if (selected && tapped == "bookings.move") out.push_back(StartMove{selected->id});
  else if (selected && tapped == "bookings.cancel") out.push_back(StartCancel{selected->id});
  else if (tapped == "bookings.ask_staff") out.push_back(AskStaff{domain::HelpReason::TooLateToChange});
}

}  // namespace kiosk::screens
