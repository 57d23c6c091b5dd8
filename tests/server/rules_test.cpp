// Pure rules: minimum contact deadlines and Copenhagen local time across a DST change.
#include <catch2/catch.hpp>

#include "contact_rules.h"
#include "demo_seed.h"
#include "local_time.h"

using namespace jobcenter;

TEST_CASE("first conversation within three weeks, second within three months, then every three months") {
  const LocalDate start{2026, 9, 1};
  CHECK(nextRequiredContact(start, {}, {2026, 9, 10}, std::nullopt).nextRequiredContact == LocalDate{2026, 9, 22});
  CHECK(nextRequiredContact(start, {{2026, 9, 15}}, {2026, 9, 20}, std::nullopt).nextRequiredContact == LocalDate{2026, 12, 1});
  CHECK(nextRequiredContact(start, {{2026, 9, 15}, {2026, 11, 20}}, {2026, 11, 22}, std::nullopt).nextRequiredContact ==
        LocalDate{2027, 2, 20});
}

TEST_CASE("overdue only when the deadline passed and nothing is booked in time") {
  const LocalDate start{2026, 9, 1};
  CHECK(nextRequiredContact(start, {}, {2026, 9, 23}, std::nullopt).overdue);
  CHECK_FALSE(nextRequiredContact(start, {}, {2026, 9, 22}, std::nullopt).overdue);
  CHECK(nextRequiredContact(start, {}, {2026, 9, 23}, LocalDate{2026, 9, 30}).overdue);
  CHECK_FALSE(nextRequiredContact(start, {}, {2026, 9, 23}, LocalDate{2026, 9, 21}).overdue);
}

TEST_CASE("three months from the 31st lands on the month's last day") {
  CHECK(addMonths({2026, 11, 30}, 3) == LocalDate{2027, 2, 28});
}

TEST_CASE("Copenhagen times carry the right offset on both sides of the spring DST change") {
  CHECK(rfc3339(localToInstant({2027, 3, 26}, 9, 0)) == "2027-03-26T09:00:00+01:00");
  CHECK(rfc3339(localToInstant({2027, 3, 29}, 9, 0)) == "2027-03-29T09:00:00+02:00");
  CHECK(localToInstant({2027, 3, 29}, 9, 0) - localToInstant({2027, 3, 26}, 9, 0) == 3 * 86400 - 3600);
}

TEST_CASE("demo slots across a DST change keep their wall-clock hours") {
  const auto starts = demoSlotStarts({2027, 3, 22}, 14);  // two weeks around 28 March 2027
  REQUIRE(starts.size() == 10 * 5);
  for (const Instant s : starts) {
    const std::string text = rfc3339(s);
    const std::string hour = text.substr(11, 5);
    CHECK((hour == "09:00" || hour == "10:00" || hour == "11:00" || hour == "13:00" || hour == "14:00"));
    CHECK(localWeekday(s) <= 5);
  }
}

TEST_CASE("ISO dates are parsed strictly") {
  LocalDate d;
  CHECK(parseIsoDate("2026-11-22", d));
  CHECK(d == LocalDate{2026, 11, 22});
  CHECK_FALSE(parseIsoDate("2026-02-30", d));
  CHECK_FALSE(parseIsoDate("2026-11-22x", d));
  CHECK_FALSE(parseIsoDate("22-11-2026", d));
}
