#pragma once
// Runs frames for the non-interactive modes on a virtual clock, so scripted runs are fast and
// repeatable: each frame advances time by one 60 Hz frame.

#include <optional>
#include <string>

#include "kiosk/app/frame_stats.h"
#include "kiosk/app/kiosk_app.h"

namespace kiosk::app {

class FrameDriver {
 public:
  FrameDriver(KioskApp& app, platform::Window& window, Clock::time_point start) : app_(app), window_(window), now_(start) {}

  void frame();
  // Frames until the app needs none (input handled, screen settled); at most maxFrames.
  void settle(int maxFrames = 30);
  // Renders one more frame and reads it back before showing it (after a swap the back buffer is
  // undefined). False on the headless window.
  bool capture(platform::Image& out);
  void advance(Clock::duration d) { now_ += d; }
  void push(const platform::InputEvent& event);
  Clock::time_point now() const { return now_; }

  // Measuring (scripts/bench): each frame from now on is added to stats, with this label.
  void record(FrameStats* stats) { stats_ = stats; }
  void setLabel(std::string label) { label_ = std::move(label); }

 private:
  KioskApp& app_;
  platform::Window& window_;
  Clock::time_point now_;
  Clock::time_point lastRealFrame_ = Clock::now();
  FrameStats* stats_ = nullptr;
  std::string label_;
  std::optional<Clock::time_point> inputArrived_;  // real time of the oldest input not yet answered
};

}  // namespace kiosk::app
