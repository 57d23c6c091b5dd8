#pragma once
// Sound out of the kiosk: read-aloud speech (EN 301 549 clause 5.1.3). One small interface with
// an SDL2 implementation for the real kiosk and a null one (platform/null_audio.h) for headless
// runs and tests. Only platform/ includes SDL headers; kiosk/services/speech drives this.
//
// Calls come from one thread at a time (the speech worker), never from the UI thread: opening or
// closing a sound device can take tens of milliseconds.

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "kiosk/result.h"

namespace kiosk::platform {

class AudioOutput {
 public:
  virtual ~AudioOutput() = default;

  // Replaces whatever is playing with these samples (16-bit signed PCM, channels interleaved) and
  // returns at once: the device plays from its own copy. False, with error set, when no device
  // can take them.
  virtual Result<void> play(std::span<const int16_t> pcm, int sampleRate, int channels) = 0;
  // Silences at once; the device stays ready for the next play().
  virtual void stop() = 0;
  // Something queued has not been heard yet (false once the device is lost: it never will be).
  virtual bool playing() const = 0;
  // The open device went away (unplugged, its sound server ended) — mid-clip or between two:
  // nothing queued will be heard. release() lets go of it; the next play() opens the default
  // device, if there is one then.
  virtual bool lost() const { return false; }
  // Nothing more to play for now: frees the device (an open device costs wake-ups even when
  // silent), until the next play() opens it again.
  virtual void release() {}
};

// SDL2 audio (SDL_OpenAudioDevice + SDL_QueueAudio); the device opens on the first play(). Returns
// nullptr with error set when SDL has no audio driver (no sound card, no sound server): speech
// then says it is unavailable, everything else works. SDL_AUDIODRIVER chooses the driver.
// Destroy it before an SDL window: the window's SDL_Quit ends every SDL subsystem.
Result<std::unique_ptr<AudioOutput>> createSdl2AudioOutput();

}  // namespace kiosk::platform
