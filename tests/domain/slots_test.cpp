// Free times grouped by their day in Copenhagen, worked out from the instant: around midnight,
// on the nights the clocks change, and when the server writes its times in UTC.

#include <catch2/catch.hpp>

#include <chrono>

#include "kiosk/domain/slots.h"

using namespace std::chrono;
using kiosk::domain::groupSlotsByDay;
using kiosk::domain::offerEachTimeOnce;
using kiosk::domain::Slot;
using kiosk::domain::SlotDays;

namespace {

// A free time starting at a UTC wall time; text is what the server wrote (its offset is not read).
Slot slotAt(std::string id, sys_days day, minutes timeOfDayUtc, std::string text = "", std::string consultant = "Mette") {
  Slot s;
  s.id = std::move(id);
  s.start.unixSeconds = duration_cast<seconds>((day + timeOfDayUtc).time_since_epoch()).count();
  s.start.text = std::move(text);
  s.consultantFirstName = std::move(consultant);
  return s;
}

std::vector<std::string> datesOf(const SlotDays& grouped) {
  std::vector<std::string> out;
  for (const auto& d : grouped.days) out.push_back(d.date);
  return out;
}

std::vector<std::string> idsOn(const SlotDays& grouped, std::string_view date) {
  std::vector<std::string> out;
  if (const auto* day = grouped.find(date)) {
    for (const auto& s : day->slots) out.push_back(s.id);
  }
  return out;
}

}  // namespace

TEST_CASE("slots: no free times, no days") {
  const SlotDays grouped = groupSlotsByDay({});
  CHECK(grouped.empty());
  CHECK(grouped.first() == nullptr);
  CHECK(grouped.find("2026-11-24") == nullptr);
}

TEST_CASE("slots: sorted earliest first, the server's order kept for times that start together") {
  const auto day = sys_days{2026y / November / 24};
  const SlotDays grouped = groupSlotsByDay({slotAt("late", day, 13h), slotAt("early-a", day, 9h), slotAt("early-b", day, 9h)});
  REQUIRE(grouped.first() != nullptr);
  CHECK(grouped.first()->id == "early-a");
  CHECK(idsOn(grouped, "2026-11-24") == std::vector<std::string>{"early-a", "early-b", "late"});
}

TEST_CASE("slots: a time after midnight in Copenhagen is on the next day (winter time, UTC+1)") {
  const auto day = sys_days{2026y / November / 24};
  // 22:30 UTC is 23:30 in Copenhagen; 23:30 UTC is already 00:30 on the 25th.
  const SlotDays grouped = groupSlotsByDay({slotAt("before", day, 22h + 30min), slotAt("after", day, 23h + 30min)});
  CHECK(datesOf(grouped) == std::vector<std::string>{"2026-11-24", "2026-11-25"});
  CHECK(idsOn(grouped, "2026-11-25") == std::vector<std::string>{"after"});
}

TEST_CASE("slots: a server answering in UTC still groups by the Copenhagen day") {
  // The same instant written in UTC: the text's date is the 24th, the citizen's day the 25th.
  const auto day = sys_days{2026y / November / 24};
  const SlotDays grouped = groupSlotsByDay({slotAt("utc", day, 23h + 30min, "2026-11-24T23:30:00Z"),
                                            slotAt("local", day, 23h + 30min, "2026-11-25T00:30:00+01:00")});
  CHECK(datesOf(grouped) == std::vector<std::string>{"2026-11-25"});
  CHECK(idsOn(grouped, "2026-11-25") == std::vector<std::string>{"utc", "local"});
}

TEST_CASE("slots: around the spring clock change (29 March 2026, UTC+1 to UTC+2)") {
  const auto sat = sys_days{2026y / March / 28}, sun = sys_days{2026y / March / 29};
  const SlotDays grouped = groupSlotsByDay({
      slotAt("sat-23:30", sat, 22h + 30min),    // 23:30 CET on the 28th
      slotAt("sun-00:30", sat, 23h + 30min),    // 00:30 CET on the 29th
      slotAt("sun-23:30", sun, 21h + 30min),    // 23:30 CEST on the 29th
      slotAt("mon-00:30", sun, 22h + 30min),    // 00:30 CEST on the 30th
  });
  CHECK(datesOf(grouped) == std::vector<std::string>{"2026-03-28", "2026-03-29", "2026-03-30"});
  CHECK(idsOn(grouped, "2026-03-29") == std::vector<std::string>{"sun-00:30", "sun-23:30"});
}

TEST_CASE("slots: around the autumn clock change (25 October 2026, UTC+2 to UTC+1)") {
  const auto sat = sys_days{2026y / October / 24}, sun = sys_days{2026y / October / 25};
  const SlotDays grouped = groupSlotsByDay({
      slotAt("sat-23:30", sat, 21h + 30min),  // 23:30 CEST on the 24th
      slotAt("sun-00:30", sat, 22h + 30min),  // 00:30 CEST on the 25th
      slotAt("sun-23:30", sun, 22h + 30min),  // 23:30 CET on the 25th
      slotAt("mon-00:00", sun, 23h),          // midnight CET: the 26th
  });
  CHECK(datesOf(grouped) == std::vector<std::string>{"2026-10-24", "2026-10-25", "2026-10-26"});
  CHECK(idsOn(grouped, "2026-10-25") == std::vector<std::string>{"sun-00:30", "sun-23:30"});
}

TEST_CASE("slots: with no preferred consultant each time is offered once, with the first consultant listed") {
  const auto day = sys_days{2026y / November / 24};
  const SlotDays once = offerEachTimeOnce(groupSlotsByDay({slotAt("a", day, 9h, "", "Mette"), slotAt("b", day, 9h, "", "Ali"),
                                                           slotAt("c", day, 10h, "", "Ali")}));
  CHECK(idsOn(once, "2026-11-24") == std::vector<std::string>{"a", "c"});
  REQUIRE(once.first() != nullptr);
  CHECK(once.first()->consultantFirstName == "Mette");
  CHECK(offerEachTimeOnce({}).empty());
}

TEST_CASE("slots: a time inside the move cut-off says it cannot be moved once booked") {
  using kiosk::domain::ChangeOnceBooked;
  using kiosk::domain::markChangeDeadlines;
  const sys_days day = 2026y / December / 10;
  const auto now = kiosk::domain::WallClock::time_point(day - days(1) + 9h);  // the day before, 09:00 UTC
  auto at = [](sys_time<seconds> t) { return kiosk::domain::Instant{duration_cast<seconds>(t.time_since_epoch()).count(), ""}; };
  Slot later = slotAt("later", day + days(5), 8h), tomorrow = slotAt("tomorrow", day, 12h), soon = slotAt("soon", day - days(1), 13h);
  for (Slot* s : {&later, &tomorrow, &soon}) {
    s->movableUntil = at(sys_seconds(seconds(s->start.unixSeconds)) - days(2));
    s->cancellableUntil = at(sys_seconds(seconds(s->start.unixSeconds)) - days(1));
    s->afterDeadline = true;
  }
  const SlotDays marked = markChangeDeadlines(groupSlotsByDay({later, tomorrow, soon}), now);
  CHECK(marked.find("2026-12-15")->slots.front().onceBooked == ChangeOnceBooked::MoveAndCancel);
  CHECK(marked.find("2026-12-10")->slots.front().onceBooked == ChangeOnceBooked::CancelOnly);
  CHECK(marked.find("2026-12-09")->slots.front().onceBooked == ChangeOnceBooked::Neither);
  // Every time after the deadline: none is marked as such, one sentence says to take the first.
  CHECK(marked.allAfterDeadline);
  later.afterDeadline = false;
  CHECK_FALSE(markChangeDeadlines(groupSlotsByDay({later, tomorrow}), now).allAfterDeadline);
  CHECK_FALSE(markChangeDeadlines(SlotDays{}, now).allAfterDeadline);
}
