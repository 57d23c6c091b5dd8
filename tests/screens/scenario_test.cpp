// Whole sessions through the same input path a finger uses: taps, drags, waiting, idling.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>

#include "headless_kiosk.h"
#include "kiosk/app/script_runner.h"

using kiosk::screens::ScreenId;
namespace platform = kiosk::platform;

TEST_CASE("the kiosk starts on the attract screen in Danish") {
  HeadlessKiosk k;
  CHECK(k.app.currentScreen() == ScreenId::Attract);
  CHECK(k.app.preferences().language == "da");
  CHECK(k.node("attract.touch_to_start").text == "Tryk her for at starte");
}

TEST_CASE("attract, then Arabic: the menu is in Arabic and mirrored") {
  HeadlessKiosk k;
  k.tap("attract.touch_to_start");
  REQUIRE(k.app.currentScreen() == ScreenId::ChooseLanguage);
  k.tap("language.ar");
  REQUIRE(k.app.currentScreen() == ScreenId::MainMenu);
  CHECK(k.node("menu.title").text == k.catalogs.text("ar", "menu.title"));
  CHECK(k.node("menu.book").text == k.catalogs.text("ar", "menu.book"));
  // First tile (check in) on the right, last in the row (move/cancel) on the left.
  CHECK(k.node("menu.check_in").rect.x > k.node("menu.move_cancel").rect.x);
  // The bar starts at the right too: language rightmost, start over leftmost.
  CHECK(k.node("bar.language").rect.x > k.node("bar.start_over").rect.x);
  // The heading hugs the right edge.
  CHECK(k.node("menu.title").rect.right() > 1800);
}

TEST_CASE("touching anywhere on the attract screen starts") {
  HeadlessKiosk k;
  k.driver.push(platform::PointerDown{200, 150});
  k.driver.push(platform::PointerUp{200, 150});
  k.driver.settle();
  CHECK(k.app.currentScreen() == ScreenId::ChooseLanguage);
}

TEST_CASE("the text size button cycles 100, 150, 200 and back") {
  HeadlessKiosk k;
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  k.tap("bar.text_size");
  CHECK(k.app.preferences().textSizePercent == 150);
  k.tap("bar.text_size");
  CHECK(k.app.preferences().textSizePercent == 200);
  k.tap("bar.text_size");
  CHECK(k.app.preferences().textSizePercent == 100);
}

TEST_CASE("contrast toggles, and the bar shows it as selected") {
  HeadlessKiosk k;
  k.tap("bar.contrast");
  CHECK(k.app.preferences().contrast == kiosk::ui::Contrast::High);
  CHECK(k.node("bar.contrast").selected);
  k.tap("bar.contrast");
  CHECK(k.app.preferences().contrast == kiosk::ui::Contrast::Normal);
}

TEST_CASE("without a speech service, read aloud is shown but cannot be used") {
  HeadlessKiosk k;
  CHECK_FALSE(k.node("bar.read_aloud").enabled);
  k.tap("bar.read_aloud");
  CHECK(k.app.currentScreen() == ScreenId::Attract);
}

TEST_CASE("a service not offered here sends the citizen to the desk, and back returns to the menu") {
  HeadlessKiosk k;
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  k.tap("menu.book");
  REQUIRE(k.app.currentScreen() == ScreenId::ServiceUnavailable);
  CHECK(k.node("unavailable.body").text == "Gå hen til skranken. Så hjælper vi dig.");
  k.tap("common.back");
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);
}

TEST_CASE("help from staff is one tap away from every screen") {
  HeadlessKiosk k;
  for (const ScreenId screen : {ScreenId::Attract, ScreenId::ChooseLanguage, ScreenId::MainMenu, ScreenId::ServiceUnavailable}) {
    k.app.showScreen(screen);
    k.driver.settle();
    k.tap("bar.help");
    CHECK(k.app.currentScreen() == ScreenId::StaffHelp);
    k.tap("common.back");
    CHECK(k.app.currentScreen() == screen);
  }
}

TEST_CASE("start over forgets language, text size and contrast") {
  HeadlessKiosk k;
  k.tap("attract.touch_to_start");
  k.tap("language.uk");
  k.tap("bar.text_size");
  k.tap("bar.contrast");
  REQUIRE(k.app.preferences().language == "uk");
  k.tap("bar.start_over");
  CHECK(k.app.currentScreen() == ScreenId::Attract);
  CHECK(k.app.preferences().language == "da");
  CHECK(k.app.preferences().textSizePercent == 100);
  CHECK(k.app.preferences().contrast == kiosk::ui::Contrast::Normal);
}

TEST_CASE("after two minutes without a touch the kiosk starts over by itself") {
  HeadlessKiosk k;
  k.tap("attract.touch_to_start");
  k.tap("language.fa");
  REQUIRE(k.app.currentScreen() == ScreenId::MainMenu);
  k.driver.advance(std::chrono::seconds(119));
  k.driver.settle();
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);
  k.driver.advance(std::chrono::seconds(2));
  k.driver.settle();
  CHECK(k.app.currentScreen() == ScreenId::Attract);
  CHECK(k.app.preferences().language == "da");
}

TEST_CASE("a drag that starts on a tile is not a tap") {
  HeadlessKiosk k;
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  const auto at = k.node("menu.book").rect.center();
  k.driver.push(platform::PointerDown{at.x, at.y});
  k.driver.frame();
  for (int i = 1; i <= 10; ++i) {
    k.driver.push(platform::PointerMove{at.x + static_cast<float>(i) * 12, at.y});
    k.driver.frame();
  }
  k.driver.push(platform::PointerUp{at.x + 120, at.y});
  k.driver.settle();
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);
}

TEST_CASE("at 200 % the menu scrolls by dragging, and the drag taps nothing") {
  HeadlessKiosk k;
  k.app.setTextSize(200);
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  const float before = k.node("menu.plan").rect.y;
  const auto start = k.node("menu.book").visibleRect.center();
  k.driver.push(platform::PointerDown{start.x, start.y});
  k.driver.frame();
  for (int i = 1; i <= 20; ++i) {
    k.driver.push(platform::PointerMove{start.x, start.y - static_cast<float>(i) * 15});
    k.driver.frame();
  }
  k.driver.push(platform::PointerUp{start.x, start.y - 300});
  k.driver.settle();
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);
  CHECK(k.node("menu.plan").rect.y < before - 200);
}

TEST_CASE("a storm of random touches never breaks the kiosk") {
  HeadlessKiosk k;
  std::mt19937 random(20261122);
  std::uniform_real_distribution<float> x(0, 1920), y(0, 1080);
  std::uniform_int_distribution<int> kind(0, 3);
  for (int i = 0; i < 1500; ++i) {
    switch (kind(random)) {
      case 0: k.driver.push(platform::PointerDown{x(random), y(random)}); break;
      case 1: k.driver.push(platform::PointerUp{x(random), y(random)}); break;
      case 2: k.driver.push(platform::PointerMove{x(random), y(random)}); break;
      default: k.driver.frame(); break;
    }
  }
  k.driver.push(platform::PointerUp{0, 0});
  k.driver.settle(5000);  // every queued press and release gets its frame
  REQUIRE_FALSE(k.app.needsFrame());
  // Still a working kiosk: start over and walk to the menu.
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  k.tap("bar.start_over");
  REQUIRE(k.app.currentScreen() == ScreenId::Attract);
  k.tap("attract.touch_to_start");
  k.tap("language.da");
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);
}

TEST_CASE("scripted runs report the failing step with what the screen showed") {
  HeadlessKiosk k;
  const auto script = std::filesystem::temp_directory_path() / "kiosk-failing-script.json";
  std::ofstream(script) << R"({"steps": [{"tap": "attract.touch_to_start"}, {"tap": "menu.book"}]})";
  const auto result = kiosk::app::runScript(k.app, *k.window, script);
  CHECK_FALSE(result.ok);
  CHECK_THAT(result.message, Catch::Contains("step 2") && Catch::Contains("language.ar"));
  std::filesystem::remove(script);
}

TEST_CASE("a scripted drag scrolls like a finger, and a measured run records every frame, the touch that led to it and its stretches") {
  HeadlessKiosk k;
  k.app.setTextSize(200);
  k.app.showScreen(ScreenId::MainMenu);
  k.driver.settle();
  kiosk::app::FrameStats stats;
  auto run = [&](const char* steps) {
    const auto script = std::filesystem::temp_directory_path() / "kiosk-measured-script.json";
    std::ofstream(script) << steps;
    const auto result = kiosk::app::runScript(k.app, *k.window, script, &stats);
    std::filesystem::remove(script);
    return result.ok;
  };
  const float before = k.node("menu.plan").rect.y;
  REQUIRE(run(R"({"steps": [{"drag": {"at": [0.5, 0.5]}, "by": [0, -0.3], "ms": 500}]})"));
  CHECK(k.app.currentScreen() == ScreenId::MainMenu);  // the drag tapped no tile on its way
  CHECK(k.node("menu.plan").rect.y < before - 200);
  REQUIRE(run(R"({"steps": [{"measure": "to the language screen", "steps": [{"tap": "bar.language"}]}]})"));
  CHECK(k.app.currentScreen() == ScreenId::ChooseLanguage);

  const auto& frames = stats.frames();
  const auto drags = std::count_if(frames.begin(), frames.end(), [](const auto& f) { return f.label == "drag" && f.screen == "menu"; });
  CHECK(drags >= 30);  // 500 ms at 60 Hz, a move per frame
  CHECK(std::all_of(frames.begin(), frames.end(), [](const auto& f) { return f.cpuMs >= 0 && f.wallMs >= 0 && f.textSize == 200; }));
  // Every frame after input says how long the input waited for it; frames with none say nothing.
  const auto answered = std::count_if(frames.begin(), frames.end(), [](const auto& f) { return f.inputToPresentMs.has_value(); });
  CHECK(answered >= drags);
  CHECK(answered < static_cast<long>(frames.size()));
  REQUIRE(stats.stretches().size() == 1);
  CHECK(stats.stretches()[0].label == "to the language screen");
  CHECK(stats.stretches()[0].wallMs > 0);
}
