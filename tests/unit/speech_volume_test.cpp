// Volume: every sample of what is said next scaled (100 as recorded, 50 half, 0 silence), for
// recorded prompts and synthesised speech alike, and only for utterances started after it was set.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "speech_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;
using services::SpeechEvent;
using services::SpeechStatus;

TEST_CASE("volume scales every sample of what is said next: 100 as recorded, 50 half, 0 silence") {
  TempDir data;
  std::vector<int16_t> samples;
  for (const int16_t s : tone(16000, 1, 0.1)) samples.push_back(static_cast<int16_t>(s & ~1));  // even: half is exact
  const std::vector<int16_t> edges = {32767, -32768, 3, -3, 1, -1, 0, 101};
  samples.insert(samples.end(), edges.begin(), edges.end());
  writePrompt(data, "da", "menu.book", samples);
  Speech speech(data.path);
  CHECK(speech.service->volume() == 100);

  auto sayAt = [&](int percent) {
    speech.service->setVolume(percent);
    const auto said = speech.service->sayKey("menu.book", "Book et møde", "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
    return speech.heard().back();
  };
  const auto full = sayAt(100);
  CHECK(full == samples);
  const auto half = sayAt(50);
  REQUIRE(half.size() == full.size());
  const size_t toneEnd = full.size() - edges.size();
  size_t wrong = 0, firstWrong = 0;
  for (size_t i = 0; i < toneEnd; ++i) {
    if (half[i] * 2 != full[i] && wrong++ == 0) firstWrong = i;
  }
  INFO("first wrong: sample " << firstWrong << ", " << half[firstWrong] << " at 50 % of " << full[firstWrong]);
  CHECK(wrong == 0);
  // Rounded half away from zero, and the extremes stay in range.
  CHECK(std::vector<int16_t>(half.begin() + static_cast<long>(toneEnd), half.end()) ==
        std::vector<int16_t>{16384, -16384, 2, -2, 1, -1, 0, 51});
  const auto none = sayAt(0);
  CHECK(none.size() == full.size());
  CHECK(std::all_of(none.begin(), none.end(), [](int16_t s) { return s == 0; }));

  speech.service->setVolume(250);
  CHECK(speech.service->volume() == 100);
  speech.service->setVolume(-3);
  CHECK(speech.service->volume() == 0);
}

TEST_CASE("volume applies to synthesised speech, and only to utterances started after it was set") {
  TempDir data;
  writePrompt(data, "da", "a", tone(16000, 1, 0.2));
  Speech speech(data.path, {}, platform::NullAudioOutput::Timing::RealTime);

  const auto full = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, full.utterance));
  speech.service->setVolume(50);
  const auto half = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, half.utterance));
  auto heard = speech.heard();
  REQUIRE(heard.size() == 2);
  REQUIRE(heard[0].size() == heard[1].size());  // espeak-ng renders the same text the same
  size_t wrong = 0;
  for (size_t i = 0; i < heard[0].size(); ++i) {
    if (heard[1][i] != static_cast<int>(std::lround(heard[0][i] / 2.0))) ++wrong;  // rounded half away from zero
  }
  CHECK(wrong == 0);
  CHECK(*std::max_element(heard[0].begin(), heard[0].end()) > 1000);  // there is something to halve

  // Set while a screen in parts plays: its later parts keep the volume it started with.
  speech.service->setVolume(100);
  const auto parted = speech.service->say(parts({{"a", "Et"}, {"a", "Et"}}), "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 3; }));
  speech.service->setVolume(10);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, parted.utterance));
  heard = speech.heard();
  REQUIRE(heard.size() == 4);
  CHECK(heard[2] == heard[3]);
  CHECK(heard[3] == tone(16000, 1, 0.2));
}
