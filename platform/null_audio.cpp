#include "platform/null_audio.h"

namespace kiosk::platform {

using Clock = std::chrono::steady_clock;

Result<void> NullAudioOutput::play(std::span<const int16_t> pcm, int sampleRate, int channels) {
  if (sampleRate <= 0 || channels <= 0 || pcm.size() % static_cast<size_t>(channels) != 0) {
    return failure("not a whole number of frames of positive rate and channel count");
  }
  uint64_t hash = 14695981039346656037ull;
  for (const int16_t sample : pcm) {
    const auto bits = static_cast<uint16_t>(sample);
    hash = (hash ^ (bits & 0xffu)) * 1099511628211ull;
    hash = (hash ^ (bits >> 8)) * 1099511628211ull;
  }
  PlayedClip clip{sampleRate, channels, pcm.size() / static_cast<size_t>(channels), hash, Clock::now()};
  std::lock_guard lock(mutex_);
  endsAt_ = timing_ == Timing::Instant
                ? clip.at
                : clip.at + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(clip.seconds()));
  played_.push_back(clip);
  return {};
}

void NullAudioOutput::stop() {
  std::lock_guard lock(mutex_);
  if (Clock::now() < endsAt_) ++stops_;
  endsAt_ = {};
}

bool NullAudioOutput::playing() const {
  std::lock_guard lock(mutex_);
  return Clock::now() < endsAt_;
}

void NullAudioOutput::release() {
  std::lock_guard lock(mutex_);
  endsAt_ = {};
  ++releases_;
}

std::vector<PlayedClip> NullAudioOutput::played() const {
  std::lock_guard lock(mutex_);
  return played_;
}

int NullAudioOutput::stops() const {
  std::lock_guard lock(mutex_);
  return stops_;
}

int NullAudioOutput::releases() const {
  std::lock_guard lock(mutex_);
  return releases_;
}

}  // namespace kiosk::platform
