#pragma once
// The kiosk's command line. Every mode shares the same app; the options only choose the window
// and what to do with the frames.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/result.h"
#include "platform/window.h"

namespace kiosk::app {

enum class Backend { Sdl2, Glfw, Headless };

struct CliOptions {
  Backend backend = Backend::Sdl2;
  bool backendGiven = false;
  // --renderer gl|software|auto. Auto: the software renderer where GL would run on the CPU anyway,
  // and for screenshots (the same pixels, no display needed).
  platform::Renderer renderer = platform::Renderer::Auto;
  bool windowed = false;
  int width = 1920, height = 1080;  // windowed and headless size
  std::filesystem::path dataDir;    // holds i18n/
  std::string screen;               // --screen NAME: start on this screen
  std::string language;             // --lang CODE
  int textSize = 100;               // --text-size 100|150|200
  bool highContrast = false;
  std::optional<std::filesystem::path> screenshot;
  std::optional<std::filesystem::path> dumpUi;
  std::optional<std::filesystem::path> script;
  std::optional<std::filesystem::path> frameStats;  // --frame-stats FILE.json, with --script
  std::string printer;  // --printer TARGET; empty: no receipt printer at this kiosk
  // --metrics-file FILE.prom: the health as Prometheus text; wins over the configuration's.
  std::optional<std::filesystem::path> metricsFile;
  bool demo = false;  // start the reference server in-process and use it (the built-in demo jobcenter)
  // --config FILE: the kiosk's configuration (kiosk/config). Without it an interactive kiosk
  // that is not the demo reads the default file; --screenshot, --dump-ui and --script run
  // without a booking system unless one is named.
  std::optional<std::filesystem::path> configFile;
  std::optional<std::filesystem::path> checkConfig;  // --check-config FILE: check it, print the problems, exit
  bool hashAdminPin = false;                         // --hash-admin-pin: a PIN on stdin -> its hash on stdout
  bool help = false;
};

// Parses argv; on a bad argument returns nullopt and sets error to a sentence for the operator.
// A failure says what is wrong and what is expected, in one sentence for the command line.
Result<CliOptions> parseCli(const std::vector<std::string>& args);
std::string usage();

}  // namespace kiosk::app
