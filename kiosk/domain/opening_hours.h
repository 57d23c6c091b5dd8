#pragma once
// The jobcenter's opening hours, as its booking system sends them (/kiosk/config): open now? when
// next? All in Copenhagen time, from a "now" the caller gives (the app's clock), like calendar.h.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/domain/clock_time.h"
#include "kiosk/domain/calendar.h"

namespace kiosk::domain {

struct OpeningSpan {
  int weekday = 1;   // ISO: 1 Monday ... 7 Sunday
  int opens = 0;     // minutes after local midnight
  int closes = 0;    // minutes after local midnight; after opens
  bool operator==(const OpeningSpan&) const = default;
};

struct OpeningHours {
  std::vector<OpeningSpan> spans;        // days not listed are closed
  std::vector<std::string> closedDates;  // "2026-12-24": closed all day whatever the weekday says
  bool operator==(const OpeningHours&) const = default;
};

// One day the jobcenter opens, for the closed screen: "Mandag 08:00-15:00".
struct OpeningDay {
  std::string date;  // Copenhagen date, "2026-12-07"
  int weekday = 1;
  int opens = 0, closes = 0;
  WallClock::time_point opensAt;
};


bool isOpen(const OpeningHours& hours, WallClock::time_point now);
// The next days the jobcenter opens, starting today when it has yet to open today (at most
// `count`, looked for within the next four weeks: a jobcenter closed longer has no next opening).
std::vector<OpeningDay> nextOpenings(const OpeningHours& hours, WallClock::time_point now, size_t count);
// When the opening that is under way ends: nullopt when closed now.
std::optional<WallClock::time_point> closingTime(const OpeningHours& hours, WallClock::time_point now);

}  // namespace kiosk::domain
