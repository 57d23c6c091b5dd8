#pragma once
// A whole kiosk on the demo jobcenter, the way `kiosk --demo` runs: the reference server
// in-process on loopback, the kiosk's HTTPS client with the server's certificate pinned, a
// headless window, and a receipt printer writing to a file. With KIOSK_FLOWS_SERVER=separate in
// the environment (the suite's second registration), the jobcenter is `jobcenter-sim` as its own
// process instead, reached the way a kiosk in service reaches it: through a configuration file
// (kiosk/config) with its pin and a client certificate the server requires. Steps are run by the --script driver
// (the same JSON), so a test reads like the scripted session it is; between scripts a test may
// change the world behind the kiosk's back (another citizen takes a time, the server goes away).

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>

#include "kiosk/api/http_client.h"
#include "kiosk/app/demo_citizens.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/script_runner.h"
#include "kiosk/app/service_setup.h"
#include "kiosk/config/kiosk_config.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/services/receipt_printer.h"
#include "kiosk/services/speech.h"
#include "platform/null_audio.h"
#include "database.h"
#include "reference_server.h"
#include "separate_jobcenter.h"
#include "server_arguments.h"
#include "../server/require_started.h"

// How the jobcenter runs: where jobcenter-sim runs (as the suite's registration says,
// KIOSK_FLOWS_SERVER, or always in a process of its own: a test that measures the kiosk's process
// alone), and whether the kiosk's clock runs ahead of the server's (the monkey, the soak: no
// minimum between login polls, no per-minute request limits, server_arguments.h).
struct JobcenterSetup {
  bool ownProcess = false;
  bool acceleratedClock = false;
  // Speech as ever (speech mode, its strip, cancels, headphones in and out, clips played into
  // the null sound output), but every text "synthesised" by tests/flows/silent_synthesizer.sh, a
  // WAV of silence, instead of espeak-ng: for runs where synthesis is most of the cost (the
  // monkey in CI).
  bool silentSynthesizer = false;
  // The sound output read aloud plays on; none: a silent one that records what it was given
  // (platform/null_audio.h, audio()).
  std::function<std::unique_ptr<kiosk::platform::AudioOutput>()> audio = {};
};

class DemoJobcenter {
 public:
  static jobcenter::Policy fastPolicy() {
    jobcenter::Policy policy;
    policy.devicePollSeconds = 1;  // the phone login answers within a second
    return policy;
  }

  // configure: changes to the kiosk's options before it starts (a tour file, a shorter timeout).
  explicit DemoJobcenter(jobcenter::Policy policy = fastPolicy(), const std::function<void(kiosk::app::AppOptions&)>& configure = {},
                         JobcenterSetup setup = {})
      : catalogs_(kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value()),
        window_(kiosk::platform::createHeadlessWindow({1920, 1080})) {
    kiosk::app::AppOptions appOptions;
    kiosk::api::ClientConfig config;
    if (setup.acceleratedClock) policy.devicePollSeconds = 0;
    if (separateServer() || setup.ownProcess) {
      config = startSeparateServer(policy, setup.acceleratedClock, appOptions);
    } else {
      jobcenter::ServerOptions options;
      options.policy = policy;
      if (setup.acceleratedClock) jobcenter::liftRateLimits(options);
      server_ = std::make_unique<jobcenter::ReferenceServer>(options);
      requireStarted(*server_);
      config.baseUrl = server_->baseUrl();
      config.kioskId = "flow-kiosk";
      config.tls.caPem = server_->identity().caPem();
      config.tls.pins = {server_->identity().publicKeyPin()};
    }
    config.retry.maxAttempts = 2;  // a dead server is reported within seconds
    client_ = std::make_unique<kiosk::api::HttpClient>(config, [this] { window_->wake(); });
    printed_ = std::filesystem::temp_directory_path() / ("flow-card-" + std::to_string(std::random_device{}()) + ".bin");
    printer_ = std::make_unique<kiosk::services::ReceiptPrinter>(kiosk::services::PrinterConfig{"file:" + printed_.string()},
                                                                 [this] { window_->wake(); });
    appOptions.jobcenterName = "Jobcenter Havnestad";
    // No heartbeat unless a test asks for one (health_flow_test.cpp): as `kiosk --demo`, and a
    // steps' timing that does not share the connection with it.
    appOptions.heartbeatEvery = std::chrono::seconds(0);
    if (configure) configure(appOptions);
    auto demoCitizens = kiosk::app::fetchDemoCitizens(*client_);  // as kiosk --demo asks for them
    INFO((demoCitizens ? std::string() : demoCitizens.failure().detail));
    REQUIRE(demoCitizens.ok());
    appOptions.demoCitizens = std::move(*demoCitizens);
    app_ = std::make_unique<kiosk::app::KioskApp>(*window_, catalogs_, appOptions, kiosk::app::Clock::now());
    app_->attachClient(client_.get());
    app_->attachPrinter(printer_.get(), kiosk::services::CardFonts::load().value());
    kiosk::services::SpeechConfig speechConfig;
    speechConfig.wakeUi = [this] { window_->wake(); };
    if (setup.silentSynthesizer) speechConfig.espeakCommand = (std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/flows/silent_synthesizer.sh").string();
    std::unique_ptr<kiosk::platform::AudioOutput> audio;
    if (setup.audio) {
      audio = setup.audio();
    } else {
      auto silent = std::make_unique<kiosk::platform::NullAudioOutput>();
      audio_ = silent.get();
      audio = std::move(silent);
    }
    speech_ = std::make_unique<kiosk::services::SpeechService>(std::move(audio), KIOSK_DATA_DIR, catalogs_.languages(), speechConfig);
    app_->attachSpeech(speech_.get());
  }

  ~DemoJobcenter() {
    app_->attachClient(nullptr);
    app_->attachSpeech(nullptr);
    app_.reset();
    std::filesystem::remove(printed_);
    separateDatabase_.reset();
    sim_.reset();
  }

  // The suite's second run: jobcenter-sim as its own process.
  static bool separateServer() {
    const char* mode = std::getenv("KIOSK_FLOWS_SERVER");
    return mode && std::string(mode) == "separate";
  }

  // Runs --script steps; fails the test with the driver's message (the step, what was shown).
  void run(const nlohmann::json& steps) {
    const auto file = std::filesystem::temp_directory_path() / ("flow-steps-" + std::to_string(std::random_device{}()) + ".json");
    std::ofstream(file) << nlohmann::json{{"steps", steps}}.dump();
    const auto result = kiosk::app::runScript(*app_, *window_, file);
    std::filesystem::remove(file);
    INFO(result.message);
    REQUIRE(result.ok);
  }

  // From the attract screen to the menu, in a language, as a citizen starts.
  void toMenu(const std::string& language) {
    run({{{"tap", "attract.touch_to_start"}}, {{"tap", "language." + language}}, {{"wait_for", "menu"}}});
  }

  // From the attract screen: a language, a service tile, then the phone login as a demo citizen.
  void logIn(const std::string& language, const std::string& tile, const std::string& citizen) {
    toMenu(language);
    run({{{"tap", tile}},
         {{"wait_for", "login"}},
         {{"expect", {{"key", "demo-approve-" + citizen}}}},
         {{"tap", "demo-approve-" + citizen}},
         {{"wait_for", "home"}, {"timeout_ms", 20000}}});
  }

  // The text a language's catalog has for a key: what a node must show.
  std::string text(const std::string& language, const std::string& key) const { return catalogs_.text(language, key); }
  const kiosk::i18n::Catalogs& catalogs() const { return catalogs_; }

  int64_t count(const std::string& sql, const std::vector<jobcenter::Value>& values = {}) {
    return database().transaction([&](jobcenter::Tx& tx) { return tx.queryInt(sql, values).value_or(-1); });
  }
  void exec(const std::string& sql, const std::vector<jobcenter::Value>& values = {}) {
    database().transaction([&](jobcenter::Tx& tx) { tx.exec(sql, values); });
  }
  // Every row's first column, as text (what the demo jobcenter knows: names, CPR numbers, codes).
  std::vector<std::string> texts(const std::string& sql) {
    std::vector<std::string> out;
    database().transaction([&](jobcenter::Tx& tx) { tx.query(sql, {}, [&](const jobcenter::Row& row) { out.push_back(row.text(0)); }); });
    return out;
  }
  // The booking system going away mid-session.
  void stopServer() {
    if (sim_) sim_->stop();
    else server_->stop();
  }

  // Faults of the separate server's process (separate_jobcenter.h): frozen, killed and
  // restarted, its disk full.
  void freezeServer() {
    REQUIRE(sim_);
    sim_->freeze();
  }
  void killServer() {
    REQUIRE(sim_);
    sim_->kill();
  }
  void restartServer() {
    REQUIRE(sim_);
    sim_->restart();
  }
  void limitServerFiles(rlim_t bytes) {
    REQUIRE(sim_);
    REQUIRE(sim_->limitFiles(bytes));
  }

  kiosk::app::KioskApp& app() { return *app_; }
  // For drivers of their own (the monkey): the window frames are built on, and the two workers
  // whose answers a frame may be waiting for.
  kiosk::platform::Window& window() { return *window_; }
  const kiosk::api::HttpClient& client() const { return *client_; }
  const kiosk::services::ReceiptPrinter& printer() const { return *printer_; }
  kiosk::platform::NullAudioOutput& audio() {
    REQUIRE(audio_);  // not when the test gave a sound output of its own
    return *audio_;
  }
  kiosk::services::SpeechService& speech() { return *speech_; }
  const std::filesystem::path& printedFile() const { return printed_; }

  // The in-process server (stopped and started again by tests of a booking system that goes
  // away); not there when the suite runs against jobcenter-sim as its own process.
  jobcenter::ReferenceServer& server() {
    REQUIRE(server_);
    return *server_;
  }

 private:
  // The server's database: in process, or the separate server's SQLite file (WAL: both may use it).
  jobcenter::Database& database() { return server_ ? server_->database() : *separateDatabase_; }

  // Starts jobcenter-sim (separate_jobcenter.h) and makes the client from the configuration
  // file it wrote, as a kiosk in service does.
  kiosk::api::ClientConfig startSeparateServer(const jobcenter::Policy& policy, bool acceleratedClock, kiosk::app::AppOptions& appOptions) {
    sim_ = std::make_unique<SeparateJobcenter>(policy, kiosk::app::languageCodes(catalogs_.languages()), acceleratedClock);
    const auto check = kiosk::config::loadConfigFile(sim_->configFile(), kiosk::app::languageCodes(catalogs_.languages()));
    for (const auto& problem : check.problems) UNSCOPED_INFO(kiosk::config::describe(problem));
    REQUIRE(check.ok());
    kiosk::app::applyConfig(*check.config, sim_->configFile(), appOptions);
    separateDatabase_ = std::make_unique<jobcenter::Database>(sim_->database().string());
    return kiosk::app::bookingClientConfig(*check.config).value();
  }

  kiosk::i18n::Catalogs catalogs_;
  std::unique_ptr<kiosk::platform::Window> window_;
  std::unique_ptr<jobcenter::ReferenceServer> server_;       // in process; or
  std::unique_ptr<SeparateJobcenter> sim_;                  // its own process
  std::unique_ptr<jobcenter::Database> separateDatabase_;
  std::unique_ptr<kiosk::api::HttpClient> client_;
  std::filesystem::path printed_;
  std::unique_ptr<kiosk::services::ReceiptPrinter> printer_;
  kiosk::platform::NullAudioOutput* audio_ = nullptr;
  std::unique_ptr<kiosk::services::SpeechService> speech_;  // outlives the app that uses it
  std::unique_ptr<kiosk::app::KioskApp> app_;
};
