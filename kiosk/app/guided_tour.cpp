#include "kiosk/app/guided_tour.h"

#include <algorithm>
#include <fstream>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

constexpr auto kCaptionAtLeast = 3s;     // a caption stays up this long even without speech
constexpr auto kAfterSpeech = 600ms;     // a breath between narration and the next move
constexpr auto kFingerTravel = 900ms;    // the finger moves to the button this slowly
constexpr auto kFingerDown = 150ms;      // and rests on it like a real tap
constexpr auto kAfterTap = 500ms;
constexpr auto kButtonAtMost = 5s;       // a button that does not appear ends the tour
constexpr int kScreenAtMostMs = 15000;   // and so does a screen

bool knownStep(const nlohmann::json& step) {
  if (!step.is_object() || step.size() < 1) return false;
  for (const char* verb : {"say", "tap", "type"}) {
    if (step.contains(verb)) return step[verb].is_string();
  }
  if (step.contains("wait_for")) return step["wait_for"].is_string() && screens::screenFromName(step["wait_for"].get<std::string>());
  if (step.contains("wait_ms")) return step["wait_ms"].is_number_integer();
  return false;
}

std::string withLanguage(std::string key, const std::string& language) {
  if (const auto at = key.find("LANG"); at != std::string::npos) key.replace(at, 4, language);
  return key;
}

float eased(float t) { return t * t * (3 - 2 * t); }  // smoothstep: starts and ends gently

}  // namespace

Result<void> GuidedTour::load(const std::filesystem::path& file) {
  steps_.clear();
  std::ifstream in(file);
  if (!in) return failure(file.string() + ": cannot be opened");
  const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("steps") || !doc["steps"].is_array() || doc["steps"].empty()) {
    return failure(file.string() + ": expected {\"steps\": [...]}");
  }
  for (const auto& step : doc["steps"]) {
    if (!knownStep(step)) return failure(file.string() + ": unknown step " + step.dump());
  }
  steps_.assign(doc["steps"].begin(), doc["steps"].end());
  return {};
}

void GuidedTour::start(std::string language, bool spoken, Clock::time_point now) {
  if (steps_.empty()) return;
  running_ = true;
  spoken_ = spoken;
  language_ = std::move(language);
  index_ = 0;
  caption_.clear();
  finger_.reset();
  fingerDown_ = false;
  stepSince_ = now;
  stepBegun_ = false;
  tapPhase_ = 0;
}

void GuidedTour::advance(Clock::time_point now) {
  ++index_;
  stepSince_ = now;
  stepBegun_ = false;
  tapPhase_ = 0;
}

GuidedTour::Action GuidedTour::next(const ui::AccessTree& tree, screens::ScreenId screen, bool speaking, Clock::time_point now) {
  if (!running_) return {};
  if (index_ >= steps_.size()) {
    running_ = false;
    caption_.clear();
    finger_.reset();
    return Finished{};
  }
  const nlohmann::json& step = steps_[index_];
  const auto elapsed = now - stepSince_;
  auto give_up = [&]() -> Action {
    running_ = false;
    return Finished{};
  };

  if (step.contains("say")) {
    if (!stepBegun_) {
      stepBegun_ = true;
      caption_ = step["say"].get<std::string>();
      return Say{caption_};
    }
    if (spoken_ && speaking) stepSince_ = std::min(stepSince_, now - kCaptionAtLeast + kAfterSpeech);
    if (elapsed >= kCaptionAtLeast && !(spoken_ && speaking)) advance(now);
    return {};
  }
  if (step.contains("type")) {
    advance(now);
    return Touch{platform::TextTyped{step["type"].get<std::string>()}};
  }
  if (step.contains("wait_ms")) {
    if (elapsed >= std::chrono::milliseconds(step["wait_ms"].get<int>())) advance(now);
    return {};
  }
  if (step.contains("wait_for")) {
    if (screen == *screens::screenFromName(step["wait_for"].get<std::string>())) advance(now);
    else if (elapsed > std::chrono::milliseconds(step.value("timeout_ms", kScreenAtMostMs))) return give_up();
    return {};
  }
  // tap: find the button, move the finger to it, press, lift.
  if (tapPhase_ == 0) {
    const std::string key = withLanguage(step["tap"].get<std::string>(), language_);
    const ui::AccessNode* node = tree.find(key);
    if (!node || !node->enabled || node->visibleRect.w <= 0) {
      if (elapsed > kButtonAtMost) return give_up();
      if (node && node->enabled) return Reveal{key};
      return {};
    }
    if (!stepBegun_) {
      stepBegun_ = true;
      stepSince_ = now;
      from_ = finger_.value_or(ui::Vec2{node->visibleRect.center().x, node->visibleRect.bottom() + 200});
      to_ = node->visibleRect.center();
    }
    const float t = std::min(1.f, std::chrono::duration<float>(now - stepSince_) / std::chrono::duration<float>(kFingerTravel));
    const float e = eased(t);
    finger_ = ui::Vec2{from_.x + (to_.x - from_.x) * e, from_.y + (to_.y - from_.y) * e};
    if (t < 1) return {};
    tapPhase_ = 1;
    stepSince_ = now;
    fingerDown_ = true;
    return Touch{platform::PointerDown{to_.x, to_.y, platform::PointerKind::Touch}};
  }
  if (tapPhase_ == 1) {
    if (elapsed < kFingerDown) return {};
    tapPhase_ = 2;
    stepSince_ = now;
    fingerDown_ = false;
    return Touch{platform::PointerUp{to_.x, to_.y, platform::PointerKind::Touch}};
  }
  if (elapsed >= kAfterTap) advance(now);
  return {};
}

}  // namespace kiosk::app
