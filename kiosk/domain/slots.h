#pragma once
// Free times as the citizen chooses among them: by Copenhagen calendar day, earliest first.
// Worked out once when the booking system answers, so the time step only reads it.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/calendar.h"

namespace kiosk::domain {

struct SlotDay {
  std::string date;         // "2026-11-24": the day in Copenhagen
  std::vector<Slot> slots;  // earliest first; never empty
};

struct SlotDays {
  std::vector<SlotDay> days;  // earliest first
  // Every time offered is after the citizen's contact deadline (or it has passed): then no time
  // is marked, and the time step says once that the first free time is the one to take.
  bool allAfterDeadline = false;

  bool empty() const { return days.empty(); }
  // The first free time of all ("first free time"); nullptr when there is none.
  const Slot* first() const { return days.empty() ? nullptr : &days.front().slots.front(); }
  // The day with this date, or nullptr.
  const SlotDay* find(std::string_view date) const;
};

// Sorts the free times by their instant (times that start together keep the server's order) and
// groups them by their day in Copenhagen, worked out from the instant: the offset the server
// wrote ("Z", "+01:00") does not decide the day, so a time at 23:30 UTC is on the next day.
SlotDays groupSlotsByDay(std::vector<Slot> slots);

// With no preferred consultant, each time is offered once (the first consultant the server
// listed for it): the citizen chooses a time, and the card says who it is with.
SlotDays offerEachTimeOnce(SlotDays days);

// Marks what the citizen could still change themselves once they book each time (a time inside
// the move cut-off cannot be moved afterwards), and whether every time is after the deadline.
// now: the app's wall clock when the times arrived.
SlotDays markChangeDeadlines(SlotDays days, WallClock::time_point now);
ChangeOnceBooked changeOnceBooked(const Slot& slot, WallClock::time_point now);

}  // namespace kiosk::domain
