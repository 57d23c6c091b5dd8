// Starting the reference server either works or says why not, as a result: the kiosk's demo and
// jobcenter-sim print the reason, no exception escapes.

#include <catch2/catch.hpp>

#include "require_started.h"

TEST_CASE("a server on a port that is already listening does not start, and says which port", "[no-proxy]") {
  jobcenter::ReferenceServer first(jobcenter::ServerOptions{});
  requireStarted(first);
  jobcenter::ServerOptions options;
  options.port = first.port();
  jobcenter::ReferenceServer second(options);
  const auto started = second.start();
  REQUIRE_FALSE(started.ok());
  CHECK_THAT(started.failure().detail, Catch::Contains("cannot listen on 127.0.0.1:" + std::to_string(first.port())));
  CHECK(second.port() == 0);
}

TEST_CASE("a database path that cannot be opened is a start failure naming the path", "[no-proxy]") {
  jobcenter::ServerOptions options;
  options.databasePath = "/nonexistent-folder-for-this-test/jobcenter.sqlite";
  jobcenter::ReferenceServer server(options);
  const auto started = server.start();
  REQUIRE_FALSE(started.ok());
  CHECK_THAT(started.failure().detail, Catch::Contains("the database cannot be used") && Catch::Contains(options.databasePath));
}

TEST_CASE("a kiosk CA with no certificate in it is a start failure", "[no-proxy]") {
  jobcenter::ServerOptions options;
  options.kioskCaPem = "not a certificate";
  jobcenter::ReferenceServer server(options);
  const auto started = server.start();
  REQUIRE_FALSE(started.ok());
  CHECK(started.failure().detail == "the kiosk CA holds no certificate");
}
