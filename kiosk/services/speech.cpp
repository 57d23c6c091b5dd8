// [SECTION] Index: names and the prompt list, rendering a job, the worker, UI side.

#include "kiosk/services/speech.h"

#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
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

// Recorded prompts by language: the keys that have <data-dir>/i18n/<lang>/audio/<key>.wav.
using PromptIndex = std::map<std::string, std::set<std::string, std::less<>>, std::less<>>;

PromptIndex listPrompts(const std::filesystem::path& dataDir, const i18n::LanguageList& languages) {
  PromptIndex index;
  for (const auto& language : languages.languages) {
    if (!safeFileStem(language.code)) continue;
    std::error_code error;
    const auto folder = dataDir / "i18n" / language.code / "audio";
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

// [SECTION] Rendering a job

struct Job {
  uint64_t id = 0;
  std::string language;
  std::string text;
  std::string voice;  // empty: the language has none (a recorded prompt is all there is)
  int wordsPerMinute = 160;
  std::optional<std::filesystem::path> prompt;
};

struct Cancelled {};
struct Failure {
  std::string why;
};
using Rendered = std::variant<PcmAudio, Cancelled, Failure>;

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

  mutable std::mutex mutex;
  std::condition_variable wake;
  std::optional<Job> pending;
  uint64_t lastId = 0;
  uint64_t wanted = 0;  // the utterance that should be heard; anything else is cancelled
  uint64_t active = 0;  // the one the worker is rendering or playing
  bool stopping = false;
  std::deque<SpeechEvent> events;
  std::thread thread;

  // Under the lock.
  void cancelPending() {
    if (!pending) return;
    events.push_back({SpeechEvent::Kind::Cancelled, pending->id, {}});
    wipeString(pending->text);
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
      events.push_back({kind, id, std::move(why)});
    }
    if (config.wakeUi) config.wakeUi();
  }

  Rendered synthesize(const Job& job) {
    if (!espeak) return Failure{config.espeakCommand + " is not installed (package espeak-ng)"};
    const std::vector<std::string> args = {"--stdout", "-b", "1", "-v", job.voice, "-s", std::to_string(job.wordsPerMinute)};
    ChildLimits limits;
    limits.timeout = config.timeout;
    limits.maxOutput = kMaxWavBytes;
    ChildOutcome run = runChild(*espeak, args, job.text, limits, cancelFd, [&] { return stillWanted(job.id); });
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

  Rendered render(const Job& job) {
    if (job.prompt) {
      auto read = readPrompt(*job.prompt);
      if (auto* clip = std::get_if<PcmAudio>(&read)) return std::move(*clip);
      const std::string refused = "the recorded prompt " + job.prompt->string() + " " + std::get<std::string>(read);
      post(SpeechEvent::Kind::PromptRefused, job.id, refused);
      if (job.voice.empty()) return Failure{refused + ", and there is no voice for " + job.language};
      if (!stillWanted(job.id)) return Cancelled{};
    }
    return synthesize(job);
  }

  void run() {
    uint64_t playing = 0;      // the utterance whose sound is out
    bool deviceHeld = false;   // play() has opened the device and release() not yet closed it
    auto finish = [&](uint64_t id) {
      std::lock_guard lock(mutex);
      if (active == id) active = 0;
    };
    auto releaseIfIdle = [&] {
      bool idle;
      {
        std::lock_guard lock(mutex);
        idle = !pending;
      }
      if (idle && deviceHeld) {
        audio->release();
        deviceHeld = false;
      }
    };

    for (;;) {
      std::unique_lock lock(mutex);
      if (playing != 0) {
        // While sound is out, look every 20 ms whether it has all been heard.
        wake.wait_for(lock, 20ms, [&] { return stopping || pending || wanted != playing; });
      } else {
        wake.wait(lock, [&] { return stopping || pending; });
      }
      if (stopping) {
        if (pending) wipeString(pending->text);
        pending.reset();
        lock.unlock();
        if (playing != 0) audio->stop();
        if (deviceHeld) audio->release();
        return;
      }
      if (playing != 0 && wanted != playing) {
        // A later say() or stop(): silence now. The device stays open if more is coming.
        const uint64_t cancelled = playing;
        if (active == cancelled) active = 0;
        lock.unlock();
        audio->stop();
        playing = 0;
        post(SpeechEvent::Kind::Cancelled, cancelled);
        releaseIfIdle();
        continue;
      }
      if (pending) {
        Job job = std::move(*pending);
        pending.reset();
        active = job.id;
        lock.unlock();
        // Signals of earlier say()/stop() calls are spent: only later ones may cut this short.
        uint64_t spent;
        while (read(cancelFd, &spent, sizeof spent) > 0) {
        }
        Rendered rendered = render(job);
        wipeString(job.text);
        if (std::holds_alternative<Cancelled>(rendered) || !stillWanted(job.id)) {
          if (auto* clip = std::get_if<PcmAudio>(&rendered)) wipeSamples(*clip);
          finish(job.id);
          post(SpeechEvent::Kind::Cancelled, job.id);
          releaseIfIdle();
          continue;
        }
        if (auto* failure = std::get_if<Failure>(&rendered)) {
          finish(job.id);
          post(SpeechEvent::Kind::Failed, job.id, std::move(failure->why));
          releaseIfIdle();
          continue;
        }
        auto& pcm = std::get<PcmAudio>(rendered);
        std::string error;
        const bool started = audio->play(pcm.samples, pcm.sampleRate, pcm.channels, error);
        wipeSamples(pcm);
        if (started) {
          deviceHeld = true;
          playing = job.id;
        } else {
          finish(job.id);
          post(SpeechEvent::Kind::Failed, job.id, std::move(error));
          releaseIfIdle();
        }
        continue;
      }
      lock.unlock();
      if (playing != 0 && !audio->playing()) {
        const uint64_t done = playing;
        playing = 0;
        finish(done);
        post(SpeechEvent::Kind::Finished, done);
        releaseIfIdle();
      }
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

SpeechResult SpeechService::sayKey(std::string_view key, std::string text, std::string_view language, SpeechRate rate) {
  auto& w = *worker_;
  stop();  // whatever happens next, what was being said is over
  const auto voice = w.voices.find(language);
  if (voice == w.voices.end()) {
    wipeString(text);
    return {SpeechStatus::UnknownLanguage};
  }
  std::optional<std::filesystem::path> prompt;
  if (!key.empty() && safeFileStem(key)) {
    const auto inLanguage = w.prompts.find(language);
    if (inLanguage != w.prompts.end() && inLanguage->second.count(key)) {
      prompt = w.dataDir / "i18n" / std::string(language) / "audio" / (std::string(key) + ".wav");
    }
  }
  SpeechStatus status = SpeechStatus::Started;
  if (!prompt && blank(text)) status = SpeechStatus::NothingToSay;
  else if (!prompt && !voice->second) status = SpeechStatus::NoVoice;
  else if (!w.thread.joinable() || (!prompt && !w.espeak)) status = SpeechStatus::Unavailable;
  if (status != SpeechStatus::Started) {
    wipeString(text);
    return {status};
  }

  Job job;
  job.language = std::string(language);
  job.text = std::move(text);
  job.voice = voice->second.value_or("");
  job.wordsPerMinute = rate == SpeechRate::Slow ? w.config.slowWordsPerMinute : w.config.normalWordsPerMinute;
  job.prompt = std::move(prompt);
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

SpeechResult SpeechService::say(std::string text, std::string_view language, SpeechRate rate) {
  return sayKey({}, std::move(text), language, rate);
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

bool SpeechService::speaking() const {
  std::lock_guard lock(worker_->mutex);
  return worker_->pending.has_value() || (worker_->active != 0 && worker_->active == worker_->wanted);
}

bool SpeechService::canSynthesize(std::string_view language) const {
  const auto voice = worker_->voices.find(language);
  return voice != worker_->voices.end() && voice->second && worker_->espeak && worker_->thread.joinable();
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
