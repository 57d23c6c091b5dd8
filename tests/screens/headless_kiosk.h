#pragma once
// A whole kiosk on the headless window, driven frame by frame on a virtual clock.

#include <filesystem>
#include <string>

#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/i18n/catalogs.h"

struct HeadlessKiosk {
  // drawsPixels: the software renderer draws what driver.capture() reads back.
  explicit HeadlessKiosk(bool drawsPixels = false)
      : catalogs(kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value()),
        window(kiosk::platform::createHeadlessWindow({1920, 1080}, drawsPixels)),
        app(*window, catalogs, kiosk::app::AppOptions{}, kiosk::app::Clock::now()),
        driver(app, *window, kiosk::app::Clock::now()) {
    driver.settle();
  }

  const kiosk::ui::AccessNode& node(const std::string& key) const {
    const auto* found = app.tree().find(key);
    if (!found) throw std::runtime_error("no \"" + key + "\" on screen " + std::string(kiosk::screens::screenName(app.currentScreen())));
    return *found;
  }

  void tap(const std::string& key) {
    const auto at = node(key).visibleRect.center();
    driver.push(kiosk::platform::PointerDown{at.x, at.y});
    driver.push(kiosk::platform::PointerUp{at.x, at.y});
    driver.settle();
  }

  kiosk::i18n::Catalogs catalogs;
  std::unique_ptr<kiosk::platform::Window> window;
  kiosk::app::KioskApp app;
  kiosk::app::FrameDriver driver;
};
