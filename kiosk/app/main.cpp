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
#include "kiosk/app/script_runner.h"
#include "kiosk/app/service_setup.h"
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
  switch (cli.backend) {
    case app::Backend::Sdl2: return platform::createSdl2Window(options);
    case app::Backend::Glfw: return platform::createGlfwWindow(options);
    case app::Backend::Headless: return platform::createHeadlessWindow({cli.width, cli.height});
  }
  return failure("no such window backend");
}

void runInteractive(app::KioskApp& kiosk, platform::Window& window) {
  using app::Clock;
  constexpr int kLongestSleepMs = 60'000;
  while (!kiosk.quitRequested()) {
    int timeoutMs = -1;  // nothing to do: sleep until a touch arrives
    std::optional<Clock::time_point> wake;
    if (kiosk.needsFrame()) {
      timeoutMs = 0;
    } else if ((wake = kiosk.nextWakeup())) {
      const auto wait = std::chrono::ceil<std::chrono::milliseconds>(*wake - Clock::now()).count();
      timeoutMs = static_cast<int>(std::clamp<long long>(wait, 0, kLongestSleepMs));
    }
    const auto before = Clock::now();
    const auto events = window.waitEvents(timeoutMs);
    for (const auto& event : events) kiosk.push(event, Clock::now());
    // Slept the longest sleep with nothing arriving and the wake-up still ahead (the closed
    // screen waiting for opening time): no frame, so the display shows the same still image.
    const bool sleptThrough = timeoutMs == kLongestSleepMs && events.empty() && Clock::now() - before >= std::chrono::milliseconds(timeoutMs);
    if (sleptThrough && wake && Clock::now() < *wake) continue;
    kiosk.frame(Clock::now());
    window.present();
  }
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
  bool outOfOrder = false;
  const bool inService = !cli->demo && (cli->configFile || !(cli->screenshot || cli->dumpUi || cli->script));
  if (inService) {
    const auto file = cli->configFile.value_or(config::kDefaultConfigFile);
    auto started = app::startInService(file, catalogs->languages(), options, [&window] { window->wake(); });
    if (!started) {
      std::istringstream lines(started.failure().detail);
      for (std::string line; std::getline(lines, line);) std::cerr << "kiosk: out of order: " << line << "\n";
      outOfOrder = true;
    } else {
      client = std::move(started->client);
      usageClient = std::move(started->usageClient);
      if (printerTarget.empty()) printerTarget = started->printer;
      std::cerr << "kiosk: in service: " << started->summary << "\n";
    }
  }

  options.allowQuit = cli->windowed;  // a developer's window closes; a kiosk in service does not
  // Interactive runs follow the opening hours; screenshots and scripts show what they ask for.
  options.followOpeningHours = !cli->screenshot && !cli->dumpUi && !cli->script;
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
    const auto result = app::runScript(kiosk, *window, *cli->script);
    (result.ok ? std::cout : std::cerr) << "kiosk: script " << (result.ok ? "passed: " : "failed at ") << result.message << "\n";
    return result.ok ? 0 : 1;
  }
  runInteractive(kiosk, *window);
  kiosk.attachSpeech(nullptr);
  speech.reset();  // before the window: its SDL_Quit also ends SDL's audio
  kiosk.attachClient(nullptr);  // log out before the demo server goes
  return kiosk.restartRequested() ? app::kRestartExitCode : 0;
}
