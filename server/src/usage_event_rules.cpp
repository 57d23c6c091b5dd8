#include "usage_event_rules.h"

#include <map>
#include <set>

#include "input_rules.h"

namespace jobcenter {
namespace {

using json = nlohmann::json;

bool isOneOf(const json& value, const std::set<std::string>& allowed) {
  return value.is_string() && allowed.contains(value.get<std::string>());
}

// A screen's name as the kiosk reports it: "book-topics", "check-in".
bool isScreenName(const json& value) {
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  return !s.empty() && s.size() <= 64 && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.-") == std::string::npos;
}

// The fields an event type may carry besides type and hour, and those it must.
struct Shape {
  std::set<std::string> may;
  std::set<std::string> must;
};

const std::map<std::string, Shape>& shapes() {
  static const std::map<std::string, Shape> byType = {
      {"session_started", {{}, {}}},
      {"session_ended", {{"length", "ending", "given_up_at"}, {"length", "ending"}}},
      {"language_chosen", {{"language"}, {"language"}}},
      {"text_size_chosen", {{"text_size"}, {"text_size"}}},
      {"aid_used", {{"aid"}, {"aid"}}},
      {"step_reached", {{"step", "flow"}, {"step"}}},
      {"errand_completed", {{"flow", "assisted"}, {"flow", "assisted"}}},
      {"help_requested", {{"reason"}, {"reason"}}},
  };
  return byType;
}

std::optional<std::string> refuseValue(const std::string& field, const json& value) {
  if (field == "flow" && !isOneOf(value, {"check_in", "book", "move", "cancel", "activities", "joblog", "plan"})) {
    return "flow is not a known errand";
  }
  if (field == "language" && !isLanguageTag(value)) return "language must be a language tag";
  if ((field == "step" || field == "given_up_at") && !isScreenName(value)) return field + " must be a screen's name";
  if (field == "assisted" && !value.is_boolean()) return "assisted must be true or false";
  if (field == "length" && !isOneOf(value, {"under_1_min", "1_to_3_min", "3_to_10_min", "over_10_min"})) {
    return "length must be under_1_min, 1_to_3_min, 3_to_10_min or over_10_min";
  }
  if (field == "ending" && !isOneOf(value, {"finished", "timed_out", "started_over"})) {
    return "ending must be finished, timed_out or started_over";
  }
  if (field == "text_size") {
    const auto percent = boundedInteger(value, 100, 200);
    if (!percent || *percent % 25 != 0) return "text_size must be 100 to 200 per cent in steps of 25";
  }
  if (field == "aid" && !isOneOf(value, {"speech", "high_contrast", "low_reach"})) return "aid must be speech, high_contrast or low_reach";
  if (field == "reason" && !isOneOf(value, {"interpreter", "cannot_read", "physical_help", "other", "too_late_to_change"})) {
    return "reason is not a known reason for help";
  }
  return std::nullopt;
}

}  // namespace

bool isWholeHour(const json& value) {
  if (!isDateTime(value)) return false;
  const std::string& s = value.get_ref<const std::string&>();
  // The shape is checked: minutes and seconds at 13..18, then directly the offset (no fraction).
  return s.compare(13, 6, ":00:00") == 0 && (s[19] == 'Z' || s[19] == '+' || s[19] == '-');
}

std::optional<std::string> refuseUsageEvent(const json& e) {
  if (!e.is_object()) return "each event must be an object";
  const json type = e.value("type", json());
  if (!type.is_string() || !shapes().contains(type.get<std::string>())) return "type is not a known event";
  const std::string& name = type.get_ref<const std::string&>();
  const Shape& shape = shapes().at(name);
  for (const auto& [key, value] : e.items()) {
    if (key == "type" || key == "hour") continue;
    if (!shape.may.contains(key)) return "unknown field \"" + key + "\" for a " + name + " event (events carry nothing about the citizen)";
    if (const auto why = refuseValue(key, value)) return why;
  }
  for (const auto& field : shape.must) {
    if (!e.contains(field)) return "a " + name + " event needs " + field;
  }
  if (name == "session_ended" && (e["ending"] == "finished") == e.contains("given_up_at")) {
    return "given_up_at says where a session that timed out or was started over ended, and only then";
  }
  // Only the hour: an exact time would let anyone who saw the citizen at the kiosk find their session.
  if (!isWholeHour(e.value("hour", json()))) return "hour must be an RFC 3339 date-time on the hour (minutes and seconds 00)";
  return std::nullopt;
}

}  // namespace jobcenter
