#include "kiosk/app/frame_driver.h"

#include <thread>

namespace kiosk::app {

constexpr Clock::duration kFrame = std::chrono::microseconds(16667);

void FrameDriver::frame() {
  now_ += kFrame;
  if (app_.waitingOnNetwork()) {  // the network keeps real time: do not run ahead of it
    const auto real = Clock::now();
    if (now_ > real) std::this_thread::sleep_for(now_ - real);
    now_ = std::max(now_, Clock::now());
  }
  app_.frame(now_);
  window_.present();
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
