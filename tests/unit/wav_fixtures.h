#pragma once
// WAV files made byte by byte for the tests — as a writer would make them, or with any size
// overridden to make them wrong — and a tone to put in them.

#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

namespace speech_test {

inline void put16(std::vector<uint8_t>& b, uint32_t v) {
  b.push_back(static_cast<uint8_t>(v));
  b.push_back(static_cast<uint8_t>(v >> 8));
}
inline void put32(std::vector<uint8_t>& b, uint32_t v) {
  put16(b, v & 0xffff);
  put16(b, v >> 16);
}
inline void putTag(std::vector<uint8_t>& b, const char* tag) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(tag[i]));
}

struct WavSpec {
  uint16_t formatTag = 1;
  uint16_t channels = 1;
  uint32_t rate = 16000;
  uint16_t bits = 16;
  std::optional<uint16_t> blockAlign;
  std::optional<uint32_t> byteRate;
  std::optional<uint32_t> riffSize;
  std::optional<uint32_t> dataSize;

  WavSpec& withFormatTag(uint16_t v) { formatTag = v; return *this; }
  WavSpec& withChannels(uint16_t v) { channels = v; return *this; }
  WavSpec& withRate(uint32_t v) { rate = v; return *this; }
  WavSpec& withBits(uint16_t v) { bits = v; return *this; }
  WavSpec& withBlockAlign(uint16_t v) { blockAlign = v; return *this; }
  WavSpec& withByteRate(uint32_t v) { byteRate = v; return *this; }
  WavSpec& withRiffSize(uint32_t v) { riffSize = v; return *this; }
  WavSpec& withDataSize(uint32_t v) { dataSize = v; return *this; }
};

// A WAV file as a writer would make it, with every size overridable to make it wrong.
inline std::vector<uint8_t> makeWav(const std::vector<int16_t>& samples, const WavSpec& spec = {}) {
  const uint16_t blockAlign = spec.blockAlign.value_or(static_cast<uint16_t>(spec.channels * spec.bits / 8));
  std::vector<uint8_t> data;
  for (const int16_t s : samples) put16(data, static_cast<uint16_t>(s));
  std::vector<uint8_t> b;
  putTag(b, "RIFF");
  put32(b, spec.riffSize.value_or(static_cast<uint32_t>(4 + 8 + 16 + 8 + data.size())));
  putTag(b, "WAVE");
  putTag(b, "fmt ");
  put32(b, 16);
  put16(b, spec.formatTag);
  put16(b, spec.channels);
  put32(b, spec.rate);
  put32(b, spec.byteRate.value_or(spec.rate * blockAlign));
  put16(b, blockAlign);
  put16(b, spec.bits);
  putTag(b, "data");
  put32(b, spec.dataSize.value_or(static_cast<uint32_t>(data.size())));
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

// A 440 Hz sine at about a quarter of full scale, the same in every channel.
inline std::vector<int16_t> tone(int rate, int channels, double seconds) {
  std::vector<int16_t> samples;
  const int frames = static_cast<int>(rate * seconds);
  for (int i = 0; i < frames; ++i) {
    const auto v = static_cast<int16_t>(8000 * std::sin(2 * M_PI * 440.0 * i / rate));
    for (int c = 0; c < channels; ++c) samples.push_back(v);
  }
  return samples;
}

}  // namespace speech_test
