// A screen in parts: recorded prompts where there are some and the parts between them in one
// espeak-ng run, heard in order; a part in a language of its own in that language's voice; a
// language without a voice spoken only when every part has a prompt; broken prompts among the
// parts; stop() within a clip and between two.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "speech_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;
using services::SpeechEvent;
using services::SpeechStatus;

TEST_CASE("a screen in parts: recorded prompts where there are some, the parts between them in one espeak-ng run, in order") {
  TempDir data, bin;
  const auto title = tone(16000, 2, 0.3);
  const auto note = tone(24000, 1, 0.2);
  writePrompt(data, "da", "booked.title", title, WavSpec().withChannels(2));
  writePrompt(data, "da", "booked.note", note, WavSpec().withRate(24000));
  Speech speech(data.path, countingEspeak(bin), platform::NullAudioOutput::Timing::RealTime);

  const auto said = speech.service->say(parts({{"booked.title", "Du er booket"},
                                               {"", "tirsdag den 3. marts"},
                                               {"booked.time", "klokken ti"},  // no prompt for this key
                                               {"", "  "},                     // blank: left out
                                               {"booked.note", "Husk dit ID"}}),
                                        "da");
  REQUIRE(said.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(espeakRuns(bin) == 1);
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 3);
  CHECK(played[0].sampleRate == 16000);
  CHECK(played[0].channels == 2);
  CHECK(played[1].sampleRate == 22050);  // espeak-ng
  CHECK(played[2].sampleRate == 24000);
  const auto heard = speech.heard();
  REQUIRE(heard.size() == 3);
  CHECK(heard[0] == title);
  CHECK(heard[2] == note);
  // Each clip only once the one before has been heard: play() would have cut it off.
  for (size_t i = 1; i < played.size(); ++i) {
    INFO(i);
    CHECK(played[i].at - played[i - 1].at >= std::chrono::duration<double>(played[i - 1].seconds()) - 1ms);
  }

  // The run between the prompts is the two texts joined by a space.
  const auto joined = speech.service->say("tirsdag den 3. marts klokken ti", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, joined.utterance));
  CHECK(espeakRuns(bin) == 2);
  REQUIRE(speech.audio->played().size() == 4);
  CHECK(speech.audio->played()[3].fingerprint == played[1].fingerprint);
}

TEST_CASE("a screen without recorded prompts costs one espeak-ng run, however many parts it has") {
  TempDir bin;
  Speech speech(KIOSK_DATA_DIR, countingEspeak(bin));
  const auto said = speech.service->say(
      parts({{"home.title", "Velkommen"}, {"home.next_meeting", "Dit næste møde"}, {"", "tirsdag"}, {"home.book", "Book et møde"}}), "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(espeakRuns(bin) == 1);
  CHECK(speech.audio->played().size() == 1);
  CHECK(speech.service->say(parts({{"home.title", " "}, {"", "\n"}}), "da").status == SpeechStatus::NothingToSay);
  CHECK(speech.service->say(std::vector<services::SpokenPart>{}, "da").status == SpeechStatus::NothingToSay);
  CHECK(speech.service->say(parts({{"home.title", "Hej"}}), "xx").status == SpeechStatus::UnknownLanguage);
}

TEST_CASE("a part in a language of its own is said in that language's voice, in a run of its own") {
  TempDir bin;
  // The stand-in notes the voice of each run: espeak-ng --stdout -b 1 -v VOICE ...
  writeScript(bin.path / "espeak-ng", "echo \"$5\" >> '" + (bin.path / "runs").string() + "'\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (bin.path / "espeak-ng").string();
  Speech speech(KIOSK_DATA_DIR, config);
  std::vector<services::SpokenPart> screen;
  screen.push_back({"language.title", "Vælg dit sprog.", ""});
  screen.push_back({"language.da", "Dansk.", "da"});         // the utterance's own language: same run
  screen.push_back({"language.ar", "العربية.", "ar"});
  screen.push_back({"language.so", "Soomaali.", "so"});      // no voice of its own: the utterance's
  const auto said = speech.service->say(std::move(screen), "da");
  REQUIRE(said.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(readText(bin.path / "runs") == "da\nar\nda\n");
  CHECK(speech.audio->played().size() == 3);

  // A voiceless language can still say names in voices of their own, but not its own words.
  std::vector<services::SpokenPart> names;
  names.push_back({"language.ar", "العربية.", "ar"});
  CHECK(speech.service->say(std::move(names), "so").status == SpeechStatus::Started);
  std::vector<services::SpokenPart> words;
  words.push_back({"language.title", "Dooro luqaddaada.", ""});
  CHECK(speech.service->say(std::move(words), "so").status == SpeechStatus::NoVoice);
}

TEST_CASE("a language without a voice is spoken when every part has a recorded prompt, and has no voice otherwise") {
  TempDir data;
  writePrompt(data, "so", "booked.title", tone(16000, 1, 0.2));
  writePrompt(data, "so", "booked.note", tone(22050, 1, 0.1), WavSpec().withRate(22050));
  Speech speech(data.path);

  const auto prompted = speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"", " "}, {"booked.note", "Xusuuso"}}), "so");
  REQUIRE(prompted.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, prompted.utterance));
  REQUIRE(speech.audio->played().size() == 2);
  CHECK(speech.audio->played()[0].sampleRate == 16000);
  CHECK(speech.audio->played()[1].sampleRate == 22050);

  // One part without a prompt (a date) is enough: never another language's voice.
  CHECK(speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"", "Talaado 3 Maarso"}}), "so").status ==
        SpeechStatus::NoVoice);
  CHECK(speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"booked.time", "saacadda 10"}}), "so").status ==
        SpeechStatus::NoVoice);
  // The key's prompt is Somali's: Tigrinya has none.
  CHECK(speech.service->say(parts({{"booked.title", "ተመዝጊብካ"}}), "ti").status == SpeechStatus::NoVoice);
  const auto one = speech.service->sayKey("booked.title", "Waad ballansatay", "so");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, one.utterance));
  CHECK(speech.audio->played().size() == 3);
}

TEST_CASE("a broken prompt among the parts is refused and that part synthesised, or the whole fails without a voice") {
  TempDir data, bin;
  auto broken = makeWav(tone(16000, 1, 0.2));
  broken.resize(broken.size() - 7);
  writePrompt(data, "da", "booked.title", tone(16000, 1, 0.2));
  writeFile(data.path / "assets" / "prompts" / "da" / "booked.time.wav", broken);
  writePrompt(data, "so", "booked.title", tone(16000, 1, 2.0));
  writeFile(data.path / "assets" / "prompts" / "so" / "booked.time.wav", broken);
  Speech speech(data.path, countingEspeak(bin), platform::NullAudioOutput::Timing::RealTime);

  const auto danish = speech.service->say(parts({{"booked.title", "Du er booket"}, {"booked.time", "klokken ti"}}), "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::PromptRefused, danish.utterance), Catch::Contains("booked.time.wav"));
  CHECK(espeakRuns(bin) == 1);
  REQUIRE(speech.audio->played().size() == 2);
  CHECK(speech.audio->played()[0].sampleRate == 16000);
  CHECK(speech.audio->played()[1].sampleRate == 22050);

  // Which prompts are broken is known only once they are read: Started, then Failed, and the
  // first part (2 s) is not left playing after the Failed event.
  const auto somali = speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"booked.time", "saacadda 10"}}), "so");
  REQUIRE(somali.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, somali.utterance, 1s));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, somali.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, somali.utterance), Catch::Contains("no voice for so"));
  CHECK(espeakRuns(bin) == 1);
  CHECK(speech.audio->played().size() == 3);
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  CHECK_FALSE(speech.service->speaking());
}

TEST_CASE("stop() silences a screen in parts at once, within a clip and between two") {
  TempDir data, bin;
  writePrompt(data, "da", "a", tone(16000, 1, 0.3));
  writePrompt(data, "da", "b", tone(16000, 1, 2.0));
  // The run between the prompts takes a second to render: the first prompt has ended by then.
  Speech speech(data.path, countingEspeak(bin, "sleep 1\n"), platform::NullAudioOutput::Timing::RealTime);

  const auto between = speech.service->say(parts({{"a", "Et"}, {"", "to"}, {"b", "tre"}}), "da");
  REQUIRE(waitFor([&] { return espeakRuns(bin) == 1; }));
  std::this_thread::sleep_for(400ms);
  REQUIRE(speech.audio->played().size() == 1);
  CHECK_FALSE(speech.audio->playing());
  const auto asked = Clock::now();
  speech.service->stop();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, between.utterance, 2s));
  CHECK(Clock::now() - asked < 500ms);  // espeak-ng killed, not waited for
  std::this_thread::sleep_for(1200ms);
  CHECK(speech.audio->played().size() == 1);  // nothing after it

  const auto within = speech.service->say(parts({{"a", "Et"}, {"b", "tre"}, {"a", "Et"}}), "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 3; }));  // "b" is playing
  CHECK(speech.audio->playing());
  speech.service->stop();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, within.utterance, 1s));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  std::this_thread::sleep_for(2s);
  CHECK(speech.audio->played().size() == 3);  // the last "a" never came
}
