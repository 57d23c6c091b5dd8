// Read-aloud speech: what a screen says (spokenScreen), the strict WAV reader, and the speech
// service running the real espeak-ng — Danish and Arabic voices, a language without a voice, a
// new say() killing the espeak-ng of the one before, recorded prompts winning over synthesis and
// broken ones refused, a screen in parts (prompts and one espeak-ng run between them, heard in
// order), volume, and a sound device plugged in or out. Sound goes to the null audio output,
// which records what it was given; the tests' own wrapper around it also keeps the samples (the
// kiosk's output never does: they may be a citizen's words), so that volume can be checked sample
// by sample.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "kiosk/i18n/languages.h"
#include "kiosk/services/child_process.h"
#include "kiosk/services/speech.h"
#include "kiosk/services/wav.h"
#include "kiosk/ui/spoken_screen.h"
#include "platform/audio.h"
#include "platform/null_audio.h"

using namespace kiosk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using services::SpeechEvent;
using services::SpeechStatus;

namespace {

// [SECTION] Helpers

const i18n::LanguageList& languages() {
  static const i18n::LanguageList loaded = i18n::loadLanguages(std::filesystem::path(KIOSK_DATA_DIR) / "i18n" / "languages.json").value();
  return loaded;
}

const std::string kDanish = "Du har et møde med din jobkonsulent på tirsdag klokken ti.";
const std::string kArabic = "لديك موعد مع مستشار العمل يوم الثلاثاء الساعة العاشرة.";

template <typename Predicate>
bool waitFor(Predicate done, std::chrono::milliseconds timeout = 10s) {
  const auto until = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() > until) return false;
    std::this_thread::sleep_for(2ms);
  }
  return true;
}

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

void writeFile(const std::filesystem::path& file, const std::vector<uint8_t>& bytes) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeScript(const std::filesystem::path& file, const std::string& body) {
  {
    std::ofstream out(file);
    out << "#!/bin/sh\n" << body;
  }
  std::filesystem::permissions(file, std::filesystem::perms::owner_all);
}

std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void put16(std::vector<uint8_t>& b, uint32_t v) {
  b.push_back(static_cast<uint8_t>(v));
  b.push_back(static_cast<uint8_t>(v >> 8));
}
void put32(std::vector<uint8_t>& b, uint32_t v) {
  put16(b, v & 0xffff);
  put16(b, v >> 16);
}
void putTag(std::vector<uint8_t>& b, const char* tag) {
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(tag[i]));
}

struct WavSpec {
  uint16_t formatTag = 1;
  uint16_t channels = 1;
  uint32_t rate = 16000;
  uint16_t bits = 16;
  std::optional<uint16_t> blockAlign;
  std::optional<uint32_t> byteRate;
  std::optional<uint32_t> riffSize;
  std::optional<uint32_t> dataSize;

  WavSpec& withFormatTag(uint16_t v) { formatTag = v; return *this; }
  WavSpec& withChannels(uint16_t v) { channels = v; return *this; }
  WavSpec& withRate(uint32_t v) { rate = v; return *this; }
  WavSpec& withBits(uint16_t v) { bits = v; return *this; }
  WavSpec& withBlockAlign(uint16_t v) { blockAlign = v; return *this; }
  WavSpec& withByteRate(uint32_t v) { byteRate = v; return *this; }
  WavSpec& withRiffSize(uint32_t v) { riffSize = v; return *this; }
  WavSpec& withDataSize(uint32_t v) { dataSize = v; return *this; }
};

// A WAV file as a writer would make it, with every size overridable to make it wrong.
std::vector<uint8_t> makeWav(const std::vector<int16_t>& samples, const WavSpec& spec = {}) {
  const uint16_t blockAlign = spec.blockAlign.value_or(static_cast<uint16_t>(spec.channels * spec.bits / 8));
  std::vector<uint8_t> data;
  for (const int16_t s : samples) put16(data, static_cast<uint16_t>(s));
  std::vector<uint8_t> b;
  putTag(b, "RIFF");
  put32(b, spec.riffSize.value_or(static_cast<uint32_t>(4 + 8 + 16 + 8 + data.size())));
  putTag(b, "WAVE");
  putTag(b, "fmt ");
  put32(b, 16);
  put16(b, spec.formatTag);
  put16(b, spec.channels);
  put32(b, spec.rate);
  put32(b, spec.byteRate.value_or(spec.rate * blockAlign));
  put16(b, blockAlign);
  put16(b, spec.bits);
  putTag(b, "data");
  put32(b, spec.dataSize.value_or(static_cast<uint32_t>(data.size())));
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

std::vector<int16_t> tone(int rate, int channels, double seconds) {
  std::vector<int16_t> samples;
  const int frames = static_cast<int>(rate * seconds);
  for (int i = 0; i < frames; ++i) {
    const auto v = static_cast<int16_t>(8000 * std::sin(2 * M_PI * 440.0 * i / rate));
    for (int c = 0; c < channels; ++c) samples.push_back(v);
  }
  return samples;
}

std::string refusal(const std::vector<uint8_t>& bytes, services::WavLength length = services::WavLength::Declared) {
  const auto decoded = services::decodeWav(bytes, length);
  if (const auto* error = std::get_if<services::WavError>(&decoded)) return error->reason;
  return {};
}

// The null output, keeping a copy of every clip's samples as well (for tests only).
class KeepingAudioOutput final : public platform::AudioOutput {
 public:
  explicit KeepingAudioOutput(platform::NullAudioOutput::Timing timing) : inner_(timing) {}

  bool play(std::span<const int16_t> pcm, int sampleRate, int channels, std::string& error) override {
    if (!inner_.play(pcm, sampleRate, channels, error)) return false;
    std::lock_guard lock(mutex_);
    clips_.emplace_back(pcm.begin(), pcm.end());
    return true;
  }
  void stop() override { inner_.stop(); }
  bool playing() const override { return inner_.playing(); }
  void release() override { inner_.release(); }

  platform::NullAudioOutput& inner() { return inner_; }
  std::vector<std::vector<int16_t>> clips() const {
    std::lock_guard lock(mutex_);
    return clips_;
  }

 private:
  platform::NullAudioOutput inner_;
  mutable std::mutex mutex_;
  std::vector<std::vector<int16_t>> clips_;
};

struct Speech {
  platform::NullAudioOutput* audio = nullptr;  // owned by the service
  KeepingAudioOutput* kept = nullptr;          // the same output, with the samples
  std::unique_ptr<services::SpeechService> service;
  std::vector<SpeechEvent> events;

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
  bool waitForEvent(SpeechEvent::Kind kind, uint64_t utterance, std::chrono::milliseconds timeout = 10s) {
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
  bool has(SpeechEvent::Kind kind, uint64_t utterance) const {
    for (const auto& event : events) {
      if (event.kind == kind && event.utterance == utterance) return true;
    }
    return false;
  }
  std::string why(SpeechEvent::Kind kind, uint64_t utterance) const {
    for (const auto& event : events) {
      if (event.kind == kind && event.utterance == utterance) return event.why;
    }
    return {};
  }
};

ui::AccessNode node(ui::Role role, std::string key, std::string text, bool enabled = true) {
  ui::AccessNode n;
  n.role = role;
  n.key = std::move(key);
  n.text = std::move(text);
  n.enabled = enabled;
  return n;
}

}  // namespace

// [SECTION] What a screen says

TEST_CASE("a screen is read heading first, then its texts, then its buttons, with the bar left out") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Text, "home.next_meeting", "Dit næste møde er tirsdag kl. 10"));
  tree.add(node(ui::Role::Heading, "home.title", "Velkommen, Freja"));
  tree.add(node(ui::Role::Button, "home.book", "Book et møde"));
  tree.add(node(ui::Role::Text, "home.deadline", "Book senest fredag!"));
  tree.add(node(ui::Role::Button, "common.back", "Tilbage"));
  tree.add(node(ui::Role::Button, "bar.language", "Sprog"));
  tree.add(node(ui::Role::Button, "bar.start_over", "Forfra"));
  CHECK(ui::spokenScreen(tree).joined() ==
        "Velkommen, Freja. Dit næste møde er tirsdag kl. 10. Book senest fredag! Book et møde. Tilbage.");
}

TEST_CASE("a button's hint is said with its button, as on the menu") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "menu.title", "Hvad vil du gøre?"));
  tree.add(node(ui::Role::Text, "menu.check_in.hint", "Meld din ankomst"));
  tree.add(node(ui::Role::Button, "menu.check_in", "Jeg har et møde i dag"));
  tree.add(node(ui::Role::Text, "menu.book.hint", "Med din jobkonsulent"));
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  tree.add(node(ui::Role::Text, "menu.note", "Åbent til kl. 15"));
  tree.add(node(ui::Role::Button, "bar.read_aloud", "Læs højt", false));
  CHECK(ui::spokenScreen(tree).joined() ==
        "Hvad vil du gøre? Åbent til kl. 15. Jeg har et møde i dag. Meld din ankomst. Book et møde. Med din jobkonsulent.");
}

TEST_CASE("disabled buttons, fields, empty texts and the bar's own texts are not read") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "login.title", "Log ind"));
  tree.add(node(ui::Role::Field, "login.pin", "••••"));
  tree.add(node(ui::Role::Text, "login.empty", "   "));
  tree.add(node(ui::Role::Text, "bar.assisted", "Hjulpet af en medarbejder"));
  tree.add(node(ui::Role::Button, "login.next", "Næste", false));
  tree.add(node(ui::Role::Text, "login.next.hint", "Skriv først din kode"));
  tree.add(node(ui::Role::Button, "common.back", "  Tilbage  "));
  CHECK(ui::spokenScreen(tree).joined() == "Log ind. Tilbage.");
  CHECK(ui::spokenScreen(ui::AccessTree{}).lines.empty());
}

TEST_CASE("sentence ends of every script are kept, not doubled") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "menu.title", "ماذا تريد أن تفعل؟"));
  tree.add(node(ui::Role::Text, "a", "ምን ክትገብር ትደሊ፧"));
  tree.add(node(ui::Role::Text, "b", "Дякуємо…"));
  tree.add(node(ui::Role::Text, "c", "Næste møde:"));
  tree.add(node(ui::Role::Button, "menu.book", "احجز موعدا"));
  CHECK(ui::spokenScreen(tree).joined() == "ماذا تريد أن تفعل؟ ምን ክትገብር ትደሊ፧ Дякуємо… Næste møde: احجز موعدا.");
}

TEST_CASE("a status message is said right after the heading, and a modal is read alone") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "checkin.title", "Jeg har et møde i dag"));
  tree.add(node(ui::Role::Text, "checkin.hint", "Scan dit kort"));
  tree.add(node(ui::Role::Status, "checkin-code.status", "Vi kan ikke finde et møde i dag"));
  tree.add(node(ui::Role::Button, "speech.say_again", "Sig det igen"));
  CHECK(ui::spokenScreen(tree).joined() == "Jeg har et møde i dag. Vi kan ikke finde et møde i dag. Scan dit kort.");
  tree.coverAll();
  tree.add(node(ui::Role::Heading, "idle.question", "Har du brug for mere tid?"));
  tree.add(node(ui::Role::Button, "idle.more_time", "Ja, mere tid"));
  CHECK(ui::spokenScreen(tree).joined() == "Har du brug for mere tid? Ja, mere tid.");
}

TEST_CASE("personal details are left out when withheld, and it is said that they were") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "home.greeting", "Hej"));
  {
    ui::PersonalData personal(tree);
    tree.add(node(ui::Role::Text, "meeting-when", "Tirsdag kl. 10"));
  }
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  const ui::Spoken withheld = ui::spokenScreen(tree, {ui::Personal::Withhold, ""});
  CHECK(withheld.joined() == "Hej. Book et møde.");
  CHECK(withheld.withheldPersonal);
  const ui::Spoken said = ui::spokenScreen(tree, {ui::Personal::Say, ""});
  CHECK(said.joined() == "Hej. Tirsdag kl. 10. Book et møde.");
  CHECK_FALSE(said.withheldPersonal);
  // Each line keeps its key, for a recorded prompt.
  REQUIRE(said.lines.size() == 3);
  CHECK(said.lines[1].key == "meeting-when");
}

TEST_CASE("a button that is on is said with its state, so a toggle is heard as well as seen") {
  ui::AccessTree tree;
  auto topic = node(ui::Role::Button, "topic.job_search", "Jobsøgning");
  topic.selected = true;
  tree.add(topic);
  tree.add(node(ui::Role::Button, "topic.education", "Uddannelse"));
  CHECK(ui::spokenScreen(tree, {ui::Personal::Say, "valgt"}).joined() == "Jobsøgning, valgt. Uddannelse.");
  CHECK(ui::spokenScreen(tree).joined() == "Jobsøgning. Uddannelse.");
}

TEST_CASE("a held button is said with its hint") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Text, "menu.book.hint", "Med din jobkonsulent"));
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  CHECK(ui::spokenButton(tree, tree.nodes()[1]).joined() == "Book et møde. Med din jobkonsulent.");
}

// [SECTION] The WAV reader

TEST_CASE("a 16-bit PCM WAV file is read") {
  const auto samples = tone(16000, 2, 0.25);
  const auto decoded = services::decodeWav(makeWav(samples, WavSpec().withChannels(2)));
  REQUIRE(std::holds_alternative<services::PcmAudio>(decoded));
  const auto& audio = std::get<services::PcmAudio>(decoded);
  CHECK(audio.sampleRate == 16000);
  CHECK(audio.channels == 2);
  CHECK(audio.frames() == 4000);
  CHECK(audio.seconds() == Approx(0.25));
  CHECK(audio.samples == samples);
}

TEST_CASE("chunks other than fmt and data are skipped, pad bytes included") {
  auto wav = makeWav(tone(8000, 1, 0.1));
  // A LIST chunk of odd size (3 bytes + pad) between fmt and data.
  const std::vector<uint8_t> list = {'L', 'I', 'S', 'T', 3, 0, 0, 0, 'a', 'b', 'c', 0};
  wav.insert(wav.begin() + 36, list.begin(), list.end());
  const uint32_t riff = static_cast<uint32_t>(wav.size() - 8);
  for (int i = 0; i < 4; ++i) wav[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  CHECK(refusal(wav).empty());
}

TEST_CASE("espeak-ng's streamed sizes are taken as 'to the end' only for a stream") {
  const auto samples = tone(22050, 1, 0.1);
  const auto streamed = makeWav(samples, WavSpec().withRate(22050).withRiffSize(0x7ffff024).withDataSize(0x7ffff000));
  CHECK(refusal(streamed, services::WavLength::Streamed).empty());
  CHECK(std::get<services::PcmAudio>(services::decodeWav(streamed, services::WavLength::Streamed)).samples == samples);
  CHECK_FALSE(refusal(streamed, services::WavLength::Declared).empty());
  // A size that is simply wrong stays wrong in a stream too.
  CHECK_FALSE(refusal(makeWav(samples, WavSpec().withDataSize(0x1000000)), services::WavLength::Streamed).empty());
}

TEST_CASE("a malformed WAV file is refused, saying why") {
  const auto samples = tone(16000, 1, 0.05);
  const auto good = makeWav(samples);
  REQUIRE(refusal(good).empty());

  auto replaced = [&](size_t at, const char* tag) {
    auto b = good;
    std::copy(tag, tag + 4, b.begin() + static_cast<long>(at));
    return b;
  };
  auto cut = [&](size_t size) { return std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(size)); };
  auto withTrailing = good;
  withTrailing.push_back(0);
  withTrailing.push_back(0);
  auto secondData = good;
  {
    std::vector<uint8_t> extra;
    putTag(extra, "data");
    put32(extra, 2);
    put16(extra, 0);
    secondData.insert(secondData.end(), extra.begin(), extra.end());
    const auto riff = static_cast<uint32_t>(secondData.size() - 8);
    for (int i = 0; i < 4; ++i) secondData[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  }
  auto dataFirst = std::vector<uint8_t>(good.begin(), good.begin() + 12);
  {
    putTag(dataFirst, "data");
    put32(dataFirst, 2);
    put16(dataFirst, 0);
    dataFirst.insert(dataFirst.end(), good.begin() + 12, good.end());
    const auto riff = static_cast<uint32_t>(dataFirst.size() - 8);
    for (int i = 0; i < 4; ++i) dataFirst[4 + i] = static_cast<uint8_t>(riff >> (8 * i));
  }
  const std::vector<int16_t> none;

  const std::vector<std::pair<std::string, std::vector<uint8_t>>> broken = {
      {"empty", {}},
      {"header cut off", cut(10)},
      {"not RIFF", replaced(0, "RIFX")},
      {"not WAVE", replaced(8, "AVI ")},
      {"no fmt chunk", replaced(12, "junk")},
      {"data chunk renamed", replaced(36, "date")},
      {"cut inside the samples", cut(good.size() - 10)},
      {"cut inside a chunk header", cut(40)},
      {"bytes after the RIFF chunk", withTrailing},
      {"RIFF size too large", makeWav(samples, WavSpec().withRiffSize(100000))},
      {"data size too large", makeWav(samples, WavSpec().withRiffSize(static_cast<uint32_t>(good.size() - 8)).withDataSize(1000000))},
      {"odd data size", makeWav(samples, WavSpec().withRiffSize(static_cast<uint32_t>(good.size() - 8)).withDataSize(99))},
      {"8-bit", makeWav(samples, WavSpec().withBits(8))},
      {"24-bit", makeWav(samples, WavSpec().withBits(24))},
      {"IEEE float", makeWav(samples, WavSpec().withFormatTag(3))},
      {"A-law", makeWav(samples, WavSpec().withFormatTag(6))},
      {"no channels", makeWav(samples, WavSpec().withChannels(0))},
      {"six channels", makeWav(tone(16000, 6, 0.01), WavSpec().withChannels(6))},
      {"block align disagrees", makeWav(samples, WavSpec().withBlockAlign(4))},
      {"byte rate disagrees", makeWav(samples, WavSpec().withByteRate(12345))},
      {"sample rate 0", makeWav(samples, WavSpec().withRate(0))},
      {"sample rate 1 MHz", makeWav(samples, WavSpec().withRate(1000000))},
      {"no samples", makeWav(none)},
      {"a second data chunk", secondData},
      {"data before fmt", dataFirst},
  };
  for (const auto& [what, bytes] : broken) {
    INFO(what);
    CHECK_FALSE(refusal(bytes).empty());
  }
}

TEST_CASE("every cut and every mangled byte of a WAV file is refused or read, never a crash") {
  const auto good = makeWav(tone(16000, 1, 0.01));
  for (size_t size = 0; size < good.size(); ++size) {
    INFO(size);
    CHECK_FALSE(refusal(std::vector<uint8_t>(good.begin(), good.begin() + static_cast<long>(size))).empty());
  }
  std::mt19937 random(6);
  for (int round = 0; round < 20000; ++round) {
    auto bytes = good;
    const int flips = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < flips; ++i) bytes[random() % 48] = static_cast<uint8_t>(random());
    const auto decoded = services::decodeWav(bytes, round % 2 ? services::WavLength::Streamed : services::WavLength::Declared);
    if (const auto* audio = std::get_if<services::PcmAudio>(&decoded)) {
      CHECK(audio->frames() > 0);
      CHECK(audio->samples.size() * 2 <= bytes.size());
    }
  }
}

// [SECTION] espeak-ng through the speech service

TEST_CASE("espeak-ng reads Danish and Arabic, each in its own voice") {
  Speech speech;
  const auto askedDanish = Clock::now();
  const auto danish = speech.service->say(kDanish, "da");
  REQUIRE(danish.status == SpeechStatus::Started);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  const auto askedArabic = Clock::now();
  const auto arabic = speech.service->say(kArabic, "ar");
  REQUIRE(arabic.status == SpeechStatus::Started);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, arabic.utterance));

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 2);
  for (const auto& clip : played) {
    CHECK(clip.sampleRate == 22050);  // what espeak-ng's WAV header says
    CHECK(clip.channels == 1);
    CHECK(clip.seconds() > 1.0);
    CHECK(clip.seconds() < 10.0);
  }
  CHECK(played[0].fingerprint != played[1].fingerprint);
  CHECK(played[0].frames != played[1].frames);
  const auto toFirstSound = [](Clock::time_point asked, const platform::PlayedClip& clip) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clip.at - asked).count();
  };
  WARN("Danish " << played[0].seconds() << " s, first sound after " << toFirstSound(askedDanish, played[0]) << " ms; Arabic "
                 << played[1].seconds() << " s, first sound after " << toFirstSound(askedArabic, played[1]) << " ms");
  CHECK(toFirstSound(askedDanish, played[0]) < 2000);
  CHECK_FALSE(speech.service->speaking());
}

TEST_CASE("the same Danish sentence through the service is what espeak-ng itself renders") {
  // Rendered directly (text on stdin, WAV on stdout) at the service's normal rate.
  int cancel[2];
  REQUIRE(pipe(cancel) == 0);
  const auto run = services::runChild(KIOSK_ESPEAK_NG, {"--stdout", "-b", "1", "-v", "da", "-s", "160"}, kDanish, {}, cancel[0],
                                      [] { return true; });
  close(cancel[0]);
  close(cancel[1]);
  REQUIRE(run.status == services::ChildOutcome::Status::Exited);
  REQUIRE(run.exitCode == 0);
  const auto direct = services::decodeWav(run.out, services::WavLength::Streamed);
  REQUIRE(std::holds_alternative<services::PcmAudio>(direct));

  Speech speech;
  const auto said = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  REQUIRE(speech.audio->played().size() == 1);
  CHECK(speech.audio->played()[0].frames == std::get<services::PcmAudio>(direct).frames());
}

TEST_CASE("slower speech takes longer") {
  Speech speech;
  const auto normal = speech.service->say(kDanish, "da", services::SpeechRate::Normal);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, normal.utterance));
  const auto slow = speech.service->say(kDanish, "da", services::SpeechRate::Slow);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, slow.utterance));
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 2);
  CHECK(played[1].seconds() > played[0].seconds() * 1.15);
}

TEST_CASE("the text goes to espeak-ng on stdin, never on its command line") {
  TempDir dir;
  const auto args = dir.path / "args";
  writeScript(dir.path / "espeak-ng", "printf '%s\\n' \"$@\" > '" + args.string() + "'\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  Speech speech(KIOSK_DATA_DIR, config);
  const auto said = speech.service->say(kDanish, "da", services::SpeechRate::Slow);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(readText(args) == "--stdout\n-b\n1\n-v\nda\n-s\n120\n");
  CHECK(speech.audio->played().size() == 1);
}

TEST_CASE("a language without a voice says so, and is never read in another voice") {
  Speech speech;
  for (const char* language : {"ti", "so"}) {
    INFO(language);
    CHECK(speech.service->say("ሰላም", language).status == SpeechStatus::NoVoice);
    CHECK(speech.service->sayKey("menu.book", "ሰላም", language).status == SpeechStatus::NoVoice);
    CHECK_FALSE(speech.service->canSynthesize(language));
  }
  CHECK(speech.service->canSynthesize("da"));
  CHECK(speech.service->say("Hej", "xx").status == SpeechStatus::UnknownLanguage);
  CHECK(speech.service->say("  \n", "da").status == SpeechStatus::NothingToSay);
  CHECK_FALSE(speech.service->speaking());
  std::this_thread::sleep_for(50ms);
  CHECK(speech.audio->played().empty());
  CHECK(services::speechStatusName(SpeechStatus::NoVoice) == "no voice");
}

TEST_CASE("a new say() kills the espeak-ng of the one before") {
  // The first run is a stand-in that stays busy; it records its pid, and exec keeps that pid.
  TempDir dir;
  const auto first = dir.path / "first.pid";
  writeScript(dir.path / "espeak-ng", "if [ ! -e '" + first.string() + "' ]; then echo $$ > '" + first.string() +
                                          "'; exec sleep 30; fi\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  std::atomic<int> wakes{0};
  config.wakeUi = [&] { ++wakes; };
  Speech speech(KIOSK_DATA_DIR, config);

  const auto one = speech.service->say(kDanish, "da");
  REQUIRE(one.started());
  REQUIRE(waitFor([&] { return readText(first).find('\n') != std::string::npos; }));
  const pid_t pid = std::stoi(readText(first));
  CHECK(kill(pid, 0) == 0);  // running, and not done: the UI thread did not wait for it
  CHECK(speech.service->speaking());

  const auto before = Clock::now();
  const auto two = speech.service->say(kArabic, "ar");
  CHECK(Clock::now() - before < 50ms);  // say() only hands over
  REQUIRE(two.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance));
  CHECK(kill(pid, 0) == -1);
  CHECK(errno == ESRCH);  // killed and reaped: not even a zombie is left
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, two.utterance));
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 1);  // only the second was ever heard
  CHECK(played[0].sampleRate == 22050);
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Finished, one.utterance));
  CHECK(wakes > 0);
}

TEST_CASE("a new say() stops the sound of the one before; stop() silences everything") {
  Speech speech(KIOSK_DATA_DIR, {}, platform::NullAudioOutput::Timing::RealTime);
  const auto one = speech.service->say(kDanish, "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 1; }));
  CHECK(speech.audio->playing());
  const auto two = speech.service->say(kArabic, "ar");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance));
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 2; }));
  CHECK(speech.audio->stops() == 1);
  CHECK(speech.service->speaking());

  speech.service->stop();
  CHECK_FALSE(speech.service->speaking());  // at once, before the worker has done it
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, two.utterance));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 2);
  CHECK(waitFor([&] { return speech.audio->releases() >= 1; }));  // the device is let go
  speech.service->stop();  // stopping silence is harmless
}

TEST_CASE("speech still being rendered is cancelled by stop(), and so is the service's end") {
  TempDir dir;
  writeScript(dir.path / "espeak-ng", "exec sleep 30\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  const auto started = Clock::now();
  {
    Speech speech(KIOSK_DATA_DIR, config);
    const auto one = speech.service->say(kDanish, "da");
    std::this_thread::sleep_for(100ms);
    speech.service->stop();
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, one.utterance, 5s));
    CHECK(speech.audio->played().empty());
    speech.service->say(kDanish, "da");
    std::this_thread::sleep_for(100ms);
  }  // the destructor kills the second sleeper
  CHECK(Clock::now() - started < 5s);
}

TEST_CASE("espeak-ng that hangs or fails is a Failed event, not a hang") {
  TempDir dir;
  writeScript(dir.path / "hangs", "exec sleep 30\n");
  writeScript(dir.path / "fails", "echo 'no such voice' >&2\nexit 3\n");
  writeScript(dir.path / "garbage", "cat > /dev/null; echo 'not a wav file at all'\n");
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "hangs").string();
    config.timeout = 300ms;
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance, 5s));
    CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, said.utterance), Catch::Contains("longer than"));
  }
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "fails").string();
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance));
    CHECK(speech.why(SpeechEvent::Kind::Failed, said.utterance) == "espeak-ng failed (exit 3): no such voice");
  }
  {
    services::SpeechConfig config;
    config.espeakCommand = (dir.path / "garbage").string();
    Speech speech(KIOSK_DATA_DIR, config);
    const auto said = speech.service->say(kDanish, "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, said.utterance));
    CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, said.utterance), Catch::Contains("not a RIFF file"));
    CHECK_FALSE(speech.service->speaking());
  }
}

TEST_CASE("without espeak-ng or a sound output, speech is unavailable") {
  services::SpeechConfig config;
  config.espeakCommand = "/nonexistent/espeak-ng";
  Speech missing(KIOSK_DATA_DIR, config);
  CHECK(missing.service->say(kDanish, "da").status == SpeechStatus::Unavailable);
  CHECK_FALSE(missing.service->canSynthesize("da"));

  services::SpeechService silent(nullptr, KIOSK_DATA_DIR, languages());
  CHECK(silent.say(kDanish, "da").status == SpeechStatus::Unavailable);
  silent.stop();
  CHECK_FALSE(silent.speaking());
}

// [SECTION] Recorded prompts

TEST_CASE("a recorded prompt wins over synthesis, even where there is no voice") {
  TempDir data;
  writeFile(data.path / "i18n" / "da" / "audio" / "menu.book.wav", makeWav(tone(16000, 2, 0.5), WavSpec().withChannels(2)));
  writeFile(data.path / "i18n" / "ti" / "audio" / "menu.book.wav", makeWav(tone(24000, 1, 0.75), WavSpec().withRate(24000)));
  Speech speech(data.path);

  const auto danish = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(danish.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  const auto tigrinya = speech.service->sayKey("menu.book", "ቆጸራ ሓዝ", "ti");
  REQUIRE(tigrinya.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, tigrinya.utterance));
  // A key with no prompt is synthesised where there is a voice, and "no voice" where not.
  const auto other = speech.service->sayKey("menu.plan", "Min plan", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, other.utterance));
  CHECK(speech.service->sayKey("menu.plan", "ሓሳበይ", "ti").status == SpeechStatus::NoVoice);

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 3);
  CHECK(played[0].sampleRate == 16000);
  CHECK(played[0].channels == 2);
  CHECK(played[0].frames == 8000);
  CHECK(played[1].sampleRate == 24000);
  CHECK(played[1].frames == 18000);
  CHECK(played[2].sampleRate == 22050);  // espeak-ng
}

TEST_CASE("a broken recorded prompt is refused; the text is synthesised where there is a voice") {
  TempDir data;
  auto broken = makeWav(tone(16000, 1, 0.5));
  broken.resize(broken.size() / 2);  // cut off halfway
  writeFile(data.path / "i18n" / "da" / "audio" / "menu.book.wav", broken);
  writeFile(data.path / "i18n" / "ti" / "audio" / "menu.book.wav", {'n', 'o', 't', ' ', 'a', ' ', 'w', 'a', 'v'});
  Speech speech(data.path);

  const auto danish = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, danish.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::PromptRefused, danish.utterance), Catch::Contains("menu.book.wav"));

  const auto tigrinya = speech.service->sayKey("menu.book", "ቆጸራ ሓዝ", "ti");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, tigrinya.utterance));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, tigrinya.utterance));

  const auto played = speech.audio->played();
  REQUIRE(played.size() == 1);
  CHECK(played[0].sampleRate == 22050);  // the Danish text, synthesised
}

TEST_CASE("a key that is not a plain file name never reaches the file system") {
  TempDir data;
  writeFile(data.path / "i18n" / "da" / "secret.wav", makeWav(tone(16000, 1, 0.5)));
  Speech speech(data.path);
  const auto said = speech.service->sayKey("../secret", "Hej", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  REQUIRE(speech.audio->played().size() == 1);
  CHECK(speech.audio->played()[0].sampleRate == 22050);
}

// [SECTION] A screen in parts

namespace {

// espeak-ng behind a stand-in that notes each run in <dir>/runs (before: an optional shell line).
services::SpeechConfig countingEspeak(const TempDir& dir, const std::string& before = {}) {
  writeScript(dir.path / "espeak-ng", "echo run >> '" + (dir.path / "runs").string() + "'\n" + before + "exec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (dir.path / "espeak-ng").string();
  return config;
}

size_t espeakRuns(const TempDir& dir) {
  const std::string runs = readText(dir.path / "runs");
  return static_cast<size_t>(std::count(runs.begin(), runs.end(), '\n'));
}

std::vector<services::SpokenPart> parts(std::initializer_list<std::pair<const char*, const char*>> list) {
  std::vector<services::SpokenPart> out;
  for (const auto& [key, text] : list) out.push_back({key, text});
  return out;
}

void writePrompt(const TempDir& data, const std::string& language, const std::string& key, const std::vector<int16_t>& samples,
                 const WavSpec& spec = {}) {
  writeFile(data.path / "i18n" / language / "audio" / (key + ".wav"), makeWav(samples, spec));
}

}  // namespace

TEST_CASE("a screen in parts: recorded prompts where there are some, the parts between them in one espeak-ng run, in order") {
  TempDir data, bin;
  const auto title = tone(16000, 2, 0.3);
  const auto note = tone(24000, 1, 0.2);
  writePrompt(data, "da", "booked.title", title, WavSpec().withChannels(2));
  writePrompt(data, "da", "booked.note", note, WavSpec().withRate(24000));
  Speech speech(data.path, countingEspeak(bin), platform::NullAudioOutput::Timing::RealTime);

  const auto said = speech.service->say(parts({{"booked.title", "Du er booket"},
                                               {"", "tirsdag den 3. marts"},
                                               {"booked.time", "klokken ti"},  // no prompt for this key
                                               {"", "  "},                     // blank: left out
                                               {"booked.note", "Husk dit ID"}}),
                                        "da");
  REQUIRE(said.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(espeakRuns(bin) == 1);
  const auto played = speech.audio->played();
  REQUIRE(played.size() == 3);
  CHECK(played[0].sampleRate == 16000);
  CHECK(played[0].channels == 2);
  CHECK(played[1].sampleRate == 22050);  // espeak-ng
  CHECK(played[2].sampleRate == 24000);
  const auto heard = speech.heard();
  REQUIRE(heard.size() == 3);
  CHECK(heard[0] == title);
  CHECK(heard[2] == note);
  // Each clip only once the one before has been heard: play() would have cut it off.
  for (size_t i = 1; i < played.size(); ++i) {
    INFO(i);
    CHECK(played[i].at - played[i - 1].at >= std::chrono::duration<double>(played[i - 1].seconds()) - 1ms);
  }

  // The run between the prompts is the two texts joined by a space.
  const auto joined = speech.service->say("tirsdag den 3. marts klokken ti", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, joined.utterance));
  CHECK(espeakRuns(bin) == 2);
  REQUIRE(speech.audio->played().size() == 4);
  CHECK(speech.audio->played()[3].fingerprint == played[1].fingerprint);
}

TEST_CASE("a screen without recorded prompts costs one espeak-ng run, however many parts it has") {
  TempDir bin;
  Speech speech(KIOSK_DATA_DIR, countingEspeak(bin));
  const auto said = speech.service->say(
      parts({{"home.title", "Velkommen"}, {"home.next_meeting", "Dit næste møde"}, {"", "tirsdag"}, {"home.book", "Book et møde"}}), "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(espeakRuns(bin) == 1);
  CHECK(speech.audio->played().size() == 1);
  CHECK(speech.service->say(parts({{"home.title", " "}, {"", "\n"}}), "da").status == SpeechStatus::NothingToSay);
  CHECK(speech.service->say(std::vector<services::SpokenPart>{}, "da").status == SpeechStatus::NothingToSay);
  CHECK(speech.service->say(parts({{"home.title", "Hej"}}), "xx").status == SpeechStatus::UnknownLanguage);
}

TEST_CASE("a part in a language of its own is said in that language's voice, in a run of its own") {
  TempDir bin;
  // The stand-in notes the voice of each run: espeak-ng --stdout -b 1 -v VOICE ...
  writeScript(bin.path / "espeak-ng", "echo \"$5\" >> '" + (bin.path / "runs").string() + "'\nexec '" KIOSK_ESPEAK_NG "' \"$@\"\n");
  services::SpeechConfig config;
  config.espeakCommand = (bin.path / "espeak-ng").string();
  Speech speech(KIOSK_DATA_DIR, config);
  std::vector<services::SpokenPart> screen;
  screen.push_back({"language.title", "Vælg dit sprog.", ""});
  screen.push_back({"language.da", "Dansk.", "da"});         // the utterance's own language: same run
  screen.push_back({"language.ar", "العربية.", "ar"});
  screen.push_back({"language.so", "Soomaali.", "so"});      // no voice of its own: the utterance's
  const auto said = speech.service->say(std::move(screen), "da");
  REQUIRE(said.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK(readText(bin.path / "runs") == "da\nar\nda\n");
  CHECK(speech.audio->played().size() == 3);

  // A voiceless language can still say names in voices of their own, but not its own words.
  std::vector<services::SpokenPart> names;
  names.push_back({"language.ar", "العربية.", "ar"});
  CHECK(speech.service->say(std::move(names), "so").status == SpeechStatus::Started);
  std::vector<services::SpokenPart> words;
  words.push_back({"language.title", "Dooro luqaddaada.", ""});
  CHECK(speech.service->say(std::move(words), "so").status == SpeechStatus::NoVoice);
}

TEST_CASE("a language without a voice is spoken when every part has a recorded prompt, and has no voice otherwise") {
  TempDir data;
  writePrompt(data, "so", "booked.title", tone(16000, 1, 0.2));
  writePrompt(data, "so", "booked.note", tone(22050, 1, 0.1), WavSpec().withRate(22050));
  Speech speech(data.path);

  const auto prompted = speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"", " "}, {"booked.note", "Xusuuso"}}), "so");
  REQUIRE(prompted.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, prompted.utterance));
  REQUIRE(speech.audio->played().size() == 2);
  CHECK(speech.audio->played()[0].sampleRate == 16000);
  CHECK(speech.audio->played()[1].sampleRate == 22050);

  // One part without a prompt (a date) is enough: never another language's voice.
  CHECK(speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"", "Talaado 3 Maarso"}}), "so").status ==
        SpeechStatus::NoVoice);
  CHECK(speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"booked.time", "saacadda 10"}}), "so").status ==
        SpeechStatus::NoVoice);
  // The key's prompt is Somali's: Tigrinya has none.
  CHECK(speech.service->say(parts({{"booked.title", "ተመዝጊብካ"}}), "ti").status == SpeechStatus::NoVoice);
  const auto one = speech.service->sayKey("booked.title", "Waad ballansatay", "so");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, one.utterance));
  CHECK(speech.audio->played().size() == 3);
}

TEST_CASE("a broken prompt among the parts is refused and that part synthesised, or the whole fails without a voice") {
  TempDir data, bin;
  auto broken = makeWav(tone(16000, 1, 0.2));
  broken.resize(broken.size() - 7);
  writePrompt(data, "da", "booked.title", tone(16000, 1, 0.2));
  writeFile(data.path / "i18n" / "da" / "audio" / "booked.time.wav", broken);
  writePrompt(data, "so", "booked.title", tone(16000, 1, 2.0));
  writeFile(data.path / "i18n" / "so" / "audio" / "booked.time.wav", broken);
  Speech speech(data.path, countingEspeak(bin), platform::NullAudioOutput::Timing::RealTime);

  const auto danish = speech.service->say(parts({{"booked.title", "Du er booket"}, {"booked.time", "klokken ti"}}), "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, danish.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::PromptRefused, danish.utterance), Catch::Contains("booked.time.wav"));
  CHECK(espeakRuns(bin) == 1);
  REQUIRE(speech.audio->played().size() == 2);
  CHECK(speech.audio->played()[0].sampleRate == 16000);
  CHECK(speech.audio->played()[1].sampleRate == 22050);

  // Which prompts are broken is known only once they are read: Started, then Failed, and the
  // first part (2 s) is not left playing after the Failed event.
  const auto somali = speech.service->say(parts({{"booked.title", "Waad ballansatay"}, {"booked.time", "saacadda 10"}}), "so");
  REQUIRE(somali.started());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Failed, somali.utterance, 1s));
  CHECK(speech.has(SpeechEvent::Kind::PromptRefused, somali.utterance));
  CHECK_THAT(speech.why(SpeechEvent::Kind::Failed, somali.utterance), Catch::Contains("no voice for so"));
  CHECK(espeakRuns(bin) == 1);
  CHECK(speech.audio->played().size() == 3);
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  CHECK_FALSE(speech.service->speaking());
}

TEST_CASE("stop() silences a screen in parts at once, within a clip and between two") {
  TempDir data, bin;
  writePrompt(data, "da", "a", tone(16000, 1, 0.3));
  writePrompt(data, "da", "b", tone(16000, 1, 2.0));
  // The run between the prompts takes a second to render: the first prompt has ended by then.
  Speech speech(data.path, countingEspeak(bin, "sleep 1\n"), platform::NullAudioOutput::Timing::RealTime);

  const auto between = speech.service->say(parts({{"a", "Et"}, {"", "to"}, {"b", "tre"}}), "da");
  REQUIRE(waitFor([&] { return espeakRuns(bin) == 1; }));
  std::this_thread::sleep_for(400ms);
  REQUIRE(speech.audio->played().size() == 1);
  CHECK_FALSE(speech.audio->playing());
  const auto asked = Clock::now();
  speech.service->stop();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, between.utterance, 2s));
  CHECK(Clock::now() - asked < 500ms);  // espeak-ng killed, not waited for
  std::this_thread::sleep_for(1200ms);
  CHECK(speech.audio->played().size() == 1);  // nothing after it

  const auto within = speech.service->say(parts({{"a", "Et"}, {"b", "tre"}, {"a", "Et"}}), "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 3; }));  // "b" is playing
  CHECK(speech.audio->playing());
  speech.service->stop();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, within.utterance, 1s));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  std::this_thread::sleep_for(2s);
  CHECK(speech.audio->played().size() == 3);  // the last "a" never came
}

// [SECTION] Volume

TEST_CASE("volume scales every sample of what is said next: 100 as recorded, 50 half, 0 silence") {
  TempDir data;
  std::vector<int16_t> samples;
  for (const int16_t s : tone(16000, 1, 0.1)) samples.push_back(static_cast<int16_t>(s & ~1));  // even: half is exact
  const std::vector<int16_t> edges = {32767, -32768, 3, -3, 1, -1, 0, 101};
  samples.insert(samples.end(), edges.begin(), edges.end());
  writePrompt(data, "da", "menu.book", samples);
  Speech speech(data.path);
  CHECK(speech.service->volume() == 100);

  auto sayAt = [&](int percent) {
    speech.service->setVolume(percent);
    const auto said = speech.service->sayKey("menu.book", "Book et møde", "da");
    REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
    return speech.heard().back();
  };
  const auto full = sayAt(100);
  CHECK(full == samples);
  const auto half = sayAt(50);
  REQUIRE(half.size() == full.size());
  const size_t toneEnd = full.size() - edges.size();
  size_t wrong = 0, firstWrong = 0;
  for (size_t i = 0; i < toneEnd; ++i) {
    if (half[i] * 2 != full[i] && wrong++ == 0) firstWrong = i;
  }
  INFO("first wrong: sample " << firstWrong << ", " << half[firstWrong] << " at 50 % of " << full[firstWrong]);
  CHECK(wrong == 0);
  // Rounded half away from zero, and the extremes stay in range.
  CHECK(std::vector<int16_t>(half.begin() + static_cast<long>(toneEnd), half.end()) ==
        std::vector<int16_t>{16384, -16384, 2, -2, 1, -1, 0, 51});
  const auto none = sayAt(0);
  CHECK(none.size() == full.size());
  CHECK(std::all_of(none.begin(), none.end(), [](int16_t s) { return s == 0; }));

  speech.service->setVolume(250);
  CHECK(speech.service->volume() == 100);
  speech.service->setVolume(-3);
  CHECK(speech.service->volume() == 0);
}

TEST_CASE("volume applies to synthesised speech, and only to utterances started after it was set") {
  TempDir data;
  writePrompt(data, "da", "a", tone(16000, 1, 0.2));
  Speech speech(data.path, {}, platform::NullAudioOutput::Timing::RealTime);

  const auto full = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, full.utterance));
  speech.service->setVolume(50);
  const auto half = speech.service->say(kDanish, "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, half.utterance));
  auto heard = speech.heard();
  REQUIRE(heard.size() == 2);
  REQUIRE(heard[0].size() == heard[1].size());  // espeak-ng renders the same text the same
  size_t wrong = 0;
  for (size_t i = 0; i < heard[0].size(); ++i) {
    if (heard[1][i] != static_cast<int>(std::lround(heard[0][i] / 2.0))) ++wrong;  // rounded half away from zero
  }
  CHECK(wrong == 0);
  CHECK(*std::max_element(heard[0].begin(), heard[0].end()) > 1000);  // there is something to halve

  // Set while a screen in parts plays: its later parts keep the volume it started with.
  speech.service->setVolume(100);
  const auto parted = speech.service->say(parts({{"a", "Et"}, {"a", "Et"}}), "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 3; }));
  speech.service->setVolume(10);
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, parted.utterance));
  heard = speech.heard();
  REQUIRE(heard.size() == 4);
  CHECK(heard[2] == heard[3]);
  CHECK(heard[3] == tone(16000, 1, 0.2));
}

// [SECTION] A sound device plugged in or out

TEST_CASE("headphones plugged in: what is being heard is cancelled and the device let go, and the next clip opens the new one") {
  TempDir data;
  writePrompt(data, "da", "menu.book", tone(16000, 1, 3.0));
  Speech speech(data.path, {}, platform::NullAudioOutput::Timing::RealTime);

  const auto said = speech.service->sayKey("menu.book", "Book et møde", "da");
  REQUIRE(waitFor([&] { return speech.audio->played().size() == 1; }));
  REQUIRE(speech.audio->playing());
  const int releasesBefore = speech.audio->releases();
  const auto asked = Clock::now();
  speech.service->audioDevicesChanged();
  CHECK(Clock::now() - asked < 50ms);  // the UI thread only hands over
  CHECK_FALSE(speech.service->speaking());
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Cancelled, said.utterance, 1s));
  CHECK(Clock::now() - asked < 500ms);  // not left to finish its 3 s on the loudspeaker
  CHECK_THAT(speech.why(SpeechEvent::Kind::Cancelled, said.utterance), Catch::Contains("sound device"));
  CHECK_FALSE(speech.audio->playing());
  CHECK(speech.audio->stops() == 1);
  CHECK(waitFor([&] { return speech.audio->releases() > releasesBefore; }, 1s));

  // Speech goes on: the next say() plays (on whatever device is the default now).
  const auto again = speech.service->say("Hej", "da");
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, again.utterance));
  CHECK(speech.audio->played().size() == 2);
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Cancelled, again.utterance));
}

TEST_CASE("a device change while idle, or before anything is heard, lets the device go and cancels nothing") {
  TempDir bin;
  Speech speech(KIOSK_DATA_DIR, countingEspeak(bin, "sleep 0.3\n"));
  speech.service->audioDevicesChanged();
  CHECK(waitFor([&] { return speech.audio->releases() == 1; }, 1s));
  CHECK(speech.service->drain().empty());

  // Still being rendered: it plays, on the device opened after the change. The output is let go
  // twice: for the change, before the clip, and once it has been heard.
  const auto said = speech.service->say(kDanish, "da");
  REQUIRE(waitFor([&] { return espeakRuns(bin) == 1; }));
  speech.service->audioDevicesChanged();
  REQUIRE(speech.waitForEvent(SpeechEvent::Kind::Finished, said.utterance));
  CHECK_FALSE(speech.has(SpeechEvent::Kind::Cancelled, said.utterance));
  CHECK(speech.audio->played().size() == 1);
  CHECK(waitFor([&] { return speech.audio->releases() == 3; }, 1s));
}

// [SECTION] SDL2 audio output

TEST_CASE("the SDL2 output plays a clip through SDL's dummy driver and lets the device go") {
  setenv("SDL_AUDIODRIVER", "dummy", 0);  // a real driver if the caller chose one
  std::string error;
  auto output = platform::createSdl2AudioOutput(error);
  if (!output) {
    WARN("no SDL audio here: " << error);
    return;
  }
  const auto clip = tone(22050, 1, 0.3);
  CHECK_FALSE(output->playing());
  REQUIRE(output->play(clip, 22050, 1, error));
  CHECK(output->playing());
  CHECK(waitFor([&] { return !output->playing(); }, 3s));
  REQUIRE(output->play(clip, 22050, 1, error));
  output->stop();
  CHECK_FALSE(output->playing());
  output->release();
  CHECK_FALSE(output->play(std::vector<int16_t>{1, 2, 3}, 22050, 2, error));  // not whole frames
}
