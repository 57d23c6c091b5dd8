#pragma once
// The speech service as the speech tests run it: the real espeak-ng (or a shell stand-in around
// it that notes its runs), sound into the null audio output, which records what it was given.
// The tests' own wrapper around that output also keeps the samples (the kiosk's output never
// does: they may be a citizen's words), so that volume can be checked sample by sample.

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <span>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/i18n/languages.h"
#include "kiosk/services/speech.h"
#include "platform/audio.h"
#include "platform/null_audio.h"
#include "wait_for.h"
#include "wav_fixtures.h"

namespace speech_test {

using namespace kiosk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

inline const i18n::LanguageList& languages() {
  static const i18n::LanguageList loaded = i18n::loadLanguages(std::filesystem::path(KIOSK_DATA_DIR) / "i18n" / "languages.json").value();
  return loaded;
}

inline const std::string kDanish = "Du har et møde med din jobkonsulent på tirsdag klokken ti.";
inline const std::string kArabic = "لديك موعد مع مستشار العمل يوم الثلاثاء الساعة العاشرة.";

// [SECTION] Files

// A scratch folder, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-speech-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

inline void writeFile(const std::filesystem::path& file, const std::vector<uint8_t>& bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline void writeScript(const std::filesystem::path& file, const std::string& body) {
  {
    std::ofstream out(file);
    out << "#!/bin/sh\n" << body;
  }
  std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

inline std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A recorded prompt: <data>/assets/prompts/<language>/<key>.wav.
inline void writePrompt(const TempDir& data, const std::string& language, const std::string& key, const std::vector<int16_t>& samples,
                        const WavSpec& spec = {}) {
  writeFile(data.path / "assets" / "prompts" / language / (key + ".wav"), makeWav(samples, spec));
}

// [SECTION] The service

// The null output, keeping a copy of every clip's samples as well (for tests only).
class KeepingAudioOutput final : public platform::AudioOutput {
 public:
  explicit KeepingAudioOutput(platform::NullAudioOutput::Timing timing) : inner_(timing) {}

  Result<void> play(std::span<const int16_t> pcm, int sampleRate, int channels) override {
    if (pulledOut_) return failure("no sound device: it was pulled out");
    if (auto played = inner_.play(pcm, sampleRate, channels); !played) return played;
    open_ = true;
    std::lock_guard lock(mutex_);
    clips_.emplace_back(pcm.begin(), pcm.end());
    return {};
  }
  void stop() override { inner_.stop(); }
  bool playing() const override { return !lost() && inner_.playing(); }
  bool lost() const override { return pulledOut_ && open_; }
  void release() override {
    open_ = false;
    inner_.release();
  }

  // The device pulled out, as SDL reports an open device that went away: what is playing is lost,
  // and nothing plays until it is plugged in again.
  void pullOut() { pulledOut_ = true; }
  void plugBackIn() { pulledOut_ = false; }

  platform::NullAudioOutput& inner() { return inner_; }
  std::vector<std::vector<int16_t>> clips() const {
    std::lock_guard lock(mutex_);
    return clips_;
  }

 private:
  platform::NullAudioOutput inner_;
  std::atomic<bool> pulledOut_{false}, open_{false};  // set by the test, read by the speech worker
  mutable std::mutex mutex_;
  std::vector<std::vector<int16_t>> clips_;
};

struct Speech {
  platform::NullAudioOutput* audio = nullptr;  // owned by the service
  KeepingAudioOutput* kept = nullptr;          // the same output, with the samples
  std::unique_ptr<services::SpeechService> service;
  std::vector<services::SpeechEvent> events;

  explicit Speech(std::filesystem::path dataDir = KIOSK_DATA_DIR, services::SpeechConfig config = {},
                  platform::NullAudioOutput::Timing timing = platform::NullAudioOutput::Timing::Instant) {
    if (config.espeakCommand == "espeak-ng") config.espeakCommand = KIOSK_ESPEAK_NG;
    auto output = std::make_unique<KeepingAudioOutput>(timing);
    kept = output.get();
    audio = &output->inner();
    service = std::make_unique<services::SpeechService>(std::move(output), std::move(dataDir), languages(), std::move(config));
  }

  std::vector<std::vector<int16_t>> heard() const { return kept->clips(); }

  // Drains until an event of this kind for this utterance arrives.
  bool waitForEvent(services::SpeechEvent::Kind kind, uint64_t utterance, std::chrono::milliseconds timeout = 10s) {
    return waitFor(
        [&] {
          for (auto& event : service->drain()) events.push_back(std::move(event));
          for (const auto& event : events) {
            if (event.kind == kind && event.utterance == utterance) return true;
          }
          return false;
        },
        timeout);
  }
  bool has(services::SpeechEvent::Kind kind, uint64_t utterance) const {
    for (const auto& event : events) {
      if (event.kind == kind && event.utterance == utterance) return true;
    }
    return false;
  }
  std::string why(services::SpeechEvent::Kind kind, uint64_t utterance) const {
    for (const auto& event : events) {
      if (event.kind == kind && event.utterance == utterance) return event.why;
    }
    return {};
  }
};

// [SECTION] espeak-ng stand-ins and screens in parts

// espeak-ng behind a stand-in that notes each run in <dir>/runs (before: an optional shell line).
inline services::SpeechConfig countingEspeak(const TempDir& dir, const std::string& before = {}) {
  writeScript(dir.path / "espeak-ng", "echo run >> '" + (dir.path / "runs").string() + "'\n" + before + "exec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  return config;
}

inline size_t espeakRuns(const TempDir& dir) {
  const std::string runs = readText(dir.path / "runs");
  return static_cast<size_t>(std::count(runs.begin(), runs.end(), '\n'));
}

inline std::vector<services::SpokenPart> parts(std::initializer_list<std::pair<const char*, const char*>> list) {
  std::vector<services::SpokenPart> out;
  for (const auto& [key, text] : list) out.push_back({key, text});
  return out;
}

}  // namespace speech_test
