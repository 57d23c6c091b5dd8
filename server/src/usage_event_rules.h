#pragma once
// What an anonymous usage event may say (POST /kiosk/events). Anonymous by construction: each
// event type has its own few fields, each field only a value from a closed list or a screen's
// name, and the time only to the hour. Anything else is refused, so nothing that could identify
// a citizen (a CPR number, a name, a booking code, typed text, an exact time) can be stored as
// "anonymous".

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace jobcenter {

// Why the event is refused, or nothing when it is a valid usage event.
std::optional<std::string> refuseUsageEvent(const nlohmann::json& event);

// "2026-11-23T09:00:00+01:00": an RFC 3339 date-time whose minutes and seconds are zero.
bool isWholeHour(const nlohmann::json& value);

}  // namespace jobcenter
