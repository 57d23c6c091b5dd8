// libFuzzer target for the WAV reader (kiosk/services/wav.h), which reads espeak-ng's output and
// the recorded prompts on the kiosk's disk: any bytes in, a clip or a refusal saying why out —
// never a crash, a hang or undefined behaviour. Every input is read both as a file and as a
// stream. A clip that comes out must be one the audio output can take as it is.
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>

#include "kiosk/services/wav.h"

using kiosk::services::PcmAudio;
using kiosk::services::WavError;
using kiosk::services::WavLength;

namespace {

// RIFF header (12) + fmt chunk (8 + 16) + data chunk header (8): no clip comes from fewer bytes.
constexpr size_t kSmallestHeader = 44;

void check(const PcmAudio& audio, size_t inputSize) {
  if (audio.channels < 1 || audio.channels > 2) __builtin_trap();
  if (audio.sampleRate < 8000 || audio.sampleRate > 96000) __builtin_trap();
  if (audio.samples.empty()) __builtin_trap();
  if (audio.samples.size() % static_cast<size_t>(audio.channels) != 0) __builtin_trap();
  if (audio.frames() * static_cast<size_t>(audio.channels) != audio.samples.size()) __builtin_trap();
  if (audio.samples.size() * 2 > inputSize - kSmallestHeader) __builtin_trap();  // every sample was in the input
  if (!(audio.seconds() > 0.0)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> bytes(data, size);
  const auto asFile = kiosk::services::decodeWav(bytes, WavLength::Declared);
  const auto asStream = kiosk::services::decodeWav(bytes, WavLength::Streamed);
  for (const auto* decoded : {&asFile, &asStream}) {
    if (const auto* error = std::get_if<WavError>(decoded)) {
      if (error->reason.empty()) __builtin_trap();  // a refusal must say why
    } else {
      if (size < kSmallestHeader) __builtin_trap();
      check(std::get<PcmAudio>(*decoded), size);
    }
  }
  // A stream may leave its sizes unwritten, nothing more: what a file may be, a stream may be too,
  // and it reads the same.
  if (const auto* file = std::get_if<PcmAudio>(&asFile)) {
    const auto* stream = std::get_if<PcmAudio>(&asStream);
    if (!stream || stream->samples != file->samples || stream->sampleRate != file->sampleRate ||
        stream->channels != file->channels) {
      __builtin_trap();
    }
  }
  return 0;
}
