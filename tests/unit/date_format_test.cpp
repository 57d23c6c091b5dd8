// Dates and times as a citizen reads them (kiosk/i18n/date_format.h). Formatters are made once
// per thread, language and pattern and kept: a date, a time, a weekday and a day with its month
// asked for in turn, in several languages and on two threads, each reads as it does on its own.
#include <catch2/catch.hpp>

#include <string>
#include <thread>

#include "kiosk/i18n/date_format.h"

using namespace kiosk::i18n;

namespace {

constexpr int64_t kMondayMorning = 1767600000;  // 2026-01-05 08:00 UTC: 09.00 in Copenhagen

struct Read {
  std::string date, time, weekday, dayMonth, iso;
};

Read readAll(const std::string& language) {
  return {formatDate(language, kMondayMorning), formatTime(language, kMondayMorning), formatWeekday(language, kMondayMorning),
          formatDayMonth(language, kMondayMorning), formatIsoDate(language, "2026-01-05")};
}

}  // namespace

TEST_CASE("a date, a time, a weekday and a day read in each language as they should, asked in any order and on any thread") {
  const Read da = readAll("da");
  CHECK(da.date == "mandag 5. januar");
  CHECK(da.time == "09.00");
  CHECK(da.weekday == "mandag");
  CHECK(da.dayMonth == "5. januar");
  CHECK(da.iso == da.date);

  const Read en = readAll("en");
  CHECK(en.date == "Monday, January 5");
  CHECK(en.time == "09:00");
  CHECK(en.weekday == "Monday");
  CHECK(en.dayMonth == "January 5");

  // Farsi in the Gregorian calendar (the jobcenter's), not ICU's Persian default: the month is
  // January's name, not Dey's.
  CHECK(readAll("fa").dayMonth.find("ژانویه") != std::string::npos);

  // Asked again, and in between in another language: the same words.
  CHECK(readAll("da").date == da.date);
  CHECK(readAll("da").time == da.time);

  // Another thread has its own formatters and reads the same.
  Read onAnotherThread;
  std::thread([&] { onAnotherThread = readAll("da"); }).join();
  CHECK(onAnotherThread.date == da.date);
  CHECK(onAnotherThread.time == da.time);
  CHECK(onAnotherThread.dayMonth == da.dayMonth);

  // A language ICU does not know still gets a date (ICU's root locale), never a crash.
  CHECK_FALSE(formatDate("xx", kMondayMorning).empty());
}
