// The headless window: an ImGui context with no display and no GL. Frames are built exactly as on
// screen (layout, text, accessibility tree); only the pixels are never drawn.

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "platform/window.h"

namespace kiosk::platform {
namespace {

class HeadlessWindow final : public Window {
 public:
  explicit HeadlessWindow(Size size) : size_(size) {}

  std::vector<InputEvent> waitEvents(int timeoutMs) override {
    std::unique_lock lock(mutex_);
    auto woken = [this] { return woken_; };
    if (timeoutMs < 0) wakeup_.wait(lock, woken);
    else wakeup_.wait_for(lock, std::chrono::milliseconds(timeoutMs), woken);
    woken_ = false;
    return {};
  }

  void wake() override {
    {
      std::lock_guard lock(mutex_);
      woken_ = true;
    }
    wakeup_.notify_one();
  }

  Size size() const override { return size_; }
  void reloadFonts() override {}
  void releaseRenderer() override {}
  void render(ImDrawData*, uint32_t) override {}
  bool capture(Image&) override { return false; }
  void present() override {}

 private:
  Size size_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool woken_ = false;
};

}  // namespace

std::unique_ptr<Window> createHeadlessWindow(Size size) { return std::make_unique<HeadlessWindow>(size); }

}  // namespace kiosk::platform
