#pragma once
// Frames for a kiosk on the demo jobcenter as fast as the machine allows, on the test's own clock
// (a frame is 1/60 s of it; advance() jumps it), where before every frame each request the kiosk
// sent and each card it printed has its answer in. So a run replays exactly — the same frames see
// the same world — and waits only while an answer is on its way (milliseconds on loopback), not
// at the network's pace for every frame as the --script driver does (frame_driver.h).

#include <chrono>
#include <string>

#include "demo_jobcenter.h"

class AnsweredDriver {
 public:
  using Clock = kiosk::app::Clock;

  explicit AnsweredDriver(DemoJobcenter& kiosk) : kiosk_(kiosk), app_(kiosk.app()), window_(kiosk.window()), now_(Clock::now()) {}

  void push(const kiosk::platform::InputEvent& event) { app_.push(event, now_); }
  void advance(Clock::duration by) { now_ += by; }

  void frame() {
    waitForAnswers();
    now_ += std::chrono::microseconds(16667);
    app_.frame(now_);
    window_.present();
    ++frames_;
  }
  // Frames until the app needs none (a tap's press and release each take one), at most maxFrames.
  void settle(int maxFrames = 8) {
    frame();
    for (int i = 1; i < maxFrames && app_.needsFrame(); ++i) frame();
  }

  // A finger's tap on the widget with this key, scrolled into view first as a citizen would.
  // False when the screen shows no such widget, or it cannot be used.
  bool tap(const std::string& key) {
    const auto* node = app_.tree().find(key);
    if (!node || !node->enabled) return false;
    if (node->visibleRect.w <= 0) {
      app_.requestScrollTo(key);
      settle();
      node = app_.tree().find(key);
      if (!node || node->visibleRect.w <= 0) return false;
    }
    const auto at = node->visibleRect.center();
    push(kiosk::platform::PointerDown{at.x, at.y});
    push(kiosk::platform::PointerUp{at.x, at.y});
    settle();
    return true;
  }
  void type(const std::string& text) {
    push(kiosk::platform::TextTyped{text});
    settle();
  }
  void press(kiosk::platform::Key key) {
    push(kiosk::platform::KeyChange{key, true});
    push(kiosk::platform::KeyChange{key, false});
    settle();
  }
  // Frames (answers are in before each) until the screen is shown or a widget with the key is,
  // at most `frames` of them.
  bool waitFor(kiosk::screens::ScreenId screen, int frames = 600) {
    for (int i = 0; i < frames && app_.currentScreen() != screen; ++i) frame();
    settle();
    return app_.currentScreen() == screen;
  }
  bool waitForKey(const std::string& key, int frames = 600) {
    for (int i = 0; i < frames && !app_.tree().find(key); ++i) frame();
    return app_.tree().find(key) != nullptr;
  }

  Clock::time_point now() const { return now_; }
  long frames() const { return frames_; }
  // Set when the booking system or the printer did not answer within 20 s (the run should stop).
  const std::string& stuck() const { return stuck_; }
  // Real time spent waiting for answers: milliseconds a request on loopback, far more when the
  // kiosk backs off before trying again (a 429 from a limit counted in real minutes).
  std::chrono::steady_clock::duration waited() const { return waited_; }

 private:
  void waitForAnswers() {
    const auto started = std::chrono::steady_clock::now();
    const auto giveUp = started + std::chrono::seconds(20);
    while (kiosk_.client().unanswered() > 0 || kiosk_.printer().sending()) {
      if (std::chrono::steady_clock::now() > giveUp) {
        stuck_ = "the booking system or the printer did not answer within 20 s";
        break;
      }
      window_.waitEvents(5);
    }
    waited_ += std::chrono::steady_clock::now() - started;
  }

  DemoJobcenter& kiosk_;
  kiosk::app::KioskApp& app_;
  kiosk::platform::Window& window_;
  Clock::time_point now_;
  long frames_ = 0;
  std::chrono::steady_clock::duration waited_{};
  std::string stuck_;
};
