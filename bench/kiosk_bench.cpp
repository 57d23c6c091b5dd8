// Benchmarks, run by hand (figures go to docs/performance.md) and as a short smoke run in CI:
//  - font atlas build per language and text size (what a language or text-size change costs),
//  - one frame of each screen, headless (layout, text path, accessibility tree; no GL),
//  - a language switch: the frame that rebuilds fonts.
// usage: kiosk_bench [--quick]

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "kiosk/app/font_plan.h"
#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"

namespace {

using Clock = std::chrono::steady_clock;

template <typename Work>
double medianMs(int runs, Work&& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const int runs = quick ? 3 : 25;
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();

  std::printf("## Font atlas build (median of %d)\n\n| language | text size | atlas | build ms |\n|---|---|---|---|\n", runs);
  {
    ImGuiContext* context = ImGui::CreateContext();
    kiosk::ui::FontSet fonts;
    for (const char* language : {"da", "ar", "uk", "ti"}) {
      for (const int size : {100, 150, 200}) {
        const auto plan = kiosk::app::planFonts(catalogs, language, size, 1);
        kiosk::ui::FontAtlasBuilt built;
        const double ms = medianMs(runs, [&] {
          if (auto result = fonts.build(*ImGui::GetIO().Fonts, plan)) built = *result;
        });
        std::printf("| %s | %d %% | %d x %d | %.1f |\n", language, size, built.atlasWidth, built.atlasHeight, ms);
      }
    }
    ImGui::DestroyContext(context);
  }

  std::printf("\n## One frame, headless (median of %d frames)\n\n| screen | language | text size | frame ms |\n|---|---|---|---|\n", runs * 20);
  auto window = kiosk::platform::createHeadlessWindow({1920, 1080});
  kiosk::app::KioskApp app(*window, catalogs, kiosk::app::AppOptions{}, Clock::now());
  kiosk::app::FrameDriver driver(app, *window, Clock::now());
  for (const char* language : {"da", "ar"}) {
    for (const int size : {100, 200}) {
      app.setLanguage(language);
      app.setTextSize(size);
      for (const auto screen : kiosk::screens::allScreens()) {
        app.showScreen(screen);
        driver.settle();
        const double ms = medianMs(runs * 20, [&] { driver.frame(); });
        std::printf("| %s | %s | %d %% | %.3f |\n", std::string(kiosk::screens::screenName(screen)).c_str(), language, size, ms);
      }
    }
  }

  std::printf("\n## Switching language (fonts rebuilt, first frame drawn; median of %d)\n\n", runs);
  bool arabic = false;
  const double ms = medianMs(runs, [&] {
    arabic = !arabic;
    app.setLanguage(arabic ? "ar" : "da");
    driver.frame();
  });
  std::printf("da <-> ar at 200 %%: %.1f ms\n", ms);
  return 0;
}
