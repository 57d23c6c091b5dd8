#include "kiosk/domain/opening_hours.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace kiosk::domain {
namespace {

// A Copenhagen calendar day and the minute of it.
struct Local {
  int year = 0, month = 0, day = 0;  // month 1-12
  int weekday = 1;                   // ISO
  int minute = 0;
  std::string date() const {
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return out;
  }
};

std::unique_ptr<icu::GregorianCalendar> copenhagen(UErrorCode& status) {
  return std::make_unique<icu::GregorianCalendar>(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"), status);
}

int isoWeekday(int icuDay) { return icuDay == UCAL_SUNDAY ? 7 : icuDay - 1; }  // ICU: Sunday 1 ... Saturday 7

// The day `daysAhead` calendar days after now's day (the minute is now's on day 0, else 0).
Local localDay(WallClock::time_point now, int daysAhead) {
  UErrorCode status = U_ZERO_ERROR;
  auto calendar = copenhagen(status);
  calendar->setTime(static_cast<UDate>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()), status);
  Local local;
  local.minute = calendar->get(UCAL_HOUR_OF_DAY, status) * 60 + calendar->get(UCAL_MINUTE, status);
  if (daysAhead != 0) calendar->add(UCAL_DATE, daysAhead, status), local.minute = 0;
  local.year = calendar->get(UCAL_YEAR, status);
  local.month = calendar->get(UCAL_MONTH, status) + 1;
  local.day = calendar->get(UCAL_DATE, status);
  local.weekday = isoWeekday(calendar->get(UCAL_DAY_OF_WEEK, status));
  return local;
}

// The instant a local wall time on a Copenhagen day happens (ICU resolves the clock changes).
WallClock::time_point at(const Local& day, int minute) {
  UErrorCode status = U_ZERO_ERROR;
  auto calendar = copenhagen(status);
  calendar->clear();
  calendar->set(day.year, day.month - 1, day.day, minute / 60, minute % 60, 0);
  const UDate ms = calendar->getTime(status);
  return WallClock::time_point(std::chrono::duration_cast<WallClock::duration>(std::chrono::milliseconds(static_cast<int64_t>(ms))));
}

bool closedOn(const OpeningHours& hours, const std::string& date) {
  return std::find(hours.closedDates.begin(), hours.closedDates.end(), date) != hours.closedDates.end();
}

constexpr int kLookAheadDays = 28;

}  // namespace

bool isOpen(const OpeningHours& hours, WallClock::time_point now) { return closingTime(hours, now).has_value(); }

std::optional<WallClock::time_point> closingTime(const OpeningHours& hours, WallClock::time_point now) {
  const Local today = localDay(now, 0);
  if (closedOn(hours, today.date())) return std::nullopt;
  for (const auto& span : hours.spans) {
    if (span.weekday == today.weekday && span.opens <= today.minute && today.minute < span.closes) return at(today, span.closes);
  }
  return std::nullopt;
}

std::vector<OpeningDay> nextOpenings(const OpeningHours& hours, WallClock::time_point now, size_t count) {
  std::vector<OpeningDay> out;
  for (int ahead = 0; ahead <= kLookAheadDays && out.size() < count; ++ahead) {
    const Local day = localDay(now, ahead);
    if (closedOn(hours, day.date())) continue;
    std::vector<OpeningSpan> spans;
    for (const auto& span : hours.spans) {
      if (span.weekday == day.weekday && (ahead > 0 || span.opens > day.minute)) spans.push_back(span);
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.opens < b.opens; });
    for (const auto& span : spans) {
      if (out.size() == count) break;
      out.push_back({day.date(), day.weekday, span.opens, span.closes, at(day, span.opens)});
    }
  }
  return out;
}

}  // namespace kiosk::domain
