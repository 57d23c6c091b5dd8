// The demo kiosk asks the demo server for its invented citizens, over the same HTTPS client as
// every other call (GET /demo/citizens), instead of reading the server's database.

#include <catch2/catch.hpp>

#include <memory>

#include "../server/require_started.h"
#include "kiosk/api/http_client.h"
#include "kiosk/app/demo_citizens.h"
#include "reference_server.h"

namespace {

struct DemoServerAndClient {
  explicit DemoServerAndClient(bool demo) {
    jobcenter::ServerOptions options;
    options.demoPhonePage = demo;
    server = std::make_unique<jobcenter::ReferenceServer>(options);
    requireStarted(*server);
    kiosk::api::ClientConfig config;
    config.baseUrl = server->baseUrl();
    config.kioskId = "demo-kiosk";
    config.tls.caPem = server->identity().caPem();
    config.tls.pins = {server->identity().publicKeyPin()};
    client = std::make_unique<kiosk::api::HttpClient>(config, nullptr);
  }
  std::unique_ptr<jobcenter::ReferenceServer> server;
  std::unique_ptr<kiosk::api::HttpClient> client;
};

}  // namespace

TEST_CASE("the demo kiosk's citizens are the demo server's, by first name") {
  DemoServerAndClient demo(true);
  const auto citizens = kiosk::app::fetchDemoCitizens(*demo.client);
  REQUIRE(citizens.ok());
  REQUIRE(citizens->size() == 7);
  CHECK(citizens->front() == std::pair<std::string, std::string>{"cit-amina", "Amina"});
  CHECK(citizens->back() == std::pair<std::string, std::string>{"cit-sara", "Sara"});
}

TEST_CASE("a server that is not a demo gives the kiosk no citizens, and says why") {
  DemoServerAndClient notDemo(false);
  const auto citizens = kiosk::app::fetchDemoCitizens(*notDemo.client);
  REQUIRE_FALSE(citizens.ok());
  CHECK_THAT(citizens.failure().detail, Catch::Contains("could not be fetched"));
}
