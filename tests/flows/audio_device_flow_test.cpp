// The sound device vanishing mid-sentence (issue 17 §5), on the demo jobcenter with the kiosk's
// real sound output: SDL2 audio, through SDL's "disk" driver writing into a named pipe that the
// test reads as the loudspeaker would. Pulling the device is closing the pipe and taking its
// folder away: SDL's next write fails and SDL declares the open device disconnected — the path an
// unplugged USB speaker or a sound server that ended takes — and it cannot be opened again until
// the folder and a reader are back. Time passes at its real pace here: the sound does.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "demo_jobcenter.h"
#include "platform/audio.h"

namespace {

using Clock = kiosk::app::Clock;
using namespace std::chrono_literals;

// A loudspeaker at the end of a named pipe: it hears (counts) what SDL writes until unplugged.
class PipeSpeaker {
 public:
  explicit PipeSpeaker(std::filesystem::path dir) : dir_(std::move(dir)) {}
  ~PipeSpeaker() { unplug(); }
  PipeSpeaker(const PipeSpeaker&) = delete;
  PipeSpeaker& operator=(const PipeSpeaker&) = delete;

  std::filesystem::path file() const { return dir_ / "speaker"; }
  size_t heard() const { return heard_; }

  void plugIn() {
    std::filesystem::create_directories(dir_);
    REQUIRE(::mkfifo(file().c_str(), 0600) == 0);
    // Open without waiting for a writer; SDL opens its end when it first plays.
    fd_ = ::open(file().c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd_ >= 0);
    heard_ = 0;
    listening_ = true;
    listener_ = std::thread([this] { listen(); });
  }
  // Gone: nobody reads the pipe any more (SDL's next write fails), and it cannot be opened again.
  void unplug() {
    if (!listening_) return;
    listening_ = false;
    listener_.join();
    ::close(fd_);
    std::filesystem::remove_all(dir_);
  }

 private:
  void listen() {
    char buffer[8192];
    while (listening_) {
      pollfd p{fd_, POLLIN, 0};
      ::poll(&p, 1, 20);
      const ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n > 0) heard_ += static_cast<size_t>(n);
      else std::this_thread::sleep_for(5ms);  // no writer just now (between utterances)
    }
  }

  std::filesystem::path dir_;
  int fd_ = -1;
  std::atomic<size_t> heard_{0};
  std::atomic<bool> listening_{false};
  std::thread listener_;
};

// Frames at the real clock's pace, each timed: the UI thread must never wait on the sound.
class RealTimeFrames {
 public:
  explicit RealTimeFrames(DemoJobcenter& k) : k_(k) {}

  void frame() {
    const auto now = std::max(Clock::now(), k_.app().lastFrameAt() + 1ms);
    const auto started = std::chrono::steady_clock::now();
    k_.app().frame(now);
    k_.window().present();
    longest_ = std::max(longest_, std::chrono::steady_clock::now() - started);
    std::this_thread::sleep_for(10ms);
  }
  // Frames until the condition holds, at most `within` of real time.
  template <typename Condition>
  bool until(Condition holds, std::chrono::milliseconds within = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (!holds()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      frame();
    }
    return true;
  }
  bool tap(const std::string& key) {
    if (!until([&] { const auto* n = k_.app().tree().find(key); return n && n->enabled && n->visibleRect.w > 0; })) return false;
    const auto at = k_.app().tree().find(key)->visibleRect.center();
    k_.app().push(kiosk::platform::PointerDown{at.x, at.y}, Clock::now());
    k_.app().push(kiosk::platform::PointerUp{at.x, at.y}, Clock::now());
    for (int i = 0; i < 3; ++i) frame();
    return true;
  }
  bool shows(kiosk::screens::ScreenId screen) { return until([&] { return k_.app().currentScreen() == screen; }); }
  std::chrono::milliseconds longestFrame() const { return std::chrono::duration_cast<std::chrono::milliseconds>(longest_); }
  void forgetLongest() { longest_ = {}; }

 private:
  DemoJobcenter& k_;
  std::chrono::steady_clock::duration longest_{};
};

// The environment SDL reads, for this test only.
struct SdlDiskAudio {
  explicit SdlDiskAudio(const std::filesystem::path& file) {
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
  }
  ~SdlDiskAudio() {
    ::unsetenv("SDL_AUDIODRIVER");
    ::unsetenv("SDL_DISKAUDIOFILE");
  }
};

// A pipe's reader going away raises SIGPIPE in the writer (SDL's audio thread), which would end
// the test; a real sound card's disappearance does not signal. Ignored for the test only.
struct IgnoringSigpipe {
  struct sigaction before {};
  IgnoringSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &before);
  }
  ~IgnoringSigpipe() { ::sigaction(SIGPIPE, &before, nullptr); }
};

int64_t speechIncidents(DemoJobcenter& k) { return k.app().incidents().totals()[static_cast<size_t>(kiosk::app::IncidentKind::Speech)]; }

bool readAloudOffered(DemoJobcenter& k) {
  const auto* button = k.app().tree().find("bar.read_aloud");
  return button && button->enabled;
}

}  // namespace

TEST_CASE("the sound device vanishing mid-sentence: the kiosk keeps working, shows read aloud as unavailable, and reads again once a device is back",
          "[in-process]") {
  using kiosk::screens::ScreenId;
  const IgnoringSigpipe ignoringSigpipe;
  PipeSpeaker speaker(std::filesystem::temp_directory_path() / ("flow-speaker-" + std::to_string(std::random_device{}())));
  const SdlDiskAudio sdl(speaker.file());
  speaker.plugIn();
  DemoJobcenter k(DemoJobcenter::fastPolicy(), {}, {.audio = [] {
                    auto output = kiosk::platform::createSdl2AudioOutput();
                    INFO((output ? std::string() : output.failure().detail));
                    REQUIRE(output.ok());
                    return std::move(*output);
                  }});
  REQUIRE(k.speech().canSynthesize("da"));  // espeak-ng and a sound output: read aloud is offered
  RealTimeFrames frames(k);
  REQUIRE(frames.tap("attract.touch_to_start"));
  REQUIRE(frames.tap("language.da"));
  REQUIRE(frames.shows(ScreenId::MainMenu));
  frames.forgetLongest();  // the fonts are built by now

  // Read aloud on: how speech works, then the menu — seconds of speech. Half a second of it heard.
  REQUIRE(frames.tap("bar.read_aloud"));
  REQUIRE(frames.until([&] { return speaker.heard() > 22050; }));  // 16-bit samples at 22 050 Hz
  REQUIRE(k.speech().speaking());
  const int64_t incidentsBefore = speechIncidents(k);

  speaker.unplug();
  // The sentence ends there, told as a failure (for the operator), and read aloud is greyed with
  // "no reading aloud" instead of seeming to speak for ever.
  CHECK(frames.until([&] { return !k.speech().speaking(); }, 5s));
  CHECK(frames.until([&] { return !readAloudOffered(k); }, 2s));
  CHECK(speechIncidents(k) > incidentsBefore);
  // The kiosk goes on: the citizen checks in, and the new screen's reading fails at once.
  REQUIRE(frames.tap("menu.check_in"));
  CHECK(frames.shows(ScreenId::CheckIn));
  CHECK(frames.until([&] { return !k.speech().speaking(); }, 5s));
  CHECK_FALSE(readAloudOffered(k));

  // A device again: the next screen is read on it, and read aloud is offered again.
  speaker.plugIn();
  REQUIRE(frames.tap("common.back"));
  CHECK(frames.shows(ScreenId::MainMenu));
  CHECK(frames.until([&] { return speaker.heard() > 0; }, 10s));
  CHECK(frames.until([&] { return readAloudOffered(k); }, 2s));
  // No frame waited on the sound device: every one took well under a second.
  CHECK(frames.longestFrame() < 1000ms);
}
