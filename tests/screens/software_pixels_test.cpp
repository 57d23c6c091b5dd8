// The software renderer against ImGui's GL renderer, pixel by pixel, on every screen of the screen
// matrix (tests/screens/screen_matrix_test.cpp), in every language, at each text size. Needs a GL
// display: CTest runs it under xvfb-run (Mesa llvmpipe).
//
// Both renderers draw the very same draw data: a window of two halves hands each frame to GL and
// to the software renderer, so nothing (a clock, an animation) can differ but the drawing. The
// software renderer draws every frame of the walk with damage tracking on, so the comparison
// also checks that redrawing only the changed tiles leaves the right picture.
//
// The tolerance: a pixel "differs" when a channel is off by more than kLevels. Rasterizers round
// differently where an edge crosses a pixel (coverage of anti-aliased fringes, 8-bit filter
// weights), so differing pixels are allowed only at edges — where GL's own picture changes by
// more than kEdgeContrast within the pixel's 3x3 neighbourhood — and at most kEdgeShare of all
// pixels. A difference on flat colour fails at once: that is a wrong fill, blend or clip.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/screens/screen.h"
#include "kiosk/ui/theme.h"
#include "platform/png_writer.h"
#include "platform/software_renderer.h"

using namespace kiosk;
using screens::ScreenId;

namespace {

constexpr int kLevels = 2;             // of 255, per channel
constexpr int kEdgeContrast = 24;      // GL's largest channel range in the 3x3 neighbourhood
constexpr double kEdgeShare = 0.0005;  // of all pixels (0.05 %: 1036 of 1920x1080)

// GL draws and is read back; the software renderer draws the same frames alongside.
class TwinWindow final : public platform::Window {
 public:
  explicit TwinWindow(std::unique_ptr<platform::Window> gl) : gl_(std::move(gl)) {}
  std::vector<platform::InputEvent> waitEvents(int timeoutMs) override { return gl_->waitEvents(timeoutMs); }
  void wake() override { gl_->wake(); }
  platform::Size size() const override { return gl_->size(); }
  void reloadFonts() override {
    software_.reloadFonts(/*releaseImGuiCopy=*/false);  // GL's upload frees ImGui's copy next
    gl_->reloadFonts();
  }
  void releaseRenderer() override { gl_->releaseRenderer(); }
  void render(ImDrawData* data, uint32_t clearRgb) override {
    gl_->render(data, clearRgb);
    software_.render(data, gl_->size(), clearRgb);
  }
  bool capture(platform::Image& out) override { return gl_->capture(out); }
  void present() override { gl_->present(); }
  std::string rendererName() const override { return "gl and software"; }
  const platform::SoftwareRenderer& software() const { return software_; }

 private:
  std::unique_ptr<platform::Window> gl_;
  platform::SoftwareRenderer software_;
};

struct Comparison {
  int flatDiffers = 0, edgeDiffers = 0, total = 0;
  int firstFlatX = -1, firstFlatY = -1;
};

Comparison compare(const platform::Image& gl, const platform::Image& software) {
  Comparison c;
  c.total = gl.width * gl.height;
  auto px = [](const platform::Image& image, int x, int y, int ch) {
    return static_cast<int>(image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)) * 4 + static_cast<size_t>(ch)]);
  };
  for (int y = 0; y < gl.height; ++y) {
    for (int x = 0; x < gl.width; ++x) {
      int worst = 0;
      for (int ch = 0; ch < 3; ++ch) worst = std::max(worst, std::abs(px(gl, x, y, ch) - px(software, x, y, ch)));
      if (worst <= kLevels) continue;
      int contrast = 0;
      for (int ch = 0; ch < 3; ++ch) {
        int lo = 255, hi = 0;
        for (int dy = -1; dy <= 1; ++dy) {
          for (int dx = -1; dx <= 1; ++dx) {
            const int v = px(gl, std::clamp(x + dx, 0, gl.width - 1), std::clamp(y + dy, 0, gl.height - 1), ch);
            lo = std::min(lo, v), hi = std::max(hi, v);
          }
        }
        contrast = std::max(contrast, hi - lo);
      }
      if (contrast > kEdgeContrast) {
        ++c.edgeDiffers;
      } else if (c.flatDiffers++ == 0) {
        c.firstFlatX = x, c.firstFlatY = y;
      }
    }
  }
  return c;
}

struct PixelKiosk {
  explicit PixelKiosk(std::unique_ptr<platform::Window> gl)
      : catalogs(i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value()),
        window(std::make_unique<TwinWindow>(std::move(gl))),
        app(*window, catalogs, app::AppOptions{}, app::Clock::now()),
        driver(app, *window, app::Clock::now()) {
    driver.settle();
  }
  i18n::Catalogs catalogs;
  std::unique_ptr<TwinWindow> window;
  app::KioskApp app;
  app::FrameDriver driver;
};

std::unique_ptr<platform::Window> openGlWindow() {
  platform::WindowOptions options;
  options.windowed = true;
  options.renderer = platform::Renderer::Gl;
  auto window = platform::createSdl2Window(options);
  if (!window) FAIL("no GL window (run under xvfb-run): " << window.failure().detail);
  return std::move(*window);
}

// Every screen in every language at one text size and contrast; KIOSK_PIXEL_DIFFS=DIR keeps the
// pictures of any screen that fails, to look at.
void compareEveryScreen(int textSize, ui::Contrast contrast, const std::vector<std::string>& languages) {
  PixelKiosk k(openGlWindow());
  std::ostringstream failures;
  int compared = 0, worstEdges = 0;
  for (const auto& language : k.catalogs.languages().languages) {
    if (!languages.empty() && std::find(languages.begin(), languages.end(), language.code) == languages.end()) continue;
    k.app.setLanguage(language.code);
    k.app.setTextSize(textSize);
    k.app.setContrast(contrast);
    for (const ScreenId screen : screens::allScreens()) {
      k.app.showScreen(screen);
      k.driver.settle();
      platform::Image gl, software;
      REQUIRE(k.driver.capture(gl));
      k.window->software().capture(software);
      REQUIRE(gl.width == software.width);
      const Comparison c = compare(gl, software);
      ++compared;
      worstEdges = std::max(worstEdges, c.edgeDiffers);
      const bool ok = c.flatDiffers == 0 && c.edgeDiffers <= kEdgeShare * c.total;
      if (ok) continue;
      const std::string name = std::string(screens::screenName(screen)) + "-" + language.code + "-" + std::to_string(textSize);
      failures << name << ": " << c.flatDiffers << " pixels differ on flat colour (first at " << c.firstFlatX << "," << c.firstFlatY << "), "
               << c.edgeDiffers << " at edges\n";
      if (const char* dir = std::getenv("KIOSK_PIXEL_DIFFS")) {
        platform::writePng(std::filesystem::path(dir) / (name + "-gl.png"), gl);
        platform::writePng(std::filesystem::path(dir) / (name + "-software.png"), software);
      }
    }
  }
  INFO(failures.str());
  CHECK(failures.str().empty());
  CHECK(compared > 0);
  WARN(compared << " screens compared; the most pixels differing at edges on one screen: " << worstEdges);
}

std::vector<std::string> languagesFromEnvironment() {
  std::vector<std::string> codes;
  if (const char* list = std::getenv("KIOSK_PIXEL_LANGUAGES")) {
    std::istringstream in(list);
    for (std::string code; std::getline(in, code, ',');) codes.push_back(code);
  }
  return codes;
}

}  // namespace

// CI: the three scripts (Latin, Arabic right to left, Cyrillic) at each size, and high contrast.
// The full matrix (every language) by hand: KIOSK_PIXEL_LANGUAGES unset and the [.full] tests.
TEST_CASE("the software renderer draws every screen like GL at 100 % text in Danish Arabic and Ukrainian") {
  compareEveryScreen(100, ui::Contrast::Normal, {"da", "ar", "uk"});
}
TEST_CASE("the software renderer draws every screen like GL at 200 % text in Danish Arabic and Ukrainian") {
  compareEveryScreen(200, ui::Contrast::Normal, {"da", "ar", "uk"});
}
TEST_CASE("the software renderer draws every screen like GL in high contrast at 150 % text in Danish") {
  compareEveryScreen(150, ui::Contrast::High, {"da"});
}
TEST_CASE("the software renderer draws every screen like GL in every language at every text size", "[.full]") {
  for (const int size : ui::kTextSizes) compareEveryScreen(size, ui::Contrast::Normal, languagesFromEnvironment());
}
