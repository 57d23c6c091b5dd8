#pragma once
// Times of day as the jobcenter's settings write them ("08:00"), in minutes after midnight. Apart
// from the opening hours (which need ICU's calendar) so the settings decoder, and its fuzz
// target, need only this.

#include <optional>
#include <string>

namespace kiosk::domain {

// "08:00" -> 480; nullopt unless HH:MM with HH 00-23 and MM 00-59.
std::optional<int> parseClockTime(const std::string& text);
std::string clockTime(int minutes);  // 480 -> "08:00"

}  // namespace kiosk::domain
