#include "kiosk/domain/slots.h"

#include <algorithm>
#include <chrono>

#include "kiosk/domain/calendar.h"

namespace kiosk::domain {

const SlotDay* SlotDays::find(std::string_view date) const {
  for (const auto& day : days) {
    if (day.date == date) return &day;
  }
  return nullptr;
}

SlotDays groupSlotsByDay(std::vector<Slot> slots) {
  std::stable_sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.start.unixSeconds < b.start.unixSeconds; });
  SlotDays out;
  for (auto& slot : slots) {
    std::string date = copenhagenDate(WallClock::time_point(std::chrono::seconds(slot.start.unixSeconds)));
    // Sorted by instant, so a day's times are next to each other.
    if (out.days.empty() || out.days.back().date != date) out.days.push_back({std::move(date), {}});
    out.days.back().slots.push_back(std::move(slot));
  }
  return out;
}

SlotDays offerEachTimeOnce(SlotDays days) {
  for (auto& day : days.days) {
    auto& slots = day.slots;
    const auto sameStart = [](const Slot& a, const Slot& b) { return a.start.unixSeconds == b.start.unixSeconds; };
    slots.erase(std::unique(slots.begin(), slots.end(), sameStart), slots.end());
  }
  return days;
}

ChangeOnceBooked changeOnceBooked(const Slot& slot, WallClock::time_point now) {
  const int64_t at = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const bool canCancel = !slot.cancellableUntil || at < slot.cancellableUntil->unixSeconds;
  const bool canMove = !slot.movableUntil || at < slot.movableUntil->unixSeconds;
  if (canMove && canCancel) return ChangeOnceBooked::MoveAndCancel;
  return canCancel ? ChangeOnceBooked::CancelOnly : ChangeOnceBooked::Neither;
}

SlotDays markChangeDeadlines(SlotDays days, WallClock::time_point now) {
  bool anyBeforeDeadline = false;
  for (auto& day : days.days) {
    for (auto& slot : day.slots) {
      slot.onceBooked = changeOnceBooked(slot, now);
      anyBeforeDeadline = anyBeforeDeadline || !slot.afterDeadline;
    }
  }
  days.allAfterDeadline = !days.empty() && !anyBeforeDeadline;
  return days;
}

}  // namespace kiosk::domain
