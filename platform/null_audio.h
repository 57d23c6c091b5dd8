#pragma once
// Audio output with no device: for headless runs and tests. It records what it was asked to play
// (format, length, a fingerprint of the samples, when) and keeps no samples — speech may hold a
// citizen's meeting details. A clip "plays" for its own duration by the steady clock unless the
// output is instant, so speaking() and cancellation behave as on a real kiosk.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "platform/audio.h"

namespace kiosk::platform {

struct PlayedClip {
  int sampleRate = 0;
  int channels = 0;
  size_t frames = 0;         // samples per channel
  uint64_t fingerprint = 0;  // FNV-1a of the samples: tells two clips apart without keeping them
  std::chrono::steady_clock::time_point at;  // when play() was called

  double seconds() const { return sampleRate > 0 ? static_cast<double>(frames) / sampleRate : 0.0; }
};

class NullAudioOutput final : public AudioOutput {
 public:
  enum class Timing { RealTime, Instant };
  explicit NullAudioOutput(Timing timing = Timing::RealTime) : timing_(timing) {}

  Result<void> play(std::span<const int16_t> pcm, int sampleRate, int channels) override;
  void stop() override;
  bool playing() const override;
  void release() override;

  // Thread-safe: for tests reading while the speech worker plays.
  std::vector<PlayedClip> played() const;
  int stops() const;     // stop() calls that silenced something still playing
  int releases() const;

 private:
  Timing timing_;
  mutable std::mutex mutex_;
  std::vector<PlayedClip> played_;
  std::chrono::steady_clock::time_point endsAt_{};
  int stops_ = 0, releases_ = 0;
};

}  // namespace kiosk::platform
