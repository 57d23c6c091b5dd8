#pragma once
// Starts a reference server for a test, or fails the test with the reason the server gives.

#include <catch2/catch.hpp>

#include <string>

#include "reference_server.h"

inline void requireStarted(jobcenter::ReferenceServer& server) {
  const auto started = server.start();
  INFO("the reference server did not start: " << (started ? std::string() : started.failure().detail));
  REQUIRE(started.ok());
}
