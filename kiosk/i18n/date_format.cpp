#include "kiosk/i18n/date_format.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace kiosk::i18n {
namespace {

std::string format(std::string_view language, int64_t unixSeconds, const char16_t* skeleton) {
  UErrorCode status = U_ZERO_ERROR;
  // The jobcenter's calendar is the Gregorian one in every language (ICU's Farsi default is the
  // Persian calendar: the same day, but not the date on the jobcenter's letters).
  const icu::Locale locale((std::string(language) + "@calendar=gregorian").c_str());
  std::unique_ptr<icu::DateTimePatternGenerator> generator(icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return {};
  const icu::UnicodeString pattern = generator->getBestPattern(icu::UnicodeString(skeleton), status);
  icu::SimpleDateFormat formatter(pattern, locale, status);
  formatter.adoptTimeZone(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"));
  icu::UnicodeString out;
  formatter.format(static_cast<UDate>(unixSeconds) * 1000.0, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string formatDate(std::string_view language, int64_t unixSeconds) { return format(language, unixSeconds, u"EEEEdMMMM"); }

std::string formatTime(std::string_view language, int64_t unixSeconds) { return format(language, unixSeconds, u"Hm"); }

std::string formatWeekday(std::string_view language, int64_t unixSeconds) { return format(language, unixSeconds, u"EEEE"); }

std::string formatDayMonth(std::string_view language, int64_t unixSeconds) { return format(language, unixSeconds, u"dMMMM"); }

std::string formatIsoDate(std::string_view language, std::string_view isoDate) {
  int y = 0, m = 0, d = 0;
  if (isoDate.size() != 10 || std::sscanf(std::string(isoDate).c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::string(isoDate);
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"), status);
  calendar.clear();
  calendar.set(y, m - 1, d, 12, 0, 0);
  const UDate at = calendar.getTime(status);
  return U_SUCCESS(status) ? formatDate(language, static_cast<int64_t>(at / 1000)) : std::string(isoDate);
}

std::string dateVocabulary(std::string_view language) {
  std::string all;
  // Every weekday and month once (2026-01-05 is a Monday), and every digit in times.
  for (int day = 0; day < 7; ++day) all += formatDate(language, 1767600000 + day * 86400) + "\n";
  for (int month = 0; month < 12; ++month) all += formatDate(language, 1767600000 + month * 31 * 86400) + "\n";
  for (int hour = 0; hour < 10; ++hour) all += formatTime(language, 1767600000 + hour * 3600 + hour * 660) + "\n";
  return all;
}

}  // namespace kiosk::i18n
