#include "kiosk/app/usage_events.h"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "kiosk/api/booking_api.h"

namespace kiosk::app {
namespace {

const char* aidName(Aid aid) {
  switch (aid) {
    case Aid::Speech: return "speech";
    case Aid::HighContrast: return "high_contrast";
    case Aid::LowReach: return "low_reach";
  }
  return "speech";
}

const char* endingName(SessionEnding ending) {
  switch (ending) {
    case SessionEnding::Finished: return "finished";
    case SessionEnding::TimedOut: return "timed_out";
    case SessionEnding::StartedOver: return "started_over";
  }
  return "finished";
}

}  // namespace

std::string copenhagenHour(domain::WallClock::time_point at) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(icu::TimeZone::createTimeZone(u"Europe/Copenhagen"), status);
  calendar.setTime(static_cast<UDate>(std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count()), status);
  const int offsetMinutes = (calendar.get(UCAL_ZONE_OFFSET, status) + calendar.get(UCAL_DST_OFFSET, status)) / 60000;
  char out[64];  // room for any int the calendar could give, so nothing is ever cut
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:00:00%c%02d:%02d", calendar.get(UCAL_EXTENDED_YEAR, status),
                calendar.get(UCAL_MONTH, status) + 1, calendar.get(UCAL_DATE, status), calendar.get(UCAL_HOUR_OF_DAY, status),
                offsetMinutes < 0 ? '-' : '+', std::abs(offsetMinutes) / 60, std::abs(offsetMinutes) % 60);
  return U_FAILURE(status) ? std::string() : std::string(out);
}

std::string_view lengthBucket(std::chrono::seconds length) {
  using std::chrono::minutes;
  if (length < minutes(1)) return "under_1_min";
  if (length < minutes(3)) return "1_to_3_min";
  if (length < minutes(10)) return "3_to_10_min";
  return "over_10_min";
}

void UsageRecorder::record(nlohmann::json event, domain::WallClock::time_point at) {
  const std::string hour = copenhagenHour(at);
  if (hour.empty()) return;  // no time zone data: better no event than one the server refuses
  event["hour"] = hour;
  queue_.push(std::move(event));
}

void UsageRecorder::sessionStarted(domain::WallClock::time_point at) {
  startedAt_ = at;
  aidsUsed_.clear();
  record({{"type", "session_started"}}, at);
}

void UsageRecorder::sessionEnded(SessionEnding ending, std::string_view lastScreen, domain::WallClock::time_point at) {
  if (!startedAt_) return;
  nlohmann::json event = {{"type", "session_ended"},
                          {"length", lengthBucket(std::chrono::duration_cast<std::chrono::seconds>(at - *startedAt_))},
                          {"ending", endingName(ending)}};
  if (ending != SessionEnding::Finished) event["given_up_at"] = lastScreen;
  startedAt_.reset();
  record(std::move(event), at);
}

void UsageRecorder::languageChosen(const std::string& code, domain::WallClock::time_point at) {
  if (inSession()) record({{"type", "language_chosen"}, {"language", code}}, at);
}

void UsageRecorder::textSizeChosen(int percent, domain::WallClock::time_point at) {
  if (inSession()) record({{"type", "text_size_chosen"}, {"text_size", percent}}, at);
}

void UsageRecorder::aidUsed(Aid aid, domain::WallClock::time_point at) {
  if (inSession() && aidsUsed_.insert(aid).second) record({{"type", "aid_used"}, {"aid", aidName(aid)}}, at);
}

void UsageRecorder::stepReached(std::string_view screen, std::optional<std::string_view> flow, domain::WallClock::time_point at) {
  if (!inSession()) return;
  nlohmann::json event = {{"type", "step_reached"}, {"step", screen}};
  if (flow) event["flow"] = *flow;
  record(std::move(event), at);
}

void UsageRecorder::errandCompleted(std::string_view flow, bool assisted, domain::WallClock::time_point at) {
  if (inSession()) record({{"type", "errand_completed"}, {"flow", flow}, {"assisted", assisted}}, at);
}

void UsageRecorder::helpRequested(domain::HelpReason reason, domain::WallClock::time_point at) {
  if (inSession()) record({{"type", "help_requested"}, {"reason", api::helpReasonName(reason)}}, at);
}

}  // namespace kiosk::app
