#pragma once
// "Show me how": a guided demonstration of self-booking, the kiosk's equivalent of Jobnet's
// how-to film. It is played in the kiosk itself, on the demo jobcenter, by the step vocabulary of
// scripted runs (tap, type, wait_for, wait_ms) plus "say" — a narration key shown as a caption
// and spoken. A finger is drawn moving to each button before it is tapped, so the citizen sees
// where to press; the taps go through the same input path as a real finger.
//
// Unlike a scripted run, the tour never blocks: the app asks it once per frame what to do next,
// at the real pace of a watcher. The demo stops at the confirm screen, before "Book": a tour
// books nothing. Any touch by the citizen ends it.
//
// The steps come from <data-dir>/assets/tour/self_booking.json; "language.LANG" in a step stands
// for the language on screen when the tour started.

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/result.h"
#include "kiosk/screens/screen.h"
#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/geometry.h"
#include "platform/input_event.h"

namespace kiosk::app {

class GuidedTour {
 public:
  using Clock = std::chrono::steady_clock;

  // Fails when the file is missing or not a list of known steps, and says which.
  Result<void> load(const std::filesystem::path& file);
  bool available() const { return !steps_.empty(); }

  void start(std::string language, bool spoken, Clock::time_point now);
  void stop() { running_ = false; }
  bool running() const { return running_; }
  bool spoken() const { return spoken_; }

  // What the app does this frame for the tour.
  struct Say { std::string key; };               // show this caption, and speak it when spoken()
  struct Touch { platform::InputEvent event; };  // feed this to the app as a finger would
  struct Reveal { std::string key; };            // scroll this button into view
  struct Finished {};                            // the tour has ended (or could not go on)
  using Action = std::variant<std::monostate, Say, Touch, Reveal, Finished>;

  // Called once per frame after drawing; speaking: the narration is still being heard.
  Action next(const ui::AccessTree& tree, screens::ScreenId screen, bool speaking, Clock::time_point now);

  // For drawing: the caption key on show and where the demonstrating finger is.
  const std::string& caption() const { return caption_; }
  std::optional<ui::Vec2> finger() const { return finger_; }
  bool fingerDown() const { return fingerDown_; }
  ui::Vec2 fingerTarget() const { return to_; }  // where it is going (or last pressed)

 private:
  std::vector<nlohmann::json> steps_;
  bool running_ = false;
  bool spoken_ = false;
  std::string language_;
  size_t index_ = 0;
  Clock::time_point stepSince_;
  bool stepBegun_ = false;
  std::string caption_;
  std::optional<ui::Vec2> finger_;
  ui::Vec2 from_{}, to_{};
  bool fingerDown_ = false;
  int tapPhase_ = 0;  // 0 moving, 1 down, 2 up sent

  void advance(Clock::time_point now);
};

}  // namespace kiosk::app
