// Anonymous usage events on the kiosk: the queue that holds them while the network is down is
// bounded and says what it dropped; a session's events carry only the hour and closed values.
#include <catch2/catch.hpp>

#include <sstream>

#include "kiosk/app/usage_event_queue.h"
#include "kiosk/app/usage_events.h"

using kiosk::app::UsageEventQueue;
using nlohmann::json;

namespace {

json numbered(int n) { return {{"type", "session_started"}, {"n", n}}; }

std::vector<int> numbersOf(const std::vector<json>& batch) {
  std::vector<int> out;
  for (const auto& e : batch) out.push_back(e["n"].get<int>());
  return out;
}

kiosk::domain::WallClock::time_point utc(int year, unsigned month, unsigned day, int hour, int minute) {
  using namespace std::chrono;
  return sys_days{std::chrono::year{year} / month / day} + hours(hour) + minutes(minute);
}

}  // namespace

TEST_CASE("the usage event queue keeps the oldest when full, drops the newest, and says once how many were dropped") {
  std::ostringstream log;
  UsageEventQueue queue(3, log);
  for (int n = 1; n <= 6; ++n) queue.push(numbered(n));
  CHECK(queue.size() == 3);
  CHECK(queue.droppedSinceFull() == 3);
  // One line when it starts dropping, none per event.
  CHECK(log.str() == "kiosk: usage events: 3 wait to be sent, the most kept; newer ones are dropped until they are\n");
  log.str("");
  CHECK(numbersOf(queue.takeBatch()) == std::vector<int>{1, 2, 3});
  CHECK(log.str() == "kiosk: usage events: 3 were dropped while the queue was full\n");
  CHECK(queue.droppedSinceFull() == 0);
  CHECK(queue.empty());
}

TEST_CASE("a batch that was not delivered goes back in front, in order, and what then does not fit is dropped from the back") {
  std::ostringstream log;
  UsageEventQueue queue(4, log);
  for (int n = 1; n <= 3; ++n) queue.push(numbered(n));
  auto batch = queue.takeBatch();
  queue.push(numbered(4));
  queue.push(numbered(5));
  queue.putBack(std::move(batch));
  CHECK(queue.droppedSinceFull() == 1);
  CHECK(numbersOf(queue.takeBatch()) == std::vector<int>{1, 2, 3, 4});
  CHECK(log.str().find("1 was dropped") != std::string::npos);
}

TEST_CASE("usage events go in batches of at most the contract's hundred") {
  std::ostringstream log;
  UsageEventQueue queue(1000, log);
  for (int n = 0; n < 250; ++n) queue.push(numbered(n));
  CHECK(queue.takeBatch().size() == 100);
  CHECK(queue.takeBatch().size() == 100);
  CHECK(queue.takeBatch().size() == 50);
  CHECK(queue.takeBatch().empty());
  CHECK(log.str().empty());
}

TEST_CASE("a usage event's time is the hour in Copenhagen with its offset, winter and summer") {
  CHECK(kiosk::app::copenhagenHour(utc(2026, 11, 23, 8, 59)) == "2026-11-23T09:00:00+01:00");
  CHECK(kiosk::app::copenhagenHour(utc(2026, 6, 1, 22, 30)) == "2026-06-02T00:00:00+02:00");
}

TEST_CASE("a session's length is said in coarse buckets only") {
  using std::chrono::seconds;
  CHECK(kiosk::app::lengthBucket(seconds(59)) == "under_1_min");
  CHECK(kiosk::app::lengthBucket(seconds(60)) == "1_to_3_min");
  CHECK(kiosk::app::lengthBucket(seconds(179)) == "1_to_3_min");
  CHECK(kiosk::app::lengthBucket(seconds(599)) == "3_to_10_min");
  CHECK(kiosk::app::lengthBucket(seconds(3600)) == "over_10_min");
}

TEST_CASE("the recorder says nothing outside a session, each aid once, and where a given-up session ended") {
  std::ostringstream log;
  UsageEventQueue queue(100, log);
  kiosk::app::UsageRecorder usage(queue);
  const auto t = utc(2026, 11, 23, 9, 41);
  usage.languageChosen("ar", t);  // on the attract screen: no session yet
  usage.sessionStarted(t);
  usage.aidUsed(kiosk::app::Aid::LowReach, t);
  usage.aidUsed(kiosk::app::Aid::LowReach, t);
  usage.stepReached("book-topics", "book", t);
  usage.sessionEnded(kiosk::app::SessionEnding::TimedOut, "book-topics", t + std::chrono::minutes(4));
  usage.sessionEnded(kiosk::app::SessionEnding::Finished, "attract", t + std::chrono::minutes(5));  // none under way
  const auto batch = queue.takeBatch();
  REQUIRE(batch.size() == 4);
  CHECK(batch[0] == json{{"type", "session_started"}, {"hour", "2026-11-23T10:00:00+01:00"}});
  CHECK(batch[1] == json{{"type", "aid_used"}, {"aid", "low_reach"}, {"hour", "2026-11-23T10:00:00+01:00"}});
  CHECK(batch[2] == json{{"type", "step_reached"}, {"step", "book-topics"}, {"flow", "book"}, {"hour", "2026-11-23T10:00:00+01:00"}});
  CHECK(batch[3] == json{{"type", "session_ended"}, {"length", "3_to_10_min"}, {"ending", "timed_out"}, {"given_up_at", "book-topics"},
                         {"hour", "2026-11-23T10:00:00+01:00"}});
}
