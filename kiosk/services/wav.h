#pragma once
// Strict reading of RIFF/WAVE files holding 16-bit PCM: espeak-ng's output and the recorded
// prompts. Anything else — another encoding or bit depth, a chunk running past the end, a
// missing or repeated fmt or data chunk, a header that disagrees with itself — is a WavError
// saying what is wrong, never a crash and never a half-read clip. Chunks other than fmt and data
// (LIST, fact, ...) are skipped.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace kiosk::services {

struct PcmAudio {
  int sampleRate = 0;
  int channels = 0;
  std::vector<int16_t> samples;  // interleaved

  size_t frames() const { return channels > 0 ? samples.size() / static_cast<size_t>(channels) : 0; }
  double seconds() const { return sampleRate > 0 ? static_cast<double>(frames()) / sampleRate : 0.0; }
};

struct WavError {
  std::string reason;  // e.g. "the data chunk runs past the end of the file"
};

enum class WavLength {
  // A file: the RIFF and data sizes must be the file's own.
  Declared,
  // A stream that could not go back to write its sizes — espeak-ng --stdout writes placeholders
  // (0x7ffff000, as do others 0xffffffff or 0): the last chunk, data, then runs to the end. Only
  // those placeholders are taken that way; any other size must still be right.
  Streamed,
};

// About 3 minutes of 48 kHz stereo, 12 of espeak-ng's 22 kHz mono: far more than one screen.
inline constexpr size_t kMaxWavBytes = 32u << 20;

using WavDecoded = std::variant<PcmAudio, WavError>;

WavDecoded decodeWav(std::span<const uint8_t> bytes, WavLength length = WavLength::Declared);

}  // namespace kiosk::services
