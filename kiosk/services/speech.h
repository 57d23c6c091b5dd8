#pragma once
// Read-aloud speech (EN 301 549 clause 5.1.3): a text spoken in the citizen's language, for a
// citizen who cannot read the screen.
//
// Synthesis is espeak-ng, run as a separate process per text: `espeak-ng --stdout -b 1 -v VOICE
// -s WPM` with the text on its stdin — never on its command line, where `ps` would show it — and
// its WAV read from its stdout into memory: nothing is written to disk, nothing is logged, and
// the text and its sound are overwritten with zeros once played (copies inside the sound
// server are not chased). The voice is the language's `voice` in i18n/languages.json; a language
// without one (Somali, Tigrinya) is never read in another language's voice: say() answers
// NoVoice, so the screen can show that read-aloud is not available in that language.
//
// A recorded prompt, <data-dir>/i18n/<lang>/audio/<key>.wav (16-bit PCM WAV, optional), wins over
// synthesis for sayKey(). Which prompts exist is listed once, at construction, so that NoVoice
// can be answered at once; the file itself is read on the worker. A prompt that turns out
// malformed is reported (PromptRefused) and the text synthesised instead when there is a voice.
// Prompts play at their own pace whatever the rate.
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
  NoVoice,          // the language has no voice (and this key no recorded prompt): show a hint
  UnknownLanguage,  // not in languages.json
  NothingToSay,     // the text is empty or only spaces
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
    Cancelled,      // a later say() or stop() ended it
    Failed,         // why says what (espeak-ng failed, timed out, no sound device, ...)
    PromptRefused,  // its recorded prompt is malformed (why names the file); synthesis follows
                    // if the language has a voice, else a Failed event
  };
  Kind kind = Kind::Failed;
  uint64_t utterance = 0;
  std::string why;  // never holds the text
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

  // Cancels whatever is being said, then starts text in language (a code from languages.json).
  // Only Started has anything to wait for.
  SpeechResult say(std::string text, std::string_view language, SpeechRate rate = SpeechRate::Normal);
  // The same for one catalog string: its recorded prompt if there is one, else text synthesised.
  SpeechResult sayKey(std::string_view key, std::string text, std::string_view language,
                      SpeechRate rate = SpeechRate::Normal);
  // Silence: cancels what is being said and anything waiting. Returns at once.
  void stop();

  // Something asked for is still being prepared or heard (false at once after stop()).
  bool speaking() const;
  // Whether say() could speak this language at all: it has a voice, espeak-ng and a sound
  // output are there. (sayKey may still speak a voiceless language from recorded prompts.)
  bool canSynthesize(std::string_view language) const;
  // What happened since the last call, oldest first.
  std::vector<SpeechEvent> drain();

 private:
  struct Worker;
  std::unique_ptr<Worker> worker_;
};

std::string_view speechStatusName(SpeechStatus status);

}  // namespace kiosk::services
