// The kiosk program: parses the command line, loads the catalogs, opens the chosen window and
// runs one of the modes (interactive, --screenshot, --dump-ui, --script) on the same app.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/app/access_json.h"
#include "kiosk/app/cli_options.h"
#include "kiosk/app/demo_citizens.h"
#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/metrics_file.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/service_notify.h"
#include "kiosk/app/service_setup.h"
#include "kiosk/app/watchdog.h"
#include "kiosk/services/admin_pin.h"
#include "platform/audio.h"
#include "platform/null_audio.h"
#include "platform/png_writer.h"
#include "reference_server.h"

namespace {

using namespace kiosk;

std::filesystem::path defaultDataDir(const std::filesystem::path& exe) {
  // Installed: /usr/share/jobcenter-kiosk; in the build tree: the source checkout. Either holds
  // the catalogs (i18n/) and what else the kiosk ships (assets/).
  for (const auto& candidate : {exe.parent_path() / "../share/jobcenter-kiosk", std::filesystem::path(KIOSK_SOURCE_DATA_DIR)}) {
    if (std::filesystem::exists(candidate / "i18n" / "languages.json") && std::filesystem::is_directory(candidate / "assets")) {
      return candidate;
    }
  }
  return KIOSK_SOURCE_DATA_DIR;
}

Result<std::unique_ptr<platform::Window>> openWindow(const app::CliOptions& cli) {
  platform::WindowOptions options;
  options.windowed = cli.windowed;
  options.size = {cli.width, cli.height};
  // Screenshots and scripted runs need the exact size; a developer's window should fit the screen.
  options.shrinkToFit = cli.windowed && !cli.screenshot && !cli.script;
  options.renderer = cli.renderer;
  switch (cli.backend) {
    case app::Backend::Sdl2: return platform::createSdl2Window(options);
    case app::Backend::Glfw: return platform::createGlfwWindow(options);
    case app::Backend::Headless: {
      // Pixels only where something may look at them: a screenshot, or a script's screenshots.
      const bool pixels = cli.renderer != platform::Renderer::Gl && (cli.screenshot || cli.script);
      return platform::createHeadlessWindow({cli.width, cli.height}, pixels);
    }
  }
  return failure("no such window backend");
}

// The health as Prometheus text, every 15 s: the figures are read on the UI thread (they are
// its state), the file is written on MetricsFile's own thread.
struct MetricsSchedule {
  static constexpr std::chrono::seconds kEvery{15};
  std::unique_ptr<app::MetricsFile> file;
  std::function<app::KioskMetrics()> snapshot;
  app::Clock::time_point next{};

  std::optional<app::Clock::time_point> due() const { return file ? std::optional(next) : std::nullopt; }
  void publishIfDue(app::Clock::time_point now) {
    if (!file || now < next) return;
    file->publish(app::prometheusText(snapshot()));
    next = now + kEvery;
  }
};

std::optional<app::Clock::time_point> earliest(std::optional<app::Clock::time_point> a, std::optional<app::Clock::time_point> b) {
  if (a && b) return std::min(*a, *b);
  return a ? a : b;
}

// Returns false when the display was lost (the compositor ended).
bool runInteractive(app::KioskApp& kiosk, platform::Window& window, app::Watchdog& watchdog, MetricsSchedule& metrics) {
  using app::Clock;
  constexpr int kLongestSleepMs = 60'000;
  while (!kiosk.quitRequested()) {
    metrics.publishIfDue(Clock::now());
    int timeoutMs = -1;  // nothing to do: sleep until a touch arrives
    // Under systemd's watchdog a frame is due at least every third of its interval.
    const auto wake = earliest(earliest(kiosk.nextWakeup(), watchdog.frameDue()), metrics.due());
    if (kiosk.needsFrame()) {
      timeoutMs = 0;
    } else if (wake) {
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*wake - Clock::now()).count();
      timeoutMs = static_cast<int>(std::clamp<long long>(wait, 0, kLongestSleepMs));
    }
    const auto before = Clock::now();
    const auto events = window.waitEvents(timeoutMs);
    for (const auto& event : events) {
      if (std::holds_alternative<platform::DisplayLost>(event)) {
        std::cerr << "kiosk: the display is gone (the compositor ended); quitting\n";
        watchdog.stopping();
        return false;
      }
      kiosk.push(event, Clock::now());
    }
    // Slept the longest sleep with nothing arriving and the wake-up still ahead (the closed
    // screen waiting for opening time): no frame, so the display shows the same still image.
    const bool sleptThrough = timeoutMs == kLongestSleepMs && events.empty() && Clock::now() - before >= std::chrono::milliseconds(timeoutMs);
    if (sleptThrough && wake && Clock::now() < *wake) continue;
    kiosk.frame(Clock::now());
    window.present();
    watchdog.ready();
    watchdog.frameDrawn(Clock::now());
  }
  watchdog.stopping();
  return true;
}

// The demo's admin PIN (documented in docs/operator.md); hashed at start-up, before any frame.
constexpr const char* kDemoAdminPin = "246810";

}  // namespace

int main(int argc, char** argv) {
  const auto cli = app::parseCli(std::vector<std::string>(argv + 1, argv + argc));
  if (!cli) {
    std::cerr << "kiosk: " << cli.failure().detail << "\n";
    return 2;
  }
  if (cli->help) {
    std::cout << app::usage();
    return 0;
  }
  if (cli->hashAdminPin) return app::hashAdminPinCommand(std::cin, std::cout, std::cerr);
  // In service (a configuration file, or none of the one-shot modes): citizens' data will pass
  // through this process's memory. Before any of it does, freed memory is set to be overwritten
  // and nobody else may read the process (service_setup.h).
  const bool inService = !cli->demo && !cli->checkConfig && (cli->configFile || !(cli->screenshot || cli->dumpUi || cli->script));
  if (inService) {
    app::clearFreedMemory(argv);
    app::protectMemory();
  }

  const auto dataDir = cli->dataDir.empty() ? defaultDataDir(std::filesystem::absolute(argv[0])) : cli->dataDir;
  if (cli->checkConfig) {
    const auto languages = i18n::loadLanguages(dataDir / "i18n" / "languages.json");
    if (!languages) {
      std::cerr << "kiosk: " << languages.failure().detail << "\n";
      return 3;
    }
    return app::checkConfigCommand(*cli->checkConfig, *languages, std::cout);
  }
  auto catalogs = i18n::Catalogs::load(dataDir / "i18n");
  if (!catalogs) {
    std::cerr << "kiosk: the text catalogs cannot be used: " << catalogs.failure().detail << "\n";
    return 3;
  }

  auto opened = openWindow(*cli);
  if (!opened) {
    std::cerr << "kiosk: " << opened.failure().detail << "\n";
    return 4;
  }
  std::unique_ptr<platform::Window> window = std::move(*opened);
  if (cli->backend != app::Backend::Headless) std::cerr << "kiosk: drawing with " << window->rendererName() << "\n";

  // The demo jobcenter: the reference server in this process, on a free loopback port, reached
  // over real HTTPS with its certificate pinned — the same path as production.
  std::unique_ptr<jobcenter::ReferenceServer> demoServer;
  std::unique_ptr<api::HttpClient> client;
  std::unique_ptr<api::HttpClient> usageClient;  // usage figures sent elsewhere than to the booking system
  app::AppOptions options;
  if (cli->demo) {
    demoServer = std::make_unique<jobcenter::ReferenceServer>(jobcenter::ServerOptions{});
    if (const auto started = demoServer->start(); !started) {
      std::cerr << "kiosk: the demo jobcenter could not start: " << started.failure().detail << "\n";
      return 4;
    }
    api::ClientConfig config;
    config.baseUrl = demoServer->baseUrl();
    config.kioskId = "demo-kiosk";
    config.tls.caPem = demoServer->identity().caPem();
    config.tls.pins = {demoServer->identity().publicKeyPin()};
    client = std::make_unique<api::HttpClient>(config, [&window] { window->wake(); });
    // Asked of the server like everything else, before the UI exists: no frame waits on it.
    auto demoCitizens = app::fetchDemoCitizens(*client);
    if (!demoCitizens) {
      std::cerr << "kiosk: " << demoCitizens.failure().detail << "\n";
      return 4;
    }
    options.demoCitizens = std::move(*demoCitizens);
    options.jobcenterName = "Jobcenter Havnestad";  // until its /kiosk/config has answered
    options.kioskId = config.kioskId;
    options.placeName = "Demo";
    if (auto hash = services::hashAdminPin(kDemoAdminPin)) options.adminPinHash = std::move(*hash);
    else std::cerr << "kiosk: admin mode is off: the demo PIN could not be hashed: " << hash.failure().detail << "\n";
    // "Show me how" logs in as a demo citizen, so it is offered on the demo jobcenter; there it
    // also plays by itself on an idle attract screen, as a shop-window film would.
    options.tourFile = dataDir / "assets" / "tour" / "self_booking.json";
    options.tourOnAttractAfter = std::chrono::seconds(90);
    options.heartbeatEvery = std::chrono::seconds(0);  // the demo jobcenter watches no kiosks: as before
    std::cout << "kiosk: demo jobcenter at " << demoServer->baseUrl() << " (phone page: " << demoServer->baseUrl() << "/device)\n";
  }

  // In service: the configuration file. One that cannot be used puts the kiosk out of order
  // (said on screen to citizens, precisely in the log to IT) instead of a restart loop.
  std::string printerTarget = cli->printer;
  // The metrics file: --metrics-file, else in service the configuration's (also when it is
  // unusable: IT then sees out_of_order 1), else none.
  std::optional<std::filesystem::path> metricsFile = cli->metricsFile;
  bool outOfOrder = false;
  if (inService) {
    const auto file = cli->configFile.value_or(config::kDefaultConfigFile);
    auto started = app::startInService(file, catalogs->languages(), options, [&window] { window->wake(); });
    if (!started) {
      std::istringstream lines(started.failure().detail);
      for (std::string line; std::getline(lines, line);) std::cerr << "kiosk: out of order: " << line << "\n";
      outOfOrder = true;
      if (!metricsFile) metricsFile = config::kDefaultMetricsFile;
    } else {
      if (!metricsFile) metricsFile = started->metricsFile;
      client = std::move(started->client);
      usageClient = std::move(started->usageClient);
      if (printerTarget.empty()) printerTarget = started->printer;
      std::cerr << "kiosk: in service: " << started->summary << "\n";
    }
  }

  options.allowQuit = cli->windowed;  // a developer's window closes; a kiosk in service does not
  // Interactive runs follow the opening hours; screenshots and scripts show what they ask for.
  options.followOpeningHours = !cli->screenshot && !cli->dumpUi && !cli->script;
  if (options.followOpeningHours) options.systemClock = [](app::Clock::time_point) { return domain::WallClock::now(); };
  options.version = KIOSK_VERSION;
  app::KioskApp kiosk(*window, *catalogs, options, app::Clock::now());
  if (client) kiosk.attachClient(client.get());
  if (usageClient) kiosk.attachUsageClient(usageClient.get());
  std::unique_ptr<services::ReceiptPrinter> printer;
  if (!printerTarget.empty()) {
    const auto target = services::parsePrinterTarget(printerTarget);
    if (target.kind == services::PrinterTarget::Kind::Invalid) {
      std::cerr << "kiosk: --printer: " << target.whyInvalid << "\n";
      return 2;
    }
    auto fonts = services::CardFonts::load();
    if (!fonts) std::cerr << "kiosk: the appointment card prints in Danish only: " << fonts.failure().detail << "\n";
    printer = std::make_unique<services::ReceiptPrinter>(services::PrinterConfig{printerTarget}, [&window] { window->wake(); });
    kiosk.attachPrinter(printer.get(), fonts ? std::move(*fonts) : services::CardFonts{});
  }
  if (!cli->language.empty()) {
    if (!catalogs->languages().find(cli->language)) {
      std::cerr << "kiosk: no catalog for language \"" << cli->language << "\"\n";
      return 2;
    }
    kiosk.setLanguage(cli->language);
  }
  kiosk.setTextSize(cli->textSize);
  kiosk.setContrast(cli->highContrast ? ui::Contrast::High : ui::Contrast::Normal);
  if (!cli->screen.empty()) {
    const auto screen = screens::screenFromName(cli->screen);
    if (!screen) {
      std::cerr << "kiosk: no screen is called \"" << cli->screen << "\"\n";
      return 2;
    }
    kiosk.showScreen(*screen);
  }
  if (outOfOrder) kiosk.putOutOfOrder(app::Clock::now());

  // Read aloud: the real sound output in a window, a silent one for headless runs (the text is
  // still produced, so scripted runs and tests exercise the same path).
  std::unique_ptr<platform::AudioOutput> audio;
  if (cli->backend == app::Backend::Headless) {
    audio = std::make_unique<platform::NullAudioOutput>();
  } else {
    if (auto sound = platform::createSdl2AudioOutput()) audio = std::move(*sound);
    else std::cerr << "kiosk: no sound output, read aloud is off: " << sound.failure().detail << "\n";
  }
  services::SpeechConfig speechConfig;
  speechConfig.wakeUi = [&window] { window->wake(); };
  auto speech = std::make_unique<services::SpeechService>(std::move(audio), dataDir, catalogs->languages(), speechConfig);
  kiosk.attachSpeech(speech.get());

  app::FrameDriver driver(kiosk, *window, app::Clock::now());
  if (cli->dumpUi || cli->screenshot) {
    driver.settle();
    if (cli->dumpUi) {
      std::ofstream out(*cli->dumpUi);
      out << app::dumpUi(kiosk, window->size()).dump(2) << '\n';
      if (!out) {
        std::cerr << "kiosk: could not write " << cli->dumpUi->string() << "\n";
        return 5;
      }
    }
    if (cli->screenshot) {
      platform::Image image;
      if (!driver.capture(image) || !platform::writePng(*cli->screenshot, image)) {
        std::cerr << "kiosk: could not capture or write " << cli->screenshot->string() << "\n";
        return 5;
      }
    }
    return 0;
  }
  if (cli->script) {
    app::FrameStats stats;
    const auto result = app::runScript(kiosk, *window, *cli->script, cli->frameStats ? &stats : nullptr);
    if (cli->frameStats && !stats.write(*cli->frameStats)) {
      std::cerr << "kiosk: could not write " << cli->frameStats->string() << "\n";
      return 5;
    }
    (result.ok ? std::cout : std::cerr) << "kiosk: script " << (result.ok ? "passed: " : "failed at ") << result.message << "\n";
    return result.ok ? 0 : 1;
  }
  // systemd hears READY=1 after the first frame, then WATCHDOG=1 while frames are drawn and the
  // network worker answers (docs/operator-guide.md, "The session").
  const auto notifier = app::ServiceNotifier::fromEnvironment();
  app::Watchdog watchdog(notifier, [&client] { return !client || client->checkAlive(); });
  MetricsSchedule metrics;
  if (metricsFile && !metricsFile->empty()) {
    metrics.file = std::make_unique<app::MetricsFile>(*metricsFile);
    const auto started = app::Clock::now();
    metrics.snapshot = [&, started] {
      app::KioskMetrics m;
      m.version = KIOSK_VERSION;
      m.kioskId = options.kioskId;
      m.uptime = std::chrono::duration_cast<std::chrono::seconds>(app::Clock::now() - started);
      m.outOfOrder = kiosk.outOfOrder();
      if (client) m.lastApiSuccess = client->lastSuccess();
      m.clientCertificateExpires = options.clientCertificateExpires;
      m.printer = kiosk.printerHealth();
      m.sessionsToday = kiosk.sessionsOn(domain::copenhagenDate(std::chrono::system_clock::now()));
      m.incidents = kiosk.incidents().totals();
      return m;
    };
  }
  const bool displayKept = runInteractive(kiosk, *window, watchdog, metrics);
  kiosk.attachSpeech(nullptr);
  speech.reset();  // before the window: its SDL_Quit also ends SDL's audio
  kiosk.attachClient(nullptr);  // log out before the demo server goes
  if (!displayKept) return 4;
  return kiosk.restartRequested() ? app::kRestartExitCode : 0;
}
