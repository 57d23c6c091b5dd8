// The headless window: an ImGui context with no display and no GL. Frames are built exactly as on
// screen (layout, text, accessibility tree); pixels are drawn only when asked, by the software
// renderer, the same pixels it draws into a window.

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "platform/software_renderer.h"
#include "platform/window.h"

namespace kiosk::platform {
namespace {

class HeadlessWindow final : public Window {
 public:
  HeadlessWindow(Size size, bool drawsPixels) : size_(size) {
    if (drawsPixels) software_ = std::make_unique<SoftwareRenderer>();
  }

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
  void reloadFonts() override {
    if (software_) software_->reloadFonts();
  }
  void releaseRenderer() override {}
  // Nobody sees a headless frame until it is captured, so it is drawn only then: a scripted
  // run pays for the pixels of its screenshots and no others. ImGui's draw data stays valid
  // until the next frame begins, and capture() comes before that.
  void render(ImDrawData* data, uint32_t clearRgb) override {
    lastFrame_ = data;
    lastClear_ = clearRgb;
  }
  bool capture(Image& out) override {
    if (!software_ || !lastFrame_) return false;
    software_->render(lastFrame_, size_, lastClear_);
    software_->capture(out);
    return true;
  }
  void present() override {}
  std::string rendererName() const override { return software_ ? "software" : "none (no pixels)"; }

 private:
  Size size_;
  std::unique_ptr<SoftwareRenderer> software_;
  ImDrawData* lastFrame_ = nullptr;
  uint32_t lastClear_ = 0;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool woken_ = false;
};

}  // namespace

std::unique_ptr<Window> createHeadlessWindow(Size size, bool drawsPixels) { return std::make_unique<HeadlessWindow>(size, drawsPixels); }

}  // namespace kiosk::platform
