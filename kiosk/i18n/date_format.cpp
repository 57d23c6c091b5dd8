#include "kiosk/i18n/date_format.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace kiosk::i18n {
namespace {

// A formatter for a language and skeleton ("EEEEdMMMM": weekday, day, month), made once per
// thread. Making one reads and parses ICU's locale data (a pattern generator, a formatter, a
// time zone: about a millisecond), and the kiosk asks often: 29 times for every font rebuild
// (dateVocabulary), and for every day and time on the booking screens, every frame. ICU's
// formatters must not be shared between threads (format() moves the formatter's calendar), so
// each thread has its own; there are at most languages x skeletons of them. nullptr when ICU
// cannot make one.
const icu::SimpleDateFormat* formatter(std::string_view language, const char16_t* skeleton) {
  thread_local std::map<std::pair<std::string, std::u16string>, std::unique_ptr<icu::SimpleDateFormat>> made;
  auto key = std::make_pair(std::string(language), std::u16string(skeleton));
  if (const auto found = made.find(key); found != made.end()) return found->second.get();
  UErrorCode status = U_ZERO_ERROR;
  // The jobcenter's calendar is the Gregorian one in every language (ICU's Farsi default is the
  // Persian calendar: the same day, but not the date on the jobcenter's letters).
  const icu::Locale locale((std::string(language) + "@calendar=gregorian").c_str());
  std::unique_ptr<icu::SimpleDateFormat> fresh;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_SUCCESS(status)) {
    const icu::UnicodeString pattern = generator->getBestPattern(icu::UnicodeString(skeleton), status);
    fresh = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    if (U_SUCCESS(status)) fresh->adoptTimeZone(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"));
    else fresh.reset();
  }
  return made.emplace(std::move(key), std::move(fresh)).first->second.get();
}

std::string format(std::string_view language, int64_t unixSeconds, const char16_t* skeleton) {
  const icu::SimpleDateFormat* f = formatter(language, skeleton);
  if (!f) return {};
  icu::UnicodeString out;
  f->format(static_cast<UDate>(unixSeconds) * 1000.0, out);
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
