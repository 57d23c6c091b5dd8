// What drawing a frame costs each renderer, by hand (figures in docs/performance.md, "Software
// renderer"): the CPU time of the window's render() and present() only — building the frame
// (layout, text) is the same for both and measured by kiosk_bench.
//
// usage: renderer_bench gl|software|headless [frames]
//   gl        SDL2 window, ImGui's GL renderer (under Xvfb: Mesa llvmpipe)
//   software  SDL2 window, the software renderer presenting into the window's surface
//   headless  the software renderer alone, no window (what a headless screenshot's frame costs)
// Scenarios, at 100 % and 200 % text:
//   menu, every pixel changed   the contrast flips every frame: every tile is drawn again
//   attract, greeting changes   4 s pass per frame: the next language's greeting
//   menu, nothing changed       an idle frame identical to the last
// GL draws every frame whole whatever changed; its time includes glFinish, so the CPU time of
// llvmpipe's threads is counted for the frame that asked for it.

#include <GL/gl.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"
#include "platform/software_renderer.h"

namespace {

using namespace kiosk;

double cpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Times render() and present() of the window it wraps.
class TimedWindow final : public platform::Window {
 public:
  // software: a renderer of the bench's own, drawing every frame for a window that draws none.
  TimedWindow(std::unique_ptr<platform::Window> inner, bool gl, std::unique_ptr<platform::SoftwareRenderer> software = nullptr)
      : inner_(std::move(inner)), software_(std::move(software)), gl_(gl) {}
  std::vector<platform::InputEvent> waitEvents(int timeoutMs) override { return inner_->waitEvents(timeoutMs); }
  void wake() override { inner_->wake(); }
  platform::Size size() const override { return inner_->size(); }
  void reloadFonts() override {
    if (software_) software_->reloadFonts();
    inner_->reloadFonts();
  }
  void releaseRenderer() override { inner_->releaseRenderer(); }
  void render(ImDrawData* data, uint32_t clearRgb) override {
    const double start = cpuMs();
    inner_->render(data, clearRgb);
    if (software_) software_->render(data, inner_->size(), clearRgb);
    if (gl_) glFinish();
    pending_ = cpuMs() - start;
  }
  bool capture(platform::Image& out) override { return inner_->capture(out); }
  void present() override {
    const double start = cpuMs();
    inner_->present();
    if (gl_) glFinish();
    frames.push_back(pending_ + cpuMs() - start);
  }
  std::string rendererName() const override { return software_ ? "software, no window" : inner_->rendererName(); }
  std::vector<double> frames;

 private:
  std::unique_ptr<platform::Window> inner_;
  std::unique_ptr<platform::SoftwareRenderer> software_;
  bool gl_;
  double pending_ = 0;
};

std::string figures(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  char text[96];
  std::snprintf(text, sizeof text, "%.2f | %.2f", ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  const int frames = argc > 2 ? std::max(10, std::atoi(argv[2])) : 120;
  std::unique_ptr<platform::Window> inner;
  if (mode == "headless") {
    inner = platform::createHeadlessWindow({1920, 1080});
  } else if (mode == "gl" || mode == "software") {
    platform::WindowOptions options;
    options.windowed = true;
    options.renderer = mode == "gl" ? platform::Renderer::Gl : platform::Renderer::Software;
    auto opened = platform::createSdl2Window(options);
    if (!opened) {
      std::fprintf(stderr, "renderer_bench: %s\n", opened.failure().detail.c_str());
      return 1;
    }
    inner = std::move(*opened);
  } else {
    std::fprintf(stderr, "usage: renderer_bench gl|software|headless [frames]\n");
    return 2;
  }
  const auto catalogs = i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  TimedWindow window(std::move(inner), mode == "gl", mode == "headless" ? std::make_unique<platform::SoftwareRenderer>() : nullptr);
  app::KioskApp kiosk(window, catalogs, app::AppOptions{}, app::Clock::now());
  app::FrameDriver driver(kiosk, window, app::Clock::now());
  std::printf("renderer: %s, %d frames each, CPU ms of render + present (median | 99th percentile)\n\n", window.rendererName().c_str(), frames);
  std::printf("| scenario | text size | median ms | p99 ms |\n|---|---|---|---|\n");
  for (const int size : {100, 200}) {
    kiosk.setTextSize(size);
    auto run = [&](const char* scenario, screens::ScreenId screen, auto&& between) {
      kiosk.setContrast(ui::Contrast::Normal);
      kiosk.showScreen(screen);
      driver.settle();
      window.frames.clear();
      for (int i = 0; i < frames; ++i) {
        between(i);
        driver.frame();
      }
      std::printf("| %s | %d %% | %s |\n", scenario, size, figures(window.frames).c_str());
    };
    run("menu, every pixel changed", screens::ScreenId::MainMenu,
        [&](int i) { kiosk.setContrast(i % 2 ? ui::Contrast::High : ui::Contrast::Normal); });
    run("attract, greeting changes", screens::ScreenId::Attract, [&](int) { driver.advance(std::chrono::seconds(4)); });
    run("menu, nothing changed", screens::ScreenId::MainMenu, [&](int) {});
  }
  return 0;
}
