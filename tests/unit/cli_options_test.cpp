#include <catch2/catch.hpp>

#include "kiosk/app/cli_options.h"

using kiosk::app::Backend;
using kiosk::app::parseCli;

TEST_CASE("dump-ui and script run headless unless a backend is chosen") {
  std::string error;
  auto o = parseCli({"--dump-ui", "x.json", "--screen", "menu", "--lang", "ar", "--text-size", "200"}, error);
  REQUIRE(o);
  CHECK(o->backend == Backend::Headless);
  CHECK(o->textSize == 200);
  o = parseCli({"--script", "s.json", "--backend", "glfw"}, error);
  REQUIRE(o);
  CHECK(o->backend == Backend::Glfw);
}

TEST_CASE("bad options are refused with a sentence that says what is expected") {
  std::string error;
  CHECK_FALSE(parseCli({"--text-size", "120"}, error));
  CHECK(error == "--text-size must be 100, 150 or 200");
  CHECK_FALSE(parseCli({"--backend", "wayland"}, error));
  CHECK_FALSE(parseCli({"--screenshot", "a.png", "--backend", "headless"}, error));
  CHECK_THAT(error, Catch::Contains("Xvfb"));
  CHECK_FALSE(parseCli({"--lang"}, error));
  CHECK(error == "--lang needs a value");
  CHECK_FALSE(parseCli({"--frobnicate"}, error));
}
