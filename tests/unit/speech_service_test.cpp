// The speech service running the real espeak-ng: Danish and Arabic each in its own voice, the same
// sound as espeak-ng renders itself, slower speech, the text on stdin only, a language without a
// voice, a new say() killing the espeak-ng of the one before, stop(), and espeak-ng that hangs,
// fails or is missing.
#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <variant>

#include "kiosk/services/child_process.h"
#include "kiosk/services/wav.h"
#include "speech_fixtures.h"

using namespace kiosk;
using namespace speech_test;
using namespace std::chrono_literals;
using services::SpeechEvent;
using services::SpeechStatus;

TEST_CASE("espeak-ng reads Danish and Arabic, each in its own voice") {
  Speech speech;
  const auto askedDanish = Clock::now();
  const auto danish = speech.service->say(kDanish, "da");
  REQUIRE(danish.status == SpeechStatus::Started);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  const auto askedArabic = Clock::now();
  const auto arabic = speech.service->say(kArabic, "ar");
  REQUIRE(arabic.status == SpeechStatus::Started);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, arabic.utterance));

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 2);
  for (const auto& clip : played) {
    CHECK(clip.sampleRate == 22050);  // what espeak-ng's WAV header says
    CHECK(clip.channels == 1);
    CHECK(clip.seconds() > 1.0);
    CHECK(clip.seconds() < 10.0);
  }
  CHECK(played[0].fingerprint != played[1].fingerprint);
  CHECK(played[0].frames != played[1].frames);
  const auto toFirstSound = [](Clock::time_point asked, const platform::PlayedClip& clip) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clip.at - asked).count();
  };
  WARN("Danish " << played[0].seconds() << " s, first sound after " << toFirstSound(askedDanish, played[0]) << " ms; Arabic "
                 << played[1].seconds() << " s, first sound after " << toFirstSound(askedArabic, played[1]) << " ms");
  CHECK(toFirstSound(askedDanish, played[0]) < 2000);
  CHECK_FALSE(speech.service->speaking());
}

TEST_CASE("the same Danish sentence through the service is what espeak-ng itself renders") {
  // Rendered directly (text on stdin, WAV on stdout) at the service's normal rate.
  int cancel[2];
  REQUIRE(pipe(cancel) == 0);
  const auto run = services::runChild(KIOSK_ESPEAK_NG, {"--stdout", "-b", "1", "-v", "da", "-s", "160"}, kDanish, {}, cancel[0],
                                      [] { return true; });
  close(cancel[0]);
  close(cancel[1]);
  REQUIRE(run.status == services::ChildOutcome::Status::Exited);
  REQUIRE(run.exitCode == 0);
  const auto direct = services::decodeWav(run.out, services::WavLength::Streamed);
  REQUIRE(std::holds_alternative<services::PcmAudio>(direct));

  Speech speech;
  const auto said = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  REQUIRE(speech.audio->played().size() == 1);
  CHECK(speech.audio->played()[0].frames == std::get<services::PcmAudio>(direct).frames());
}

TEST_CASE("slower speech takes longer") {
  Speech speech;
  const auto normal = speech.service->say(kDanish, "da", services::SpeechRate::Normal);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, normal.utterance));
  const auto slow = speech.service->say(kDanish, "da", services::SpeechRate::Slow);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, slow.utterance));
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 2);
  CHECK(played[1].seconds() > played[0].seconds() * 1.15);
}

TEST_CASE("the text goes to espeak-ng on stdin, never on its command line") {
  TempDir dir;
  const auto args = dir.path / "args";
  writeScript(dir.path / "espeak-ng", "printf '%s\\n' \"$@\" > '" + args.string() + "'\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  Speech speech(KIOSK_DATA_DIR, config);
  const auto said = speech.service->say(kDanish, "da", services::SpeechRate::Slow);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(readText(args) == "--stdout\n-b\n1\n-v\nda\n-s\n120\n");
  CHECK(speech.audio->played().size() == 1);
}

TEST_CASE("a language without a voice says so, and is never read in another voice") {
  Speech speech;
  for (const char* language : {"ti", "so"}) {
    INFO(language);
    CHECK(speech.service->say("ሰላም", language).status == SpeechStatus::NoVoice);
    CHECK(speech.service->sayKey("menu.book", "ሰላም", language).status == SpeechStatus::NoVoice);
    CHECK_FALSE(speech.service->canSynthesize(language));
  }
  CHECK(speech.service->canSynthesize("da"));
  CHECK(speech.service->say("Hej", "xx").status == SpeechStatus::UnknownLanguage);
  CHECK(speech.service->say("  \n", "da").status == SpeechStatus::NothingToSay);
  CHECK_FALSE(speech.service->speaking());
  std::this_thread::sleep_for(50ms);
  CHECK(speech.audio->played().empty());
  CHECK(services::speechStatusName(SpeechStatus::NoVoice) == "no voice");
}

TEST_CASE("a new say() kills the espeak-ng of the one before") {
  // The first run is a stand-in that stays busy; it records its pid, and exec keeps that pid.
  TempDir dir;
  const auto first = dir.path / "first.pid";
  writeScript(dir.path / "espeak-ng", "if [ ! -e '" + first.string() + "' ]; then echo $$ > '" + first.string() +
                                          "'; exec sleep 30; fi\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  std::atomic<int> wakes{0};
  config.wakeUi = [&] { ++wakes; };
  Speech speech(KIOSK_DATA_DIR, config);

  const auto one = speech.service->say(kDanish, "da");
  REQUIRE(one.started());
  REQUIRE(waitFor([&] { return readText(first).find('\n') != std::string::npos; }));
  const pid_t pid = std::stoi(readText(first));
  CHECK(kill(pid, 0) == 0);  // running, and not done: the UI thread did not wait for it
  CHECK(speech.service->speaking());

  const auto before = Clock::now();
  const auto two = speech.service->say(kArabic, "ar");
  CHECK(Clock::now() - before < 50ms);  // say() only hands over
  REQUIRE(two.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance));
  CHECK(kill(pid, 0) == -1);
  CHECK(errno == ESRCH);  // killed and reaped: not even a zombie is left
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, two.utterance));
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 1);  // only the second was ever heard
  CHECK(played[0].sampleRate == 22050);
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Finished, one.utterance));
  CHECK(wakes > 0);
}

TEST_CASE("a new say() stops the sound of the one before, stop() silences everything") {
  Speech speech(KIOSK_DATA_DIR, {}, platform::NullAudioOutput::Timing::RealTime);
  const auto one = speech.service->say(kDanish, "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 1; }));
  CHECK(speech.audio->playing());
  const auto two = speech.service->say(kArabic, "ar");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance));
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 2; }));
  CHECK(speech.audio->stops() == 1);
  CHECK(speech.service->speaking());

  speech.service->stop();
  CHECK_FALSE(speech.service->speaking());  // at once, before the worker has done it
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, two.utterance));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 2);
  CHECK(waitFor([&] { return speech.audio->releases() >= 1; }));  // the device is let go
  speech.service->stop();  // stopping silence is harmless
}

TEST_CASE("speech still being rendered is cancelled by stop(), and so is the service's end") {
  TempDir dir;
  writeScript(dir.path / "espeak-ng", "exec sleep 30\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  const auto started = Clock::now();
  {
    Speech speech(KIOSK_DATA_DIR, config);
    const auto one = speech.service->say(kDanish, "da");
    std::this_thread::sleep_for(100ms);
    speech.service->stop();
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance, 5s));
    CHECK(speech.audio->played().empty());
    speech.service->say(kDanish, "da");
    std::this_thread::sleep_for(100ms);
  }  // the destructor kills the second sleeper
  CHECK(Clock::now() - started < 5s);
}

TEST_CASE("espeak-ng that hangs or fails is a Failed event, not a hang") {
  TempDir dir;
  writeScript(dir.path / "hangs", "exec sleep 30\n");
  writeScript(dir.path / "fails", "echo 'no such voice' >&2\nexit 3\n");
  writeScript(dir.path / "garbage", "cat > /dev/null; echo 'not a wav file at all'\n");
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "hangs").string();
    config.timeout = 300ms;
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance, 5s));
    CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, said.utterance), Catch::Contains("longer than"));
  }
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "fails").string();
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance));
    CHECK(speech.why(SpeechEvent::Kind::Failed, said.utterance) == "espeak-ng failed (exit 3): no such voice");
  }
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "garbage").string();
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance));
    CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, said.utterance), Catch::Contains("not a RIFF file"));
    CHECK_FALSE(speech.service->speaking());
  }
}

TEST_CASE("without espeak-ng or a sound output, speech is unavailable") {
  services::SpeechConfig config;
  config.espeakCommand = "/nonexistent/espeak-ng";
  Speech missing(KIOSK_DATA_DIR, config);
  CHECK(missing.service->say(kDanish, "da").status == SpeechStatus::Unavailable);
  CHECK_FALSE(missing.service->canSynthesize("da"));

  services::SpeechService silent(nullptr, KIOSK_DATA_DIR, languages());
  CHECK(silent.say(kDanish, "da").status == SpeechStatus::Unavailable);
  silent.stop();
  CHECK_FALSE(silent.speaking());
}
