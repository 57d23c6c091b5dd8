// Recorded prompts (assets/prompts/<lang>/<key>.wav): a prompt wins over synthesis, even where there
// is no voice; a broken one is refused and the text synthesised instead; a key is never a path.
#include <catch2/catch.hpp>

#include "speech_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;
using services::SpeechEvent;
using services::SpeechStatus;

TEST_CASE("a recorded prompt wins over synthesis, even where there is no voice") {
  TempDir data;
  writeFile(data.path / "assets" / "prompts" / "da" / "menu.book.wav", makeWav(tone(16000, 2, 0.5), WavSpec().withChannels(2)));
  writeFile(data.path / "assets" / "prompts" / "ti" / "menu.book.wav", makeWav(tone(24000, 1, 0.75), WavSpec().withRate(24000)));
  Speech speech(data.path);

  const auto danish = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(danish.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  const auto tigrinya = speech.service->sayKey("menu.book", "ቆጸራ ሓዝ", "ti");
  REQUIRE(tigrinya.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, tigrinya.utterance));
  // A key with no prompt is synthesised where there is a voice, and "no voice" where not.
  const auto other = speech.service->sayKey("menu.plan", "Min plan", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, other.utterance));
  CHECK(speech.service->sayKey("menu.plan", "ሓሳበይ", "ti").status == SpeechStatus::NoVoice);

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 3);
  CHECK(played[0].sampleRate == 16000);
  CHECK(played[0].channels == 2);
  CHECK(played[0].frames == 8000);
  CHECK(played[1].sampleRate == 24000);
  CHECK(played[1].frames == 18000);
  CHECK(played[2].sampleRate == 22050);  // espeak-ng
}

TEST_CASE("a broken recorded prompt is refused, the text is synthesised where there is a voice") {
  TempDir data;
  auto broken = makeWav(tone(16000, 1, 0.5));
  broken.resize(broken.size() / 2);  // cut off halfway
  writeFile(data.path / "assets" / "prompts" / "da" / "menu.book.wav", broken);
  writeFile(data.path / "assets" / "prompts" / "ti" / "menu.book.wav", {'n', 'o', 't', ' ', 'a', ' ', 'w', 'a', 'v'});
  Speech speech(data.path);

  const auto danish = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, danish.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::PromptRefused, danish.utterance), Catch::Contains("menu.book.wav"));

  const auto tigrinya = speech.service->sayKey("menu.book", "ቆጸራ ሓዝ", "ti");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, tigrinya.utterance));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, tigrinya.utterance));

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 1);
  CHECK(played[0].sampleRate == 22050);  // the Danish text, synthesised
}

TEST_CASE("a key that is not a plain file name never reaches the file system") {
  TempDir data;
  writeFile(data.path / "assets" / "prompts" / "secret.wav", makeWav(tone(16000, 1, 0.5)));
  Speech speech(data.path);
  const auto said = speech.service->sayKey("../secret", "Hej", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  REQUIRE(speech.audio->played().size() == 1);
  CHECK(speech.audio->played()[0].sampleRate == 22050);
}
