// SDL2 audio output: a queued device (no callback of ours), opened on the first play() in the
// clip's own format — SDL converts to whatever the hardware wants — and closed by release(), so an
// idle kiosk keeps no sound device open and its audio thread asleep.

#include <SDL.h>

#include <chrono>
#include <optional>

#include "platform/audio.h"

namespace kiosk::platform {
namespace {

using Clock = std::chrono::steady_clock;

class Sdl2AudioOutput final : public AudioOutput {
 public:
  ~Sdl2AudioOutput() override {
    close();
    if (started_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
  }

  bool start(std::string& error) {
    // As in the SDL2 window: SIGTERM must end the process. Without the GLFW window's SDL
    // (sound only), SDL's first init would otherwise catch SIGTERM and turn it into an SDL_QUIT
    // nobody reads, and the kiosk would not stop.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
      error = std::string("SDL has no audio: ") + SDL_GetError();
      return false;
    }
    started_ = true;
    return true;
  }

  Result<void> play(std::span<const int16_t> pcm, int sampleRate, int channels) override {
    if (sampleRate <= 0 || channels <= 0 || channels > 8 || pcm.size() % static_cast<size_t>(channels) != 0 ||
        pcm.size_bytes() > 0x7fffffffu) {
      return failure("not a clip SDL can queue");
    }
    if (device_ != 0 && (sampleRate != rate_ || channels != channels_ || lost())) close();
    std::string error;
    if (device_ == 0 && !open(sampleRate, channels, error)) return failure(error);
    SDL_ClearQueuedAudio(device_);
    if (SDL_QueueAudio(device_, pcm.data(), static_cast<Uint32>(pcm.size_bytes())) != 0) {
      return failure(std::string("SDL could not queue audio: ") + SDL_GetError());
    }
    drainedAt_.reset();
    SDL_PauseAudioDevice(device_, 0);
    return {};
  }

  void stop() override {
    if (device_ == 0) return;
    SDL_PauseAudioDevice(device_, 1);
    SDL_ClearQueuedAudio(device_);
    drainedAt_ = Clock::time_point{};  // long past: nothing left to hear
  }

  bool playing() const override {
    if (device_ == 0 || lost()) return false;
    if (SDL_GetQueuedAudioSize(device_) > 0) return true;
    // The queue is empty once SDL has taken the last buffer; the device still plays it.
    if (!drainedAt_) drainedAt_ = Clock::now();
    return Clock::now() < *drainedAt_ + tail_;
  }

  // A device SDL found gone while open (SDL_OpenedAudioDeviceDisconnected) is STOPPED, neither
  // playing nor paused, and its queue no longer drains: without this, what was queued would seem
  // to be playing for ever. The window hears of it too (SDL_AUDIODEVICEREMOVED), but only the
  // SDL2 window reads SDL's events: under GLFW, or headless, this is the only sign.
  bool lost() const override { return device_ != 0 && SDL_GetAudioDeviceStatus(device_) == SDL_AUDIO_STOPPED; }

  void release() override { close(); }

 private:
  bool open(int sampleRate, int channels, std::string& error) {
    SDL_AudioSpec want{}, have{};
    want.freq = sampleRate;
    want.format = AUDIO_S16SYS;
    want.channels = static_cast<Uint8>(channels);
    want.samples = 1024;  // ~46 ms at espeak-ng's 22050 Hz: small enough to stop at once
    want.callback = nullptr;  // queued: SDL_QueueAudio
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (device_ == 0) {
      error = std::string("no sound device: ") + SDL_GetError();
      return false;
    }
    rate_ = sampleRate;
    channels_ = channels;
    // Two device buffers: the one being played and the one SDL has just handed over.
    tail_ = std::chrono::milliseconds(2 * 1000 * have.samples / have.freq);
    return true;
  }

  void close() {
    if (device_ != 0) SDL_CloseAudioDevice(device_);
    device_ = 0;
    drainedAt_.reset();
  }

  bool started_ = false;
  SDL_AudioDeviceID device_ = 0;
  int rate_ = 0, channels_ = 0;
  std::chrono::milliseconds tail_{0};
  mutable std::optional<Clock::time_point> drainedAt_;
};

}  // namespace

Result<std::unique_ptr<AudioOutput>> createSdl2AudioOutput() {
  auto output = std::make_unique<Sdl2AudioOutput>();
  std::string error;
  if (!output->start(error)) return failure(error);
  return std::unique_ptr<AudioOutput>(std::move(output));
}

}  // namespace kiosk::platform
