// A sound device plugged in or out (headphones): what is being heard is cancelled and the device
// let go; while idle, or before anything is heard, nothing is cancelled. A device that goes away
// under the sound: the utterance fails at once, and read aloud is unavailable until it plays
// again. (tests/flows/audio_device_flow_test.cpp pulls SDL's own device out under the kiosk.)
#include <catch2/catch.hpp>

#include <chrono>

#include "speech_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;
using services::SpeechEvent;
using services::SpeechStatus;

TEST_CASE("headphones plugged in: what is being heard is cancelled and the device let go, and the next clip opens the new one") {
  TempDir data;
  writePrompt(data, "da", "menu.book", tone(16000, 1, 3.0));
  Speech speech(data.path, {}, platform::NullAudioOutput::Timing::RealTime);

  const auto said = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 1; }));
  REQUIRE(speech.audio->playing());
  const int releasesBefore = speech.audio->releases();
  const auto asked = Clock::now();
  speech.service->audioDevicesChanged();
  CHECK(Clock::now() - asked < 50ms);  // the UI thread only hands over
  CHECK_FALSE(speech.service->speaking());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, said.utterance, 1s));
  CHECK(Clock::now() - asked < 500ms);  // not left to finish its 3 s on the loudspeaker
  CHECK_THAT(speech.why(SpeechEvent::Kind::Cancelled, said.utterance), Catch::Contains("sound device"));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  CHECK(waitFor([&] { return speech.audio->releases() > releasesBefore; }, 1s));

  // Speech goes on: the next say() plays (on whatever device is the default now).
  const auto again = speech.service->say("Hej", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, again.utterance));
  CHECK(speech.audio->played().size() == 2);
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Cancelled, again.utterance));
}

TEST_CASE("a device change while idle, or before anything is heard, lets the device go and cancels nothing") {
  TempDir bin;
  Speech speech(KIOSK_DATA_DIR, countingEspeak(bin, "sleep 0.3\n"));
  speech.service->audioDevicesChanged();
  CHECK(waitFor([&] { return speech.audio->releases() == 1; }, 1s));
  CHECK(speech.service->drain().empty());

  // Still being rendered: it plays, on the device opened after the change. The output is let go
  // twice: for the change, before the clip, and once it has been heard.
  const auto said = speech.service->say(kDanish, "da");
  REQUIRE(waitFor([&] { return espeakRuns(bin) == 1; }));
  speech.service->audioDevicesChanged();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Cancelled, said.utterance));
  CHECK(speech.audio->played().size() == 1);
  CHECK(waitFor([&] { return speech.audio->releases() == 3; }, 1s));
}

TEST_CASE("the sound device pulled out mid-sentence: the utterance fails at once and read aloud is unavailable until a clip plays again") {
  TempDir data;
  writePrompt(data, "da", "menu.book", tone(16000, 1, 3.0));
  Speech speech(data.path, {}, platform::NullAudioOutput::Timing::RealTime);
  REQUIRE(speech.service->canSynthesize("da"));

  const auto said = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 1; }));
  REQUIRE(speech.kept->playing());
  speech.kept->pullOut();
  // Not three seconds of "speaking" into nothing: failed, and said why (for the operator).
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance, 1s));
  CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, said.utterance), Catch::Contains("went away"));
  CHECK_FALSE(speech.service->speaking());
  CHECK_FALSE(speech.service->canSynthesize("da"));  // the bar shows read aloud as unavailable

  // say() still tries, and fails at once while there is no device.
  const auto meanwhile = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(meanwhile.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, meanwhile.utterance, 1s));
  CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, meanwhile.utterance), Catch::Contains("no sound device"));
  CHECK_FALSE(speech.service->canSynthesize("da"));

  // Plugged in again: the next clip plays, and read aloud is offered again.
  speech.kept->plugBackIn();
  const auto back = speech.service->say("Hej", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, back.utterance));
  CHECK(speech.service->canSynthesize("da"));
}

TEST_CASE("after the sound output failed, a device plugged in or the next citizen is offered read aloud again") {
  TempDir data;
  writePrompt(data, "da", "menu.book", tone(16000, 1, 0.2));
  Speech speech(data.path);
  speech.kept->pullOut();
  const auto failed = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, failed.utterance, 1s));
  CHECK_FALSE(speech.service->canSynthesize("da"));
  speech.service->audioDevicesChanged();  // something plugged in: worth trying
  CHECK(speech.service->canSynthesize("da"));

  const auto again = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, again.utterance, 1s));
  CHECK_FALSE(speech.service->canSynthesize("da"));
  speech.service->retryOutput();  // a new session, where no window reports devices
  CHECK(speech.service->canSynthesize("da"));
}
