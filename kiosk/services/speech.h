#pragma once
// Read-aloud speech (EN 301 549 clause 5.1.3): a text spoken in the citizen's language, for a
// citizen who cannot read the screen.
//
// Synthesis is espeak-ng, run as a separate process per stretch of text: `espeak-ng --stdout -b 1 -v VOICE
// -s WPM` with the text on its stdin — never on its command line, where `ps` would show it — and
// its WAV read from its stdout into memory: nothing is written to disk, nothing is logged, and
// the text and its sound are overwritten with zeros once played (copies inside the sound
// server are not chased). The voice is the language's `voice` in i18n/languages.json; a language
// without one (Somali, Tigrinya) is never read in another language's voice: say() answers
// NoVoice, so the screen can show that read-aloud is not available in that language.
//
// A screen is spoken in parts (SpokenPart: a catalog key and its text, in the order heard), so
// that recorded prompts, <data-dir>/assets/prompts/<lang>/<key>.wav (16-bit PCM WAV, optional), can
// stand for the parts that have one while the rest — a date, a name, a string without a
// recording — is synthesised. Consecutive parts without a prompt are joined by spaces into one
// espeak-ng run: a screen without prompts still costs one process. Which prompts exist is listed once, at construction, so that NoVoice
// can be answered at once (a voiceless language is spoken only when every part has a prompt); the
// files themselves are read on the worker. A prompt that turns out malformed is reported
// (PromptRefused) and its part synthesised on its own instead when there is a voice. Prompts play
// at their own pace whatever the rate.
//
// Clips are heard one after the other: a prompt and espeak-ng's output may differ in sample rate
// and channels, so each is played only once the one before has been heard. The next is rendered
// while one plays, so espeak-ng's start-up mostly falls inside the clip before. Cancelling stops the sound
// at once, within a clip or between two.
//
// Volume scales the samples before they reach the device (the kiosk's own volume, not the
// system's: the app resets it when a session ends). A sound device plugged in or out —
// headphones — makes the worker let go of the device it holds, so that the next clip opens the
// default one, which is then the headphones; what is being heard at that moment is cancelled
// rather than left to finish on the loudspeaker. A device that goes away while it plays (the
// output says it is lost) ends the utterance as Failed, the worker lets go of it, and read
// aloud is unavailable until a clip plays again.
//
// Threads: everything here is called on the UI thread and returns at once. One worker thread
// runs espeak-ng, reads prompts and feeds the audio output; the UI thread never waits on a
// process or a device. A new say() cancels the one in progress — the espeak-ng process killed
// (its whole process group, SIGKILL, reaped), the sound stopped — and stop() stops everything.
// Results come back as events the UI thread takes with drain(), once per frame.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/languages.h"
#include "platform/audio.h"

namespace kiosk::services {

enum class SpeechRate { Normal, Slow };

enum class SpeechStatus {
  Started,          // on its way: events for it follow in drain()
  NoVoice,          // the language has no voice, and some part no recorded prompt: show a hint
  UnknownLanguage,  // not in languages.json
  NothingToSay,     // every text is empty or only spaces (and has no recorded prompt)
  Unavailable,      // no audio output, or espeak-ng is not installed (and no recorded prompt)
};

struct SpeechResult {
  SpeechStatus status = SpeechStatus::Unavailable;
  uint64_t utterance = 0;  // Started: the id its events carry

  bool started() const { return status == SpeechStatus::Started; }
};

struct SpeechEvent {
  enum class Kind {
    Finished,       // it has all been heard
    Cancelled,      // a later say() or stop() ended it, or a sound device came or went (why
                    // says so then)
    Failed,         // why says what (espeak-ng failed, timed out, no sound device, ...)
    PromptRefused,  // its recorded prompt is malformed (why names the file); synthesis follows
                    // if the language has a voice, else a Failed event
  };
  Kind kind = Kind::Failed;
  uint64_t utterance = 0;
  std::string why;  // never holds the text
};

// One piece of what a screen says. key: its catalog key, whose recorded prompt is played if
// there is one; empty for text that has no key (a date, a name). text: what is shown, synthesised
// when there is no prompt.
struct SpokenPart {
  std::string key;
  std::string text;
  // Said in this language's voice instead of the utterance's (a language's own name on the
  // language screen: "العربية" in Arabic). Empty, unknown or voiceless: the utterance's voice.
  std::string language = {};
};

struct SpeechConfig {
  std::string espeakCommand = "espeak-ng";   // looked up on PATH unless it holds a '/'
  std::chrono::milliseconds timeout{10000};  // for espeak-ng to render one text
  // espeak-ng's own default is 175 words a minute; a little slower suits listeners with little
  // Danish, and "slower" is three quarters of that.
  int normalWordsPerMinute = 160;
  int slowWordsPerMinute = 120;
  std::function<void()> wakeUi;  // called from the worker when an event is ready (Window::wake)
};

class SpeechService {
 public:
  // audio may be null (no sound device): every say() is then Unavailable. languages is copied.
  SpeechService(std::unique_ptr<platform::AudioOutput> audio, std::filesystem::path dataDir,
                const i18n::LanguageList& languages, SpeechConfig config = {});
  // Kills a running espeak-ng, silences the output and joins the worker; no events follow.
  ~SpeechService();
  SpeechService(const SpeechService&) = delete;
  SpeechService& operator=(const SpeechService&) = delete;

  // Cancels whatever is being said, then starts parts in language (a code from languages.json),
  // heard in order: a part with a recorded prompt plays it, each run of parts without one is one
  // espeak-ng run. Parts whose text is blank and that have no prompt are left out. Only Started
  // has anything to wait for. The texts are wiped once spoken (or at once, when not Started).
  SpeechResult say(std::vector<SpokenPart> parts, std::string_view language, SpeechRate rate = SpeechRate::Normal);
  // The same for one text without a key, and for one catalog string.
  SpeechResult say(std::string text, std::string_view language, SpeechRate rate = SpeechRate::Normal);
  SpeechResult sayKey(std::string_view key, std::string text, std::string_view language,
                      SpeechRate rate = SpeechRate::Normal);
  // Silence: cancels what is being said and anything waiting. Returns at once.
  void stop();

  // 0..100 (clamped; 100, the default, leaves the samples as rendered, 0 is silence): each sample
  // scaled, rounded and saturated; for every utterance started after the call.
  void setVolume(int percent);
  int volume() const;
  // A sound device was plugged in or out (SDL_AUDIODEVICEADDED/REMOVED): the worker lets go of
  // the output at its next chance so the next clip opens the default device, and what is being
  // heard now is cancelled. Something asked for but not heard yet plays on the new device.
  // Returns at once.
  void audioDevicesChanged();
  // The sound output failed (its device went away, or none could be opened): read aloud shows as
  // unavailable (canSynthesize) until a device change, a clip that plays — say() still tries — or
  // this: a new citizen is offered read aloud again, where no window reports devices plugged in.
  void retryOutput();

  // Something asked for is still being prepared or heard (false at once after stop()).
  bool speaking() const;
  // Whether say() could speak this language at all: it has a voice, espeak-ng and a sound
  // output are there, and the output did not fail at the last try. (say() may still speak a
  // voiceless language from recorded prompts.)
  bool canSynthesize(std::string_view language) const;
  // What happened since the last call, oldest first.
  std::vector<SpeechEvent> drain();

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

std::string_view speechStatusName(SpeechStatus status);

}  // namespace kiosk::services
