// The SDL2 sound output (platform/sdl2_audio.cpp) through SDL's dummy driver: it plays a clip,
// stops, lets the device go, and refuses what is not whole frames.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "platform/audio.h"
#include "wait_for.h"
#include "wav_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;

TEST_CASE("the SDL2 output plays a clip through SDL's dummy driver and lets the device go") {
  setenv("SDL_AUDIODRIVER", "dummy", 0);  // a real driver if the caller chose one
  auto created = platform::createSdl2AudioOutput();
  if (!created) {
    WARN("no SDL audio here: " << created.failure().detail);
    return;
  }
  auto& output = *created;
  const auto clip = tone(22050, 1, 0.3);
  CHECK_FALSE(output->playing());
  REQUIRE(output->play(clip, 22050, 1).ok());
  CHECK(output->playing());
  CHECK(waitFor([&] { return !output->playing(); }, 3s));
  REQUIRE(output->play(clip, 22050, 1).ok());
  output->stop();
  CHECK_FALSE(output->playing());
  output->release();
  CHECK_FALSE(output->play(std::vector<int16_t>{1, 2, 3}, 22050, 2).ok());  // not whole frames
}
