#include "kiosk/app/frame_driver.h"

#include <thread>

namespace kiosk::app {

constexpr Clock::duration kFrame = std::chrono::microseconds(16667);

void FrameDriver::frame() {
  // While the network is being waited on, a frame takes at least a real frame's time: the
  // network keeps real time, so the virtual clock must not race ahead of it. It never has to
  // catch up with time skipped by wait_ms before, though: that only moved the app's timers.
  if (app_.waitingInRealTime()) {
    const auto since = Clock::now() - lastRealFrame_;
    if (since < kFrame) std::this_thread::sleep_for(kFrame - since);
    now_ += std::max<Clock::duration>(kFrame, Clock::now() - lastRealFrame_);
  } else {
    now_ += kFrame;
  }
  lastRealFrame_ = Clock::now();
  const auto cpuBefore = stats_ ? processCpuTime() : std::chrono::nanoseconds{};
  app_.frame(now_);
  window_.present();
  if (!stats_) return;
  using Ms = std::chrono::duration<double, std::milli>;
  const auto presented = Clock::now();
  FrameSample sample{std::string(screens::screenName(app_.drawnScreen())), label_, app_.preferences().textSizePercent,
                     Ms(processCpuTime() - cpuBefore).count(), Ms(presented - lastRealFrame_).count(), std::nullopt, presented};
  if (inputArrived_) sample.inputToPresentMs = Ms(presented - *inputArrived_).count();
  inputArrived_.reset();
  stats_->add(std::move(sample));
}

void FrameDriver::push(const platform::InputEvent& event) {
  if (stats_ && !inputArrived_) inputArrived_ = Clock::now();
  app_.push(event, now_);
}

bool FrameDriver::capture(platform::Image& out) {
  now_ += kFrame;
  app_.frame(now_);
  const bool ok = window_.capture(out);
  window_.present();
  return ok;
}

void FrameDriver::settle(int maxFrames) {
  frame();
  for (int i = 1; i < maxFrames && app_.needsFrame(); ++i) frame();
}

}  // namespace kiosk::app
