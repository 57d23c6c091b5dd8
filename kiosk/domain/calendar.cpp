#include "kiosk/domain/calendar.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace kiosk::domain {

std::string copenhagenDate(WallClock::time_point now, int daysBefore) {
  UErrorCode status = U_ZERO_ERROR;
  // ICU's own calendar arithmetic and time-zone rules: thread-safe, no setenv("TZ").
  icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"), status);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  calendar.setTime(static_cast<UDate>(ms), status);
  calendar.add(UCAL_DATE, -daysBefore, status);
  const int year = calendar.get(UCAL_YEAR, status), month = calendar.get(UCAL_MONTH, status) + 1, day = calendar.get(UCAL_DATE, status);
  if (U_FAILURE(status)) return {};
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

}  // namespace kiosk::domain
