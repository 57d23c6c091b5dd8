#pragma once
// Runs a scripted session (--script): taps by key, typing, waiting for screens, expectations and
// screenshots, through the same input path a finger uses. Stops at the first failing step.

#include <filesystem>
#include <string>

#include "kiosk/app/frame_stats.h"
#include "kiosk/app/kiosk_app.h"

namespace kiosk::app {

struct ScriptResult {
  bool ok = true;
  std::string message;  // on failure: which step, what was expected, what the screen showed
};

// stats: when given, every frame of the run is measured into it (--frame-stats).
ScriptResult runScript(KioskApp& app, platform::Window& window, const std::filesystem::path& file, FrameStats* stats = nullptr);

}  // namespace kiosk::app
