// What only a demo jobcenter answers: its invented citizens, for the demo kiosk's login screen.

#include <catch2/catch.hpp>

#include "test_server.h"

TEST_CASE("a demo jobcenter lists its invented citizens by first name, with no CPR numbers") {
  TestServer t;
  const auto answer = t.client->get("/demo/citizens");
  REQUIRE(answer.status == 200);
  const auto citizens = answer.json().at("citizens");
  std::vector<std::string> names;
  for (const auto& c : citizens) {
    CHECK(c.size() == 2);  // id and first name, nothing else
    names.push_back(c.at("first_name"));
  }
  CHECK(names == std::vector<std::string>{"Amina", "Bent", "Freja", "Mohammed", "Olena", "Peter", "Sara"});
  CHECK(citizens[2].at("id") == "cit-freja");
  CHECK(answer.body.find(demo_cpr::kFreja) == std::string::npos);
}

TEST_CASE("a server that is not a demo has no list of citizens", "[no-proxy]") {
  jobcenter::ServerOptions options = TestServer::testOptions();
  options.demoPhonePage = false;
  jobcenter::ReferenceServer server(options);
  requireStarted(server);
  ApiClient client(server.baseUrl(), server.identity().caPem());
  const auto answer = client.get("/demo/citizens");
  CHECK(answer.status == 404);
  CHECK(answer.problemCode() == "not-found");
}
