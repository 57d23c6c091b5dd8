#include <catch2/catch.hpp>

#include "kiosk/app/cli_options.h"

using kiosk::app::Backend;
using kiosk::app::parseCli;

TEST_CASE("dump-ui and script run headless unless a backend is chosen") {
  auto o = parseCli({"--dump-ui", "x.json", "--screen", "menu", "--lang", "ar", "--text-size", "200"});
  REQUIRE(o);
  CHECK(o->backend == Backend::Headless);
  CHECK(o->textSize == 200);
  o = parseCli({"--script", "s.json", "--backend", "glfw"});
  REQUIRE(o);
  CHECK(o->backend == Backend::Glfw);
}

TEST_CASE("a screenshot is drawn headless by the software renderer, in a window only with --renderer gl") {
  using kiosk::platform::Renderer;
  auto o = parseCli({"--screenshot", "menu.png"});
  REQUIRE(o);
  CHECK(o->renderer == Renderer::Auto);
  CHECK(o->backend == Backend::Headless);
  o = parseCli({"--screenshot", "menu.png", "--renderer", "gl"});
  REQUIRE(o);
  CHECK(o->backend == Backend::Sdl2);
  o = parseCli({"--renderer", "software"});
  REQUIRE(o);
  CHECK(o->renderer == Renderer::Software);
  CHECK(o->backend == Backend::Sdl2);
}

TEST_CASE("bad options are refused with a sentence that says what is expected") {
  auto detail = [](const std::vector<std::string>& args) {
    const auto parsed = parseCli(args);
    return parsed ? std::string("(accepted)") : parsed.failure().detail;
  };
  CHECK(detail({"--text-size", "120"}) == "--text-size must be 100, 150 or 200");
  CHECK(detail({"--backend", "wayland"}) == "--backend must be sdl2, glfw or headless");
  CHECK_THAT(detail({"--screenshot", "a.png", "--backend", "headless", "--renderer", "gl"}), Catch::Contains("Xvfb"));
  CHECK(detail({"--renderer", "vulkan"}) == "--renderer must be gl, software or auto");
  CHECK_THAT(detail({"--renderer", "software", "--backend", "glfw"}), Catch::Contains("OpenGL only"));
  CHECK(detail({"--lang"}) == "--lang needs a value");
  CHECK(detail({"--frobnicate"}) == "unknown option --frobnicate (see --help)");
  CHECK(detail({"--config"}) == "--config needs a value");
  CHECK(detail({"--demo", "--config", "kiosk.json"}) == "--demo runs its own jobcenter: leave out --config");
}

TEST_CASE("the configuration options: a file to run with, one to check, and the admin PIN's hash") {
  auto o = parseCli({"--config", "/tmp/kiosk.json"});
  REQUIRE(o);
  CHECK(o->configFile == std::filesystem::path("/tmp/kiosk.json"));
  CHECK_FALSE(o->checkConfig);
  o = parseCli({"--check-config", "kiosk.json"});
  REQUIRE(o);
  CHECK(o->checkConfig == std::filesystem::path("kiosk.json"));
  CHECK_FALSE(o->configFile);
  o = parseCli({"--hash-admin-pin"});
  REQUIRE(o);
  CHECK(o->hashAdminPin);
}
