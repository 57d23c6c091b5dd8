// Step 4: day and time — a strip of days with free times, the times of the chosen day (earliest
// first; those after the citizen's deadline, and those that could not be moved or cancelled once
// booked, say so in words), and "first free time". When every time is after the deadline no time
// is marked: one sentence says the first free time is fine.

#include <algorithm>
#include <span>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/book_time.h"
#include "kiosk/screens/booking_steps.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void BookTime::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const BookingDraft& draft = citizen.draft;
  const std::string titleKey = draft.moving() ? "book.move_title" : "book.time_title";

  // Sorted, grouped by Copenhagen day and (with no preferred consultant) one per time when the
  // answer arrived: here they are only read.
  const domain::SlotDays noSlots;
  const domain::SlotDays& slots = citizen.slots.ready() ? *citizen.slots.value : noSlots;
  const std::vector<domain::SlotDay>& days = slots.days;
  const domain::Slot* firstFree = slots.first();
  if (!slots.find(day_)) day_ = days.empty() ? std::string() : days.front().date;

  std::string status = remoteStatus(ui, citizen.slots);
  if (status.empty() && !firstFree) status = ui.tr("book.no_times");
  const float statusH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;

  const std::string& allAfter = ui.tr("book.all_after_deadline");
  const float allAfterH = slots.allAfterDeadline ? ui::textHeight(ui, allAfter, FontRole::Body, width) + gap : 0;
  // What a time's card says besides the consultant: said in words, never by the outline alone.
  auto notes = [&](const domain::Slot& s, std::vector<std::string>& lines) {
    if (s.afterDeadline && !slots.allAfterDeadline) lines.push_back(ui.tr("book.after_deadline"));
    if (s.onceBooked == domain::ChangeOnceBooked::CancelOnly) lines.push_back(ui.tr("book.cannot_move_later"));
    if (s.onceBooked == domain::ChangeOnceBooked::Neither) lines.push_back(ui.tr("book.cannot_change_later"));
  };

  // The first free time, as one big shortcut.
  ui::CardSpec first{.id = "book.first_free", .icon = ui::icon::kWhen};
  if (firstFree) {
    first.title = ui.format("book.first_free", {{"when", whenText(ui, firstFree->start)}});
    first.lines.push_back(firstFree->consultantFirstName);
    notes(*firstFree, first.lines);
  }
  const float firstH = firstFree ? ui::cardHeight(ui, first, width) + gap : 0;

  // One row of days at a time, and "more days" for the rest: the times stay in view.
  const int dayColumns = ui.byTextSize(5, 3, 2);
  const size_t perPage = static_cast<size_t>(dayColumns);
  const auto selected = std::find_if(days.begin(), days.end(), [&](const domain::SlotDay& d) { return d.date == day_; });
  const size_t firstShown = (static_cast<size_t>(selected - days.begin()) / perPage) * perPage;
  const float dayW = (width - gap * static_cast<float>(dayColumns - 1)) / static_cast<float>(dayColumns);
  std::vector<ui::CardSpec> dayCards;
  std::vector<std::string> shownDays;
  float dayH = 0;
  for (size_t i = firstShown; i < std::min(days.size(), firstShown + perPage); ++i) {
    const int64_t t = days[i].slots.front().start.unixSeconds;
    ui::CardSpec spec{
        .id = "day." + days[i].date, .title = i18n::formatWeekday(ui.language(), t), .lines = {i18n::formatDayMonth(ui.language(), t)}};
    spec.selected = days[i].date == day_;
    dayH = std::max(dayH, ui::cardHeight(ui, spec, dayW));
    dayCards.push_back(std::move(spec));
    shownDays.push_back(days[i].date);
  }
  const bool earlier = firstShown > 0, later = firstShown + perPage < days.size();
  const std::string& earlierLabel = ui.tr("book.earlier_days");
  const std::string& laterLabel = ui.tr("book.later_days");
  const ui::Vec2 earlierSize = ui::buttonSize(ui, earlierLabel, ui::icon::kBack, width / 2 - gap);
  const ui::Vec2 laterSize = ui::buttonSize(ui, laterLabel, ui::icon::kForward, width / 2 - gap);
  const float pagerH = earlier || later ? std::max(earlierSize.y, laterSize.y) + gap : 0;
  const float daysH = days.empty() ? 0 : dayH + gap + pagerH;

  // The chosen day's times; with no preferred consultant each is offered once, and who it is
  // with shows on the card.
  const domain::SlotDay* chosenDay = slots.find(day_);
  const std::span<const domain::Slot> shown = chosenDay ? std::span<const domain::Slot>(chosenDay->slots) : std::span<const domain::Slot>();
  const int slotColumns = ui.byTextSize(4, 3, 2);
  const float slotW = (width - gap * static_cast<float>(slotColumns - 1)) / static_cast<float>(slotColumns);
  std::vector<ui::CardSpec> slotCards;
  float slotH = 0;
  for (const auto& s : shown) {
    ui::CardSpec spec{.title = i18n::formatTime(ui.language(), s.start.unixSeconds), .lines = {s.consultantFirstName}};
    notes(s, spec.lines);
    spec.selected = draft.slot && draft.slot->id == s.id;
    slotH = std::max(slotH, ui::cardHeight(ui, spec, slotW));
    slotCards.push_back(std::move(spec));
  }
  slotH = std::max(slotH, ui.px(ui::design::kSlotMinHeight));
  const size_t slotRows = (shown.size() + static_cast<size_t>(slotColumns) - 1) / static_cast<size_t>(slotColumns);
  const float slotsH = static_cast<float>(slotRows) * (slotH + gap);
  const float contentH = statusH + allAfterH + firstH + daysH + slotsH;

  const ui::Rect page = page_.begin(ui, {.key = titleKey, .shown = ui.tr(titleKey), .step = bookingStep(draft, id()), .steps = bookingSteps(draft)},
                                    area, contentH);
  float y = page.y;
  if (!status.empty()) y += ui::statusText(ui, "book-status", status, {page.x, y, width, 0}) + gap;
  if (slots.allAfterDeadline) y += ui::paragraph(ui, "book.all_after_deadline", allAfter, FontRole::Body, ui.colors().text, ui.place({page.x, y, width, 0}, page)) + gap;
  if (firstFree) {
    const float h = firstH - gap;
    if (ui::card(ui, first, {page.x, y, width, h})) out.push_back(PickSlot{*firstFree});
    y += firstH;
  }
  for (size_t i = 0; i < shownDays.size(); ++i) {
    const ui::Rect r = ui.place({page.x + static_cast<float>(i) * (dayW + gap), y, dayW, dayH}, page);
    if (ui::card(ui, dayCards[i], r)) day_ = shownDays[i];
  }
  if (earlier && ui::outlineButton(ui, "book.earlier_days", earlierLabel, ui::icon::kBack,
                                   ui.place({page.x, y + dayH + gap, earlierSize.x, earlierSize.y}, page), {.inContent = true})) {
    day_ = days[firstShown - perPage].date;
  }
  if (later && ui::outlineButton(ui, "book.later_days", laterLabel, ui::icon::kForward,
                                 ui.place({page.right() - laterSize.x, y + dayH + gap, laterSize.x, laterSize.y}, page), {.inContent = true})) {
    day_ = days[firstShown + perPage].date;
  }
  y += daysH;
  for (size_t i = 0; i < shown.size(); ++i) {
    const size_t row = i / static_cast<size_t>(slotColumns), col = i % static_cast<size_t>(slotColumns);
    slotCards[i].id = "slot." + shown[i].id;
    const ui::Rect r = ui.place({page.x + static_cast<float>(col) * (slotW + gap), y + static_cast<float>(row) * (slotH + gap), slotW, slotH}, page);
    if (ui::card(ui, slotCards[i], r)) out.push_back(PickSlot{shown[i]});
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
