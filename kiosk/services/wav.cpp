#include "kiosk/services/wav.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace kiosk::services {
namespace {

uint16_t u16(std::span<const uint8_t> b, size_t at) { return static_cast<uint16_t>(b[at] | (b[at + 1] << 8)); }

uint32_t u32(std::span<const uint8_t> b, size_t at) {
  return static_cast<uint32_t>(b[at]) | (static_cast<uint32_t>(b[at + 1]) << 8) | (static_cast<uint32_t>(b[at + 2]) << 16) |
         (static_cast<uint32_t>(b[at + 3]) << 24);
}

bool tagIs(std::span<const uint8_t> b, size_t at, const char (&tag)[5]) { return std::memcmp(b.data() + at, tag, 4) == 0; }

std::string tagText(std::span<const uint8_t> b, size_t at) {
  std::string text;
  for (size_t i = 0; i < 4; ++i) {
    const uint8_t c = b[at + i];
    text += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
  }
  return text;
}

// The sizes a writer puts in when it cannot seek back (espeak-ng: 0x7ffff000 and 0x7ffff024).
bool isStreamPlaceholder(uint32_t size) { return size == 0 || size >= 0x7ffff000u; }

WavError error(std::string reason) { return {std::move(reason)}; }

struct Format {
  int channels = 0;
  int sampleRate = 0;
  size_t blockAlign = 0;
};

// KSDATAFORMAT_SUBTYPE_PCM, as WAVE_FORMAT_EXTENSIBLE stores it.
constexpr std::array<uint8_t, 16> kPcmSubformat = {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
                                                  0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71};

std::variant<Format, WavError> readFormat(std::span<const uint8_t> fmt) {
  if (fmt.size() < 16) return error("the fmt chunk is " + std::to_string(fmt.size()) + " bytes, less than 16");
  const uint16_t tag = u16(fmt, 0);
  const uint16_t channels = u16(fmt, 2);
  const uint32_t rate = u32(fmt, 4);
  const uint32_t byteRate = u32(fmt, 8);
  const uint16_t blockAlign = u16(fmt, 12);
  const uint16_t bits = u16(fmt, 14);
  if (tag == 0xfffe) {
    if (fmt.size() < 40 || u16(fmt, 16) < 22) return error("an extensible fmt chunk that is too short");
    if (!std::equal(kPcmSubformat.begin(), kPcmSubformat.end(), fmt.begin() + 24)) return error("extensible, but not PCM");
    if (u16(fmt, 18) != bits) return error("valid bits per sample differ from the container's");
  } else if (tag != 1) {
    return error("not PCM (format tag " + std::to_string(tag) + ")");
  }
  if (bits != 16) return error(std::to_string(bits) + "-bit samples: only 16-bit PCM is read");
  if (channels < 1 || channels > 2) return error(std::to_string(channels) + " channels: only mono or stereo");
  if (rate < 8000 || rate > 96000) return error("a sample rate of " + std::to_string(rate) + " Hz");
  if (blockAlign != channels * 2u) return error("block align " + std::to_string(blockAlign) + " does not match the channels");
  if (byteRate != rate * blockAlign) return error("byte rate " + std::to_string(byteRate) + " does not match the sample rate");
  return Format{channels, static_cast<int>(rate), blockAlign};
}

}  // namespace

WavDecoded decodeWav(std::span<const uint8_t> bytes, WavLength length) {
  if (bytes.size() > kMaxWavBytes) return error("larger than " + std::to_string(kMaxWavBytes >> 20) + " MiB");
  if (bytes.size() < 12) return error("too short for a RIFF header");
  if (!tagIs(bytes, 0, "RIFF")) return error("not a RIFF file");
  if (!tagIs(bytes, 8, "WAVE")) return error("a RIFF file, but not WAVE");

  const bool streamed = length == WavLength::Streamed;
  const uint32_t riffSize = u32(bytes, 4);
  size_t end = bytes.size();
  if (!(streamed && isStreamPlaceholder(riffSize) && riffSize + size_t{8} > bytes.size())) {
    const size_t declaredEnd = riffSize + size_t{8};
    if (riffSize < 4) return error("a RIFF size of " + std::to_string(riffSize));
    if (declaredEnd > bytes.size()) return error("the RIFF chunk runs past the end of the file");
    // A RIFF chunk of odd size is followed by a pad byte; anything else after it is not ours.
    if (bytes.size() != declaredEnd && !(riffSize % 2 == 1 && bytes.size() == declaredEnd + 1)) {
      return error(std::to_string(bytes.size() - declaredEnd) + " bytes after the RIFF chunk");
    }
    end = declaredEnd;
  }

  std::optional<Format> format;
  std::optional<std::span<const uint8_t>> data;
  size_t offset = 12;
  while (offset < end) {
    if (end - offset < 8) return error("a chunk header is cut off at byte " + std::to_string(offset));
    const std::string id = tagText(bytes, offset);
    size_t size = u32(bytes, offset + 4);
    const size_t body = offset + 8;
    if (streamed && id == "data" && isStreamPlaceholder(static_cast<uint32_t>(size)) && size > end - body) {
      size = end - body;  // a stream's samples run to its end
    }
    if (size > end - body) return error("the '" + id + "' chunk runs past the end of the file");
    const auto chunk = bytes.subspan(body, size);
    if (id == "fmt ") {
      if (format) return error("a second fmt chunk");
      if (data) return error("the fmt chunk comes after the data");
      auto read = readFormat(chunk);
      if (auto* why = std::get_if<WavError>(&read)) return *why;
      format = std::get<Format>(read);
    } else if (id == "data") {
      if (!format) return error("the data chunk comes before the fmt chunk");
      if (data) return error("a second data chunk");
      data = chunk;
    }
    const size_t next = body + size + (size % 2);
    if (next > end) return error("the pad byte after the '" + id + "' chunk is missing");
    offset = next;
  }
  if (!format) return error("no fmt chunk");
  if (!data) return error("no data chunk");
  if (data->empty()) return error("no samples");
  if (data->size() % format->blockAlign != 0) return error("the data is not a whole number of sample frames");

  PcmAudio audio;
  audio.sampleRate = format->sampleRate;
  audio.channels = format->channels;
  audio.samples.resize(data->size() / 2);
  for (size_t i = 0; i < audio.samples.size(); ++i) audio.samples[i] = static_cast<int16_t>(u16(*data, 2 * i));
  return audio;
}

}  // namespace kiosk::services
