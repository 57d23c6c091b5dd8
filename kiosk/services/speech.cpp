// [SECTION] Index: names and the prompt list, parts into segments, rendering a segment, the worker,
// UI side.

#include "kiosk/services/speech.h"

#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <utility>
#include <variant>

#include "kiosk/services/child_process.h"
#include "kiosk/services/wav.h"

namespace kiosk::services {

std::string_view speechStatusName(SpeechStatus status) {
  switch (status) {
    case SpeechStatus::Started: return "started";
    case SpeechStatus::NoVoice: return "no voice";
    case SpeechStatus::UnknownLanguage: return "unknown language";
    case SpeechStatus::NothingToSay: return "nothing to say";
    case SpeechStatus::Unavailable: return "unavailable";
  }
  return "unavailable";
}

namespace {

using namespace std::chrono_literals;

// [SECTION] Names and the prompt list

// Catalog keys and language codes become file names: letters, digits, '.', '_', '-', and never a
// leading dot (no "..", no hidden files) or dash.
bool safeFileStem(std::string_view name) {
  if (name.empty() || name.size() > 128 || name.front() == '.' || name.front() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// An espeak-ng voice name ("da", "en-gb", "gmw/en", "en+f3"); never something that reads as an option.
bool safeVoiceName(std::string_view voice) {
  if (voice.empty() || voice.size() > 64 || voice.front() == '-') return false;
  return std::all_of(voice.begin(), voice.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '+' || c == '/';
  });
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// A language's recorded prompts: <data-dir>/assets/prompts/<lang>/<key>.wav.
std::filesystem::path promptFolder(const std::filesystem::path& dataDir, std::string_view language) {
  return dataDir / "assets" / "prompts" / std::string(language);
}

// Recorded prompts by language: the keys that have a file in the language's prompt folder.
using PromptIndex = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

PromptIndex listPrompts(const std::filesystem::path& dataDir, const i18n::LanguageList& languages) {
  PromptIndex index;
  for (const auto& language : languages.languages) {
    if (!safeFileStem(language.code)) continue;
    std::error_code error;
    const auto folder = promptFolder(dataDir, language.code);
    if (!std::filesystem::is_directory(folder, error)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
      const auto name = entry.path().filename();
      if (name.extension() != ".wav" || !entry.is_regular_file(error)) continue;
      const std::string key = name.stem().string();
      if (safeFileStem(key)) index[language.code].insert(key);
    }
  }
  return index;
}

// [SECTION] Parts into segments

// What is heard as one clip: a recorded prompt, or a stretch of text for one espeak-ng run.
struct Segment {
  std::optional<std::filesystem::path> prompt;
  std::string text;   // a prompt's own words (synthesised if the prompt is refused), or the stretch
  std::string voice;  // empty: the job's
};

struct Job {
  uint64_t id = 0;
  std::string language;
  std::string voice;  // empty: the language has none (recorded prompts are all there is)
  int wordsPerMinute = 160;
  int volume = 100;
  std::vector<Segment> segments;  // in the order heard
};

void wipeJob(Job& job) {
  for (auto& segment : job.segments) wipeString(segment.text);
  job.segments.clear();
}

// A part with a recorded prompt is a segment of its own; consecutive parts without one and in the
// same voice are one segment, their texts joined by spaces; a blank part without a prompt is left
// out. Every buffer is sized before it is filled, so no reallocation leaves a copy of a text
// behind (the caller wipes the parts). voiceOf: a part's own voice, empty for the job's.
std::vector<Segment> segmentsOf(const std::vector<SpokenPart>& parts, const std::filesystem::path& promptFolder,
                                const std::set<std::string, std::less<>>* prompts,
                                const std::function<std::string(const SpokenPart&)>& voiceOf) {
  std::vector<std::optional<std::filesystem::path>> promptOf(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto& key = parts[i].key;
    if (prompts && safeFileStem(key) && prompts->count(key)) promptOf[i] = promptFolder / (key + ".wav");
  }
  std::vector<Segment> segments;
  segments.reserve(parts.size());
  for (size_t i = 0; i < parts.size();) {
    if (promptOf[i]) {
      Segment& segment = segments.emplace_back();
      segment.prompt = std::move(promptOf[i]);
      segment.text.reserve(parts[i].text.size());
      segment.text.append(parts[i].text);
      ++i;
      continue;
    }
    const std::string voice = voiceOf(parts[i]);
    size_t runEnd = i, length = 0;
    for (; runEnd < parts.size() && !promptOf[runEnd] && voiceOf(parts[runEnd]) == voice; ++runEnd) {
      if (!blank(parts[runEnd].text)) length += parts[runEnd].text.size() + 1;
    }
    if (length > 0) {
      Segment& segment = segments.emplace_back();
      segment.voice = voice;
      segment.text.reserve(length);
      for (; i < runEnd; ++i) {
        if (blank(parts[i].text)) continue;
        if (!segment.text.empty()) segment.text += ' ';
        segment.text.append(parts[i].text);
      }
    }
    i = runEnd;
  }
  return segments;
}

// Each sample times percent / 100, rounded half away from zero and held to 16 bits; 100 leaves
// the samples as they are.
void applyVolume(std::vector<int16_t>& samples, int percent) {
  if (percent >= 100) return;
  for (auto& sample : samples) {
    const int32_t scaled = int32_t{sample} * percent;
    const int32_t rounded = (scaled + (scaled < 0 ? -50 : 50)) / 100;
    sample = static_cast<int16_t>(std::clamp<int32_t>(rounded, INT16_MIN, INT16_MAX));
  }
}

// [SECTION] Rendering a segment

struct Cancelled {};
struct Failure {
  std::string why;
};
struct NothingToHear {};  // a refused prompt whose part has no text to synthesise instead
using Rendered = std::variant<PcmAudio, Cancelled, Failure, NothingToHear>;

void wipeSamples(PcmAudio& audio) {
  if (!audio.samples.empty()) explicit_bzero(audio.samples.data(), audio.samples.size() * sizeof(int16_t));
  audio.samples.clear();
}

std::variant<PcmAudio, std::string> readPrompt(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::string("cannot be opened");
  in.seekg(0, std::ios::end);
  const auto size = static_cast<long long>(in.tellg());
  if (size < 0) return std::string("cannot be read");
  if (static_cast<unsigned long long>(size) > kMaxWavBytes) return std::string("is larger than a prompt may be");
  in.seekg(0);
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) return std::string("cannot be read");
  auto decoded = decodeWav(bytes);
  if (auto* error = std::get_if<WavError>(&decoded)) return error->reason;
  return std::move(std::get<PcmAudio>(decoded));
}

}  // namespace

// [SECTION] The worker

struct SpeechService::Worker {
  std::unique_ptr<platform::AudioOutput> audio;
  std::filesystem::path dataDir;
  std::map<std::string, std::optional<std::string>, std::less<>> voices;  // by language code
  PromptIndex prompts;
  SpeechConfig config;
  std::optional<std::string> espeak;  // its path, if installed
  int cancelFd = -1;                  // eventfd: say()/stop() cut a running espeak-ng short
  std::atomic<int> volume{100};       // for the next say()
  // The sound output failed at the last try: its device went away, or none could be opened.
  // Read aloud is then offered as unavailable; the next say() tries again all the same.
  std::atomic<bool> outputFailed{false};

  mutable std::mutex mutex;
  std::condition_variable wake;
  std::optional<Job> pending;
  uint64_t lastId = 0;
  uint64_t wanted = 0;   // the utterance that should be heard; anything else is cancelled
  uint64_t active = 0;   // the one the worker is rendering or playing
  bool sounding = false;  // active has sent sound to the device: a device change cancels it
  bool devicesChanged = false;     // let go of the device before the next clip
  uint64_t cancelledByDevice = 0;  // its Cancelled event says why
  bool stopping = false;
  std::deque<SpeechEvent> events;
  std::thread thread;

  // Worker thread only.
  bool deviceHeld = false;  // play() has opened the device and release() not yet closed it

  // Under the lock.
  void cancelPending() {
    if (!pending) return;
    events.push_back({SpeechEvent::Kind::Cancelled, pending->id, {}});
    wipeJob(*pending);
    pending.reset();
  }

  void signalCancel() const {
    const uint64_t one = 1;
    [[maybe_unused]] const auto written = write(cancelFd, &one, sizeof one);
  }

  bool stillWanted(uint64_t id) const {
    std::lock_guard lock(mutex);
    return !stopping && wanted == id;
  }

  void post(SpeechEvent::Kind kind, uint64_t id, std::string why = {}) {
    {
      std::lock_guard lock(mutex);
      if (stopping) return;
      if (kind == SpeechEvent::Kind::Cancelled && id == cancelledByDevice) why = "a sound device was plugged in or out";
      events.push_back({kind, id, std::move(why)});
    }
    if (config.wakeUi) config.wakeUi();
  }

  Rendered synthesize(const Job& job, const std::string& voice, const std::string& text) {
    if (!espeak) return Failure{config.espeakCommand + " is not installed (package espeak-ng)"};
    const std::vector<std::string> args = {"--stdout", "-b", "1", "-v", voice, "-s", std::to_string(job.wordsPerMinute)};
    ChildLimits limits;
    limits.timeout = config.timeout;
    limits.maxOutput = kMaxWavBytes;
    ChildOutcome run = runChild(*espeak, args, text, limits, cancelFd, [&] { return stillWanted(job.id); });
    switch (run.status) {
      case ChildOutcome::Status::Cancelled: return Cancelled{};
      case ChildOutcome::Status::TimedOut:
        return Failure{"espeak-ng took longer than " + std::to_string(config.timeout.count()) + " ms"};
      case ChildOutcome::Status::TooMuchOutput: return Failure{"the text is too long to read aloud at once"};
      case ChildOutcome::Status::Failed: return Failure{std::move(run.diagnostic)};
      case ChildOutcome::Status::Exited: break;
    }
    if (run.exitCode != 0) {
      wipeBytes(run.out);
      return Failure{"espeak-ng failed (exit " + std::to_string(run.exitCode) + ")" +
                     (run.diagnostic.empty() ? std::string() : ": " + run.diagnostic)};
    }
    auto decoded = decodeWav(run.out, WavLength::Streamed);
    wipeBytes(run.out);
    if (auto* error = std::get_if<WavError>(&decoded)) return Failure{"espeak-ng's output: " + error->reason};
    return std::move(std::get<PcmAudio>(decoded));
  }

  Rendered render(const Job& job, const Segment& segment) {
    if (segment.prompt) {
      auto read = readPrompt(*segment.prompt);
      if (auto* clip = std::get_if<PcmAudio>(&read)) return std::move(*clip);
      const std::string refused = "the recorded prompt " + segment.prompt->string() + " " + std::get<std::string>(read);
      post(SpeechEvent::Kind::PromptRefused, job.id, refused);
      if (job.voice.empty()) return Failure{refused + ", and there is no voice for " + job.language};
      if (!stillWanted(job.id)) return Cancelled{};
      if (blank(segment.text)) return NothingToHear{};
    }
    return synthesize(job, segment.voice.empty() ? job.voice : segment.voice, segment.text);
  }

  void releaseDevice() {
    audio->release();
    deviceHeld = false;
  }

  // Just before a clip goes out. A device plugged in or out since the last clip: let go of the old
  // one first, so that play() opens the default. From here on the utterance counts as heard, and a
  // device change cancels it (audioDevicesChanged() reads `sounding` under the same lock).
  bool readyToPlay(uint64_t id) {
    bool reopen;
    {
      std::lock_guard lock(mutex);
      if (stopping || wanted != id) return false;
      reopen = std::exchange(devicesChanged, false);
      sounding = true;
    }
    if (reopen) releaseDevice();
    return true;
  }

  enum class Heard { Yes, Silenced, DeviceLost };

  // Until the clip out has been heard, looking every 20 ms. Silenced: the sound stopped at once,
  // as a later say(), stop() or device change wants. DeviceLost: the device went away under it.
  Heard waitHeard(uint64_t id) {
    std::unique_lock lock(mutex);
    for (;;) {
      if (stopping || wanted != id) {
        lock.unlock();
        audio->stop();
        return Heard::Silenced;
      }
      lock.unlock();
      if (audio->lost()) return Heard::DeviceLost;
      if (!audio->playing()) return Heard::Yes;
      lock.lock();
      wake.wait_for(lock, 20ms, [&] { return stopping || wanted != id; });
    }
  }

  struct Outcome {
    SpeechEvent::Kind kind;
    std::string why;
  };

  // The rest of the sentence will not be heard: said so (Failed), and the dead device let go, so
  // that the next clip opens whatever device there is then.
  Outcome deviceLost() {
    releaseDevice();
    outputFailed = true;
    return {SpeechEvent::Kind::Failed, "the sound device went away mid-sentence"};
  }

  // The segments one after the other: each clip is rendered while the one before is heard, and
  // played once that one has ended (play() replaces what is queued, and the two may differ in
  // rate and channels).
  Outcome speak(Job& job) {
    bool soundOut = false;  // a clip of this job is on the device
    for (auto& segment : job.segments) {
      Rendered rendered = render(job, segment);
      wipeString(segment.text);
      if (std::holds_alternative<Cancelled>(rendered) || !stillWanted(job.id)) {
        if (auto* clip = std::get_if<PcmAudio>(&rendered)) wipeSamples(*clip);
        if (soundOut) audio->stop();
        return {SpeechEvent::Kind::Cancelled, {}};
      }
      if (auto* failure = std::get_if<Failure>(&rendered)) {
        if (soundOut) audio->stop();  // what is left would be heard after its Failed event
        return {SpeechEvent::Kind::Failed, std::move(failure->why)};
      }
      if (std::holds_alternative<NothingToHear>(rendered)) continue;
      auto& pcm = std::get<PcmAudio>(rendered);
      const Heard before = soundOut ? waitHeard(job.id) : Heard::Yes;
      if (before == Heard::DeviceLost) {
        wipeSamples(pcm);
        return deviceLost();
      }
      if (before == Heard::Silenced || !readyToPlay(job.id)) {
        wipeSamples(pcm);
        if (soundOut) audio->stop();
        return {SpeechEvent::Kind::Cancelled, {}};
      }
      applyVolume(pcm.samples, job.volume);
      const auto started = audio->play(pcm.samples, pcm.sampleRate, pcm.channels);
      wipeSamples(pcm);
      outputFailed = !started;
      if (!started) return {SpeechEvent::Kind::Failed, started.failure().detail};
      deviceHeld = soundOut = true;
    }
    const Heard last = soundOut ? waitHeard(job.id) : Heard::Yes;
    if (last == Heard::DeviceLost) return deviceLost();
    if (last == Heard::Silenced) return {SpeechEvent::Kind::Cancelled, {}};
    return {SpeechEvent::Kind::Finished, {}};
  }

  void run() {
    for (;;) {
      std::unique_lock lock(mutex);
      wake.wait(lock, [&] { return stopping || pending || devicesChanged; });
      if (stopping) {
        if (pending) wipeJob(*pending);
        pending.reset();
        lock.unlock();
        if (deviceHeld) releaseDevice();
        return;
      }
      if (devicesChanged) {
        // Before anything waiting is played: it is to open the new default device.
        devicesChanged = false;
        lock.unlock();
        releaseDevice();
        continue;
      }
      Job job = std::move(*pending);
      pending.reset();
      active = job.id;
      sounding = false;
      lock.unlock();
      // Signals of earlier say()/stop() calls are spent: only later ones may cut this short.
      uint64_t spent;
      while (read(cancelFd, &spent, sizeof spent) > 0) {
      }
      Outcome outcome = speak(job);
      wipeJob(job);
      bool idle;
      {
        std::lock_guard relock(mutex);
        if (active == job.id) active = 0;
        sounding = false;
        idle = !pending;
      }
      post(outcome.kind, job.id, std::move(outcome.why));
      // The device stays open if more is coming; an open device costs wake-ups even when silent.
      if (idle && deviceHeld) releaseDevice();
    }
  }
};

// [SECTION] UI side

SpeechService::SpeechService(std::unique_ptr<platform::AudioOutput> audio, std::filesystem::path dataDir,
                             const i18n::LanguageList& languages, SpeechConfig config)
    : worker_(std::make_unique<Worker>()) {
  auto& w = *worker_;
  w.audio = std::move(audio);
  w.dataDir = std::move(dataDir);
  for (const auto& language : languages.languages) {
    std::optional<std::string> voice;
    if (language.voice && safeVoiceName(*language.voice)) voice = language.voice;
    w.voices.emplace(language.code, std::move(voice));
  }
  w.prompts = listPrompts(w.dataDir, languages);
  w.espeak = findProgram(config.espeakCommand);
  w.config = std::move(config);
  w.cancelFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (!w.audio || w.cancelFd < 0) return;  // nothing will ever play: no worker needed
  w.thread = std::thread([&w] { w.run(); });
}

SpeechService::~SpeechService() {
  {
    std::lock_guard lock(worker_->mutex);
    worker_->stopping = true;
  }
  worker_->wake.notify_one();
  if (worker_->cancelFd >= 0) worker_->signalCancel();
  if (worker_->thread.joinable()) worker_->thread.join();
  if (worker_->cancelFd >= 0) close(worker_->cancelFd);
}

SpeechResult SpeechService::say(std::vector<SpokenPart> parts, std::string_view language, SpeechRate rate) {
  auto& w = *worker_;
  stop();  // whatever happens next, what was being said is over
  const auto voice = w.voices.find(language);
  Job job;
  if (voice != w.voices.end()) {
    const auto inLanguage = w.prompts.find(language);
    // A part in another language with a voice of its own is said in that voice.
    auto voiceOf = [&](const SpokenPart& part) {
      if (part.language.empty() || part.language == language) return std::string();
      const auto own = w.voices.find(part.language);
      return own != w.voices.end() && own->second ? *own->second : std::string();
    };
    job.segments = segmentsOf(parts, promptFolder(w.dataDir, language),
                              inLanguage == w.prompts.end() ? nullptr : &inLanguage->second, voiceOf);
  }
  for (auto& part : parts) wipeString(part.text);
  const bool synthesised = std::any_of(job.segments.begin(), job.segments.end(), [](const Segment& s) { return !s.prompt; });
  // Synthesised in the utterance's own voice (not a part's language of its own).
  const bool inOwnVoice = std::any_of(job.segments.begin(), job.segments.end(), [](const Segment& s) { return !s.prompt && s.voice.empty(); });
  SpeechStatus status = SpeechStatus::Started;
  if (voice == w.voices.end()) status = SpeechStatus::UnknownLanguage;
  else if (job.segments.empty()) status = SpeechStatus::NothingToSay;
  else if (inOwnVoice && !voice->second) status = SpeechStatus::NoVoice;
  else if (!w.thread.joinable() || (synthesised && !w.espeak)) status = SpeechStatus::Unavailable;
  if (status != SpeechStatus::Started) {
    wipeJob(job);
    return {status};
  }

  job.language = std::string(language);
  job.voice = voice->second.value_or("");
  job.wordsPerMinute = rate == SpeechRate::Slow ? w.config.slowWordsPerMinute : w.config.normalWordsPerMinute;
  job.volume = w.volume.load();
  uint64_t id;
  {
    std::lock_guard lock(w.mutex);
    id = job.id = ++w.lastId;
    w.wanted = id;
    w.pending = std::move(job);
  }
  w.wake.notify_one();
  return {SpeechStatus::Started, id};
}

// One part each, moved in: an initializer list would leave an unwiped copy of the text.
SpeechResult SpeechService::say(std::string text, std::string_view language, SpeechRate rate) {
  std::vector<SpokenPart> parts(1);
  parts[0].text = std::move(text);
  return say(std::move(parts), language, rate);
}

SpeechResult SpeechService::sayKey(std::string_view key, std::string text, std::string_view language, SpeechRate rate) {
  std::vector<SpokenPart> parts(1);
  parts[0].key = std::string(key);
  parts[0].text = std::move(text);
  return say(std::move(parts), language, rate);
}

void SpeechService::stop() {
  auto& w = *worker_;
  {
    std::lock_guard lock(w.mutex);
    w.cancelPending();
    if (w.wanted == 0 && w.active == 0) return;  // nothing was ever asked for
    w.wanted = ++w.lastId;                       // an utterance nobody will ask for: silence
  }
  w.wake.notify_one();
  if (w.cancelFd >= 0) w.signalCancel();
}

void SpeechService::setVolume(int percent) { worker_->volume = std::clamp(percent, 0, 100); }

int SpeechService::volume() const { return worker_->volume; }

void SpeechService::audioDevicesChanged() {
  auto& w = *worker_;
  w.outputFailed = false;  // perhaps a device to play on again: the next say() will tell
  bool cancel;
  {
    std::lock_guard lock(w.mutex);
    w.devicesChanged = true;
    // Heard on the old device: stop it rather than finish on the loudspeaker.
    cancel = w.active != 0 && w.active == w.wanted && w.sounding;
    if (cancel) {
      w.cancelledByDevice = w.active;
      w.wanted = ++w.lastId;
    }
  }
  w.wake.notify_one();
  if (cancel && w.cancelFd >= 0) w.signalCancel();
}

bool SpeechService::speaking() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->pending.has_value() || (worker_->active != 0 && worker_->active == worker_->wanted);
}

void SpeechService::retryOutput() { worker_->outputFailed = false; }

bool SpeechService::canSynthesize(std::string_view language) const {
  const auto voice = worker_->voices.find(language);
  return voice != worker_->voices.end() && voice->second && worker_->espeak && worker_->thread.joinable() && !worker_->outputFailed;
}

std::vector<SpeechEvent> SpeechService::drain() {
  std::deque<SpeechEvent> ready;
  {
    std::lock_guard lock(worker_->mutex);
    ready.swap(worker_->events);
  }
  return {std::make_move_iterator(ready.begin()), std::make_move_iterator(ready.end())};
}

}  // namespace kiosk::services
