#include "local_time.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <chrono>
#include <cstdio>
#include <memory>

namespace jobcenter {
namespace {

constexpr const char16_t* kZone = u"Europe/Copenhagen";

std::unique_ptr<icu::Calendar> calendar() {
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::createTimeZone(kZone), status);
  return cal;
}

}  // namespace

Instant nowInstant() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Instant localToInstant(const LocalDate& date, int hour, int minute) {
  auto cal = calendar();
  cal->clear();
  cal->set(date.year, date.month - 1, date.day, hour, minute, 0);
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = cal->getTime(status);
  return static_cast<Instant>(ms / 1000.0);
}

LocalDate localDateOf(Instant t) {
  auto cal = calendar();
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(t) * 1000.0, status);
  return {cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
}

int localWeekday(Instant t) {
  auto cal = calendar();
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(t) * 1000.0, status);
  const int icuDay = cal->get(UCAL_DAY_OF_WEEK, status);  // 1 = Sunday
  return icuDay == UCAL_SUNDAY ? 7 : icuDay - 1;
}

std::string rfc3339(Instant t) {
  auto cal = calendar();
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(t) * 1000.0, status);
  const int offsetMinutes = (cal->get(UCAL_ZONE_OFFSET, status) + cal->get(UCAL_DST_OFFSET, status)) / 60000;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", cal->get(UCAL_YEAR, status),
                cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status), cal->get(UCAL_HOUR_OF_DAY, status),
                cal->get(UCAL_MINUTE, status), cal->get(UCAL_SECOND, status), offsetMinutes < 0 ? '-' : '+',
                std::abs(offsetMinutes) / 60, std::abs(offsetMinutes) % 60);
  return buffer;
}

std::string isoDate(const LocalDate& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

bool parseIsoDate(const std::string& text, LocalDate& out) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  LocalDate parsed{y, m, d};
  if (addDays(parsed, 0) != parsed) return false;  // 2026-02-30 and the like
  out = parsed;
  return true;
}

LocalDate addDays(const LocalDate& d, int days) {
  auto cal = calendar();
  cal->clear();
  cal->set(d.year, d.month - 1, d.day, 12, 0, 0);
  UErrorCode status = U_ZERO_ERROR;
  cal->add(UCAL_DATE, days, status);
  return {cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
}

LocalDate addMonths(const LocalDate& d, int months) {
  auto cal = calendar();
  cal->clear();
  cal->set(d.year, d.month - 1, d.day, 12, 0, 0);
  UErrorCode status = U_ZERO_ERROR;
  cal->add(UCAL_MONTH, months, status);
  return {cal->get(UCAL_YEAR, status), cal->get(UCAL_MONTH, status) + 1, cal->get(UCAL_DATE, status)};
}

}  // namespace jobcenter
