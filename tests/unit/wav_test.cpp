// The strict WAV reader (kiosk/services/wav.h) that every recorded prompt and every espeak-ng
// clip goes through: 16-bit PCM read, other chunks skipped, espeak-ng's streamed sizes taken only
// for a stream, and everything malformed refused with a reason — never a crash.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "kiosk/services/wav.h"
#include "wav_fixtures.h"

using namespace kiosk;
using namespace speech_test;

namespace {

std::string refusal(const std::vector<uint8_t>& bytes, services::WavLength length = services::WavLength::Declared) {
  const auto decoded = services::decodeWav(bytes, length);
  if (const auto* error = std::get_if<services::WavError>(&decoded)) return error->reason;
  return {};
}

}  // namespace

TEST_CASE("a 16-bit PCM WAV file is read") {
  const auto samples = tone(16000, 2, 0.25);
  const auto decoded = services::decodeWav(makeWav(samples, WavSpec().withChannels(2)));
  REQUIRE(std::holds_alternative<services::PcmAudio>(decoded));
  const auto& audio = std::get<services::PcmAudio>(decoded);
  CHECK(audio.sampleRate == 16000);
  CHECK(audio.channels == 2);
  CHECK(audio.frames() == 4000);
  CHECK(audio.seconds() == Approx(0.25));
  CHECK(audio.samples == samples);
}

TEST_CASE("chunks other than fmt and data are skipped, pad bytes included") {
  auto wav = makeWav(tone(8000, 1, 0.1));
  // A LIST chunk of odd size (3 bytes + pad) between fmt and data.
  const std::vector<uint8_t> list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
  wav.insert(wav.begin() + 36, list.begin(), list.end());
  const uint32_t riff = static_cast<uint32_t>(wav.size() - 8);
  for (int i = 0; i < 4; ++i) wav[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  CHECK(refusal(wav).empty());
}

TEST_CASE("espeak-ng's streamed sizes are taken as 'to the end' only for a stream") {
  const auto samples = tone(22050, 1, 0.1);
  const auto streamed = makeWav(samples, WavSpec().withRate(22050).withRiffSize(0x7ffff024).withDataSize(0x7ffff000));
  CHECK(refusal(streamed, services::WavLength::Streamed).empty());
  CHECK(std::get<services::PcmAudio>(services::decodeWav(streamed, services::WavLength::Streamed)).samples == samples);
  CHECK_FALSE(refusal(streamed, services::WavLength::Declared).empty());
  // A size that is simply wrong stays wrong in a stream too.
  CHECK_FALSE(refusal(makeWav(samples, WavSpec().withDataSize(0x1000000)), services::WavLength::Streamed).empty());
}

TEST_CASE("a malformed WAV file is refused, saying why") {
  const auto samples = tone(16000, 1, 0.05);
  const auto good = makeWav(samples);
  REQUIRE(refusal(good).empty());

  auto replaced = [&](size_t at, const char* tag) {
    auto b = good;
    std::copy(tag, tag + 4, b.begin() + static_cast<long>(at));
    return b;
  };
  auto cut = [&](size_t size) { return std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(size)); };
  auto withTrailing = good;
  withTrailing.push_back(0);
  withTrailing.push_back(0);
  auto secondData = good;
  {
    std::vector<uint8_t> extra;
    putTag(extra, "data");
    put32(extra, 2);
    put16(extra, 0);
    secondData.insert(secondData.end(), extra.begin(), extra.end());
    const auto riff = static_cast<uint32_t>(secondData.size() - 8);
    for (int i = 0; i < 4; ++i) secondData[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  }
  auto dataFirst = std::vector<uint8_t>(good.begin(), good.begin() + 12);
  {
    putTag(dataFirst, "data");
    put32(dataFirst, 2);
    put16(dataFirst, 0);
    dataFirst.insert(dataFirst.end(), good.begin() + 12, good.end());
    const auto riff = static_cast<uint32_t>(dataFirst.size() - 8);
    for (int i = 0; i < 4; ++i) dataFirst[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  }
  const std::vector<int16_t> none;

  const std::vector<std::pair<std::string, std::vector<uint8_t>>> broken = {
      {"empty", {}},
      {"header cut off", cut(10)},
      {"not RIFF", replaced(0, "RIFX")},
      {"not WAVE", replaced(8, "AVI ")},
      {"no fmt chunk", replaced(12, "junk")},
      {"data chunk renamed", replaced(36, "date")},
      {"cut inside the samples", cut(good.size() - 10)},
      {"cut inside a chunk header", cut(40)},
      {"bytes after the RIFF chunk", withTrailing},
      {"RIFF size too large", makeWav(samples, WavSpec().withRiffSize(100000))},
      {"data size too large", makeWav(samples, WavSpec().withRiffSize(static_cast<uint32_t>(good.size() - 8)).withDataSize(1000000))},
      {"odd data size", makeWav(samples, WavSpec().withRiffSize(static_cast<uint32_t>(good.size() - 8)).withDataSize(99))},
      {"8-bit", makeWav(samples, WavSpec().withBits(8))},
      {"24-bit", makeWav(samples, WavSpec().withBits(24))},
      {"IEEE float", makeWav(samples, WavSpec().withFormatTag(3))},
      {"A-law", makeWav(samples, WavSpec().withFormatTag(6))},
      {"no channels", makeWav(samples, WavSpec().withChannels(0))},
      {"six channels", makeWav(tone(16000, 6, 0.01), WavSpec().withChannels(6))},
      {"block align disagrees", makeWav(samples, WavSpec().withBlockAlign(4))},
      {"byte rate disagrees", makeWav(samples, WavSpec().withByteRate(12345))},
      {"sample rate 0", makeWav(samples, WavSpec().withRate(0))},
      {"sample rate 1 MHz", makeWav(samples, WavSpec().withRate(1000000))},
      {"no samples", makeWav(none)},
      {"a second data chunk", secondData},
      {"data before fmt", dataFirst},
  };
  for (const auto& [what, bytes] : broken) {
    INFO(what);
    CHECK_FALSE(refusal(bytes).empty());
  }
}

TEST_CASE("every cut and every mangled byte of a WAV file is refused or read, never a crash") {
  const auto good = makeWav(tone(16000, 1, 0.01));
  for (size_t size = 0; size < good.size(); ++size) {
    INFO(size);
    CHECK_FALSE(refusal(std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(size))).empty());
  }
  std::mt19937 random(6);
  for (int round = 0; round < 20000; ++round) {
    auto bytes = good;
    const int flips = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < flips; ++i) bytes[random() % 48] = static_cast<uint8_t>(random());
    const auto decoded = services::decodeWav(bytes, round % 2 ? services::WavLength::Streamed : services::WavLength::Declared);
    if (const auto* audio = std::get_if<services::PcmAudio>(&decoded)) {
      CHECK(audio->frames() > 0);
      CHECK(audio->samples.size() * 2 <= bytes.size());
    }
  }
}
