// The screen keeps drawing while the network is slow: with the server taking 5 s to answer, no
// frame of the kiosk (headless backend, real frames) takes longer than 50 ms.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>

#include "client_harness.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/i18n/catalogs.h"

TEST_CASE("a server answering after 5 s never holds up a frame") {
  const auto identity = jobcenter::makeLoopbackIdentity();
  httplib::SSLServer slow(identity.certificate.get(), identity.privateKey.get());
  slow.Get("/api/v1/kiosk/config", [](const httplib::Request&, httplib::Response& res) {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    res.set_content("{}", "application/json");
  });
  const int port = slow.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { slow.listen_after_bind(); });

  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  auto window = kiosk::platform::createHeadlessWindow({1920, 1080});
  kiosk::api::ClientConfig config;
  config.baseUrl = "https://127.0.0.1:" + std::to_string(port);
  config.tls.caPem = identity.caPem();
  kiosk::api::HttpClient client(config, [&] { window->wake(); });  // outlives the app that uses it
  kiosk::app::KioskApp app(*window, catalogs, {}, kiosk::app::Clock::now());
  app.attachClient(&client);
  app.showScreen(kiosk::screens::ScreenId::MainMenu);
  for (int i = 0; i < 3; ++i) app.frame(kiosk::app::Clock::now());  // start-up: fonts are built before anything is asked

  bool answered = false;
  kiosk::api::HttpRequest request;
  request.path = "/api/v1/kiosk/config";
  client.submit(1, request, [&](const kiosk::api::HttpResult& r) { answered = r.ok(); });

  const auto started = std::chrono::steady_clock::now();
  double slowestMs = 0;
  int frames = 0;
  while (!answered && std::chrono::steady_clock::now() - started < std::chrono::seconds(8)) {
    const auto t0 = std::chrono::steady_clock::now();
    app.frame(t0);
    slowestMs = std::max(slowestMs, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ++frames;
    std::this_thread::sleep_for(std::chrono::milliseconds(16));
  }
  const double waitedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::cout << frames << " frames in " << waitedMs << " ms while the server thought; slowest frame " << slowestMs << " ms\n";
  CHECK(answered);
  CHECK(waitedMs >= 4900);
  CHECK(frames > 100);
  CHECK(slowestMs < 50);
  slow.stop();
  serving.join();
}
