#pragma once
// What a session at the kiosk looked like, as anonymous usage events (UsageEvent in
// server/openapi.yaml): started and ended (its length in coarse buckets, how it ended, and the
// screen where it was given up), the language, text size and aids chosen, each screen reached,
// the errands completed (assisted or not), help asked for and why. Never a citizen id, a name, a
// booking code or anything typed, and no time finer than the hour: every value here comes from
// a closed list or is a screen's name.

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "kiosk/app/usage_event_queue.h"
#include "kiosk/domain/booking_types.h"
#include "kiosk/domain/calendar.h"

namespace kiosk::app {

enum class SessionEnding { Finished, TimedOut, StartedOver };
enum class Aid { Speech, HighContrast, LowReach };

// "2026-11-23T09:00:00+01:00": the hour a moment falls in, in Copenhagen, with its offset.
std::string copenhagenHour(domain::WallClock::time_point at);
// under_1_min, 1_to_3_min, 3_to_10_min, over_10_min.
std::string_view lengthBucket(std::chrono::seconds length);

class UsageRecorder {
 public:
  explicit UsageRecorder(UsageEventQueue& queue) : queue_(queue) {}

  bool inSession() const { return startedAt_.has_value(); }
  void sessionStarted(domain::WallClock::time_point at);
  // The screen where the session ended, and how; nothing when no session was under way.
  void sessionEnded(SessionEnding ending, std::string_view lastScreen, domain::WallClock::time_point at);
  void languageChosen(const std::string& code, domain::WallClock::time_point at);
  void textSizeChosen(int percent, domain::WallClock::time_point at);
  void aidUsed(Aid aid, domain::WallClock::time_point at);  // once per session and aid
  // flow: the errand the screen belongs to (the contract's name), if any.
  void stepReached(std::string_view screen, std::optional<std::string_view> flow, domain::WallClock::time_point at);
  void errandCompleted(std::string_view flow, bool assisted, domain::WallClock::time_point at);
  void helpRequested(domain::HelpReason reason, domain::WallClock::time_point at);

 private:
  void record(nlohmann::json event, domain::WallClock::time_point at);

  UsageEventQueue& queue_;
  std::optional<domain::WallClock::time_point> startedAt_;
  std::set<Aid> aidsUsed_;
};

}  // namespace kiosk::app
