#include "kiosk/app/cli_options.h"

#include <charconv>

namespace kiosk::app {
namespace {

bool parseInt(const std::string& s, int& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

std::string usage() {
  return R"(Usage: kiosk [options]

Runs the jobcenter self-service kiosk (full screen unless --windowed).

  --backend sdl2|glfw|headless  windowing backend (default sdl2; headless for --dump-ui, --script
                                and --screenshot)
  --renderer gl|software|auto   who draws: OpenGL, or the kiosk's own software renderer (no GPU,
                                no GL); auto (default) uses software where GL would only run on
                                the CPU (no GPU render node, LIBGL_ALWAYS_SOFTWARE, or llvmpipe)
  --windowed                    a normal window instead of covering the display
  --size WxH                    window size with --windowed, and the headless display size
  --data-dir DIR                folder holding i18n/ (default: the source tree or installed data)
  --screen NAME                 start on this screen (attract, language, menu, help, check-in, ...)
  --lang CODE                   language (da, en, ar, fa, uk, so, tr, pl, ti, ro)
  --text-size 100|150|200       text size in percent
  --contrast normal|high        colour theme
  --screenshot FILE.png         render the screen and exit: headless with the software renderer,
                                or with --renderer gl in a GL window (needs a display, e.g. Xvfb)
  --dump-ui FILE.json           write the accessibility tree of the screen and exit (no display)
  --script STEPS.json           run scripted steps and exit non-zero at the first failure
  --frame-stats FILE.json       with --script: write what each frame cost (scripts/bench)
  --demo                        run the built-in demo jobcenter: the reference booking server
                                in-process on loopback, over real HTTPS
  --printer TARGET              the receipt printer (ESC/POS): a device (/dev/usb/lp0), a CUPS
                                queue (cups:QUEUE) or a file (file:/path, for tests)
  --metrics-file FILE.prom      write the kiosk's health as Prometheus text there every 15 s
                                (interactive runs; in service the configuration's metricsFile)
  --config FILE                 the kiosk's configuration (default /etc/jobcenter-kiosk/kiosk.json
                                when running in service: not --demo, --screenshot, --dump-ui, --script)
  --check-config FILE           check a configuration file, print every problem, exit non-zero if any
  --hash-admin-pin              read the admin PIN (6-12 digits) on standard input, print its hash
                                for the configuration's adminPinHash
  --help                        this text
)";
}

namespace {

std::optional<CliOptions> parse(const std::vector<std::string>& args, std::string& error) {
  CliOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--demo") {
      o.demo = true;
    } else if (a == "--hash-admin-pin") {
      o.hashAdminPin = true;
    } else if (a == "--config") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.configFile = *v;
    } else if (a == "--check-config") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.checkConfig = *v;
    } else if (a == "--windowed") {
      o.windowed = true;
    } else if (a == "--backend") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (*v == "sdl2") o.backend = Backend::Sdl2;
      else if (*v == "glfw") o.backend = Backend::Glfw;
      else if (*v == "headless") o.backend = Backend::Headless;
      else return error = "--backend must be sdl2, glfw or headless", std::nullopt;
      o.backendGiven = true;
    } else if (a == "--renderer") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (*v == "gl") o.renderer = platform::Renderer::Gl;
      else if (*v == "software") o.renderer = platform::Renderer::Software;
      else if (*v == "auto") o.renderer = platform::Renderer::Auto;
      else return error = "--renderer must be gl, software or auto", std::nullopt;
    } else if (a == "--size") {
      const auto v = value();
      if (!v) return std::nullopt;
      const auto x = v->find('x');
      if (x == std::string::npos || !parseInt(v->substr(0, x), o.width) || !parseInt(v->substr(x + 1), o.height) ||
          o.width < 320 || o.height < 240) {
        return error = "--size must look like 1920x1080", std::nullopt;
      }
    } else if (a == "--printer") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.printer = *v;
    } else if (a == "--metrics-file") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.metricsFile = *v;
    } else if (a == "--data-dir") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.dataDir = *v;
    } else if (a == "--screen") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.screen = *v;
    } else if (a == "--lang") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.language = *v;
    } else if (a == "--text-size") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (!parseInt(*v, o.textSize) || (o.textSize != 100 && o.textSize != 150 && o.textSize != 200)) {
        return error = "--text-size must be 100, 150 or 200", std::nullopt;
      }
    } else if (a == "--contrast") {
      const auto v = value();
      if (!v) return std::nullopt;
      if (*v != "normal" && *v != "high") return error = "--contrast must be normal or high", std::nullopt;
      o.highContrast = *v == "high";
    } else if (a == "--screenshot") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.screenshot = *v;
    } else if (a == "--dump-ui") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.dumpUi = *v;
    } else if (a == "--script") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.script = *v;
    } else if (a == "--frame-stats") {
      const auto v = value();
      if (!v) return std::nullopt;
      o.frameStats = *v;
    } else {
      error = "unknown option " + a + " (see --help)";
      return std::nullopt;
    }
  }
  if (o.demo && o.configFile) {
    error = "--demo runs its own jobcenter: leave out --config";
    return std::nullopt;
  }
  if (o.frameStats && !o.script) {
    error = "--frame-stats measures a scripted run: give --script too";
    return std::nullopt;
  }
  const bool gl = o.renderer == platform::Renderer::Gl;
  // A screenshot is the software renderer's pixels, which need no display; only GL needs a window.
  if ((o.dumpUi || o.script || (o.screenshot && !gl)) && !o.backendGiven) o.backend = Backend::Headless;
  if (o.screenshot && o.backend == Backend::Headless && gl) {
    error = "--screenshot with --renderer gl needs a GL window: use --backend sdl2 or glfw (under Xvfb without a display)";
    return std::nullopt;
  }
  if (o.backend == Backend::Glfw && o.renderer == platform::Renderer::Software) {
    error = "the GLFW backend draws with OpenGL only: use --backend sdl2 or headless for --renderer software";
    return std::nullopt;
  }
  if (o.screenshot) o.windowed = true;
  return o;
}

}  // namespace

Result<CliOptions> parseCli(const std::vector<std::string>& args) {
  std::string error;
  auto options = parse(args, error);
  if (!options) return failure(error);
  return std::move(*options);
}

}  // namespace kiosk::app
