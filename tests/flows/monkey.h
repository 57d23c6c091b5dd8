#pragma once
// The monkey (issue 17 §2): seeded random input over a whole kiosk on the demo jobcenter. Taps
// aimed at what the accessibility tree offers (most of the time) and anywhere at all, drags, long
// holds, two fingers, typing in five scripts, a barcode scanner's burst, keys, headphones in and
// out, the printer failing and coming back, language, size, contrast and low reach switched
// mid-flow, and the clock jumped far enough to fire every timer.
//
// After every event it checks what must always hold: the layout rules on the screen shown, and,
// every `startOverEvery` events, that "start over" reaches the attract screen in one tap. Every
// time a session ends it checks that the screen holds nothing of any citizen (demo names, CPR
// numbers, booking codes, and whatever was typed in that session).
//
// A run replays exactly from its seed: time is the monkey's own and every answer is in before
// each frame (answered_driver.h). The trace hash (every event and the screen it led to) says
// whether two runs were the same.

#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "answered_driver.h"
#include "demo_jobcenter.h"

struct MonkeyFailure {
  uint64_t seed = 0;
  long event = 0;   // the event after which a rule broke (1-based)
  std::string what;
  std::string recent;  // the last events, oldest first
};

// A finding in keep-going mode: the first time it was seen (as in MonkeyFailure), and how often.
struct MonkeyFinding {
  MonkeyFailure first;
  long times = 0;
};

struct MonkeyReport {
  long events = 0;
  long frames = 0;
  double secondsWaited = 0;  // real time spent waiting for the booking system's and printer's answers
  int sessionsEnded = 0;   // arrivals at the attract screen, each checked for leftovers
  int loggedIn = 0;        // arrivals at the home screen
  int startOvers = 0;      // "start over" checks made
  std::set<std::string> screensSeen;
  uint64_t traceHash = 0;  // FNV-1a over every event and the screen after it
  std::optional<MonkeyFailure> failure;  // what stopped the run
  // keepGoing: every kind of broken rule met, in the order first met (a kind is the message
  // without its numbers: the same rule on the same screen in the same language and size).
  std::vector<MonkeyFinding> findings;
};

class Monkey {
 public:
  // What a citizen may have left behind that the screen must not show once they have gone:
  // asked of the jobcenter at every session end (new bookings have new codes).
  using CitizenTraces = std::function<std::vector<std::string>()>;

  Monkey(DemoJobcenter& kiosk, uint64_t seed, CitizenTraces traces);

  // Runs until `events` events are done or a rule breaks.
  MonkeyReport run(long events);

  long startOverEvery = 200;
  // Long runs by hand: a broken rule is noted and the run goes on (a crash, or a booking system
  // that stops answering, still ends it). The trajectory is the same as without: the same seed
  // and event count replay a finding either way.
  bool keepGoing = false;

 private:
  void step();
  void frame();
  void seeInput();
  void settle(int maxFrames = 8);
  void check(bool startOver = true);
  void checkNothingLeftBehind();
  bool kioskSaysItself(const std::string& text) const;
  void checkStartOver();
  void fail(const std::string& what, bool fatal = false);
  void note(const std::string& event);

  // [SECTION] Events
  void tapTarget(bool barOnly);
  void tapAnywhere();
  void drag();
  void hold();
  void twoFingers();
  void type();
  void scannerBurst();
  void key();
  void wheel();
  void headphones();
  void printerFails();
  void jump();

  kiosk::ui::Vec2 aim(bool barOnly);
  kiosk::ui::Vec2 anywhere();
  std::string randomText();
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random_)];
  }
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }

  DemoJobcenter& kiosk_;
  kiosk::app::KioskApp& app_;
  kiosk::platform::Window& window_;
  uint64_t seed_;
  CitizenTraces traces_;
  std::mt19937_64 random_;
  AnsweredDriver driver_;
  MonkeyReport report_;
  std::vector<std::string> recent_;
  std::vector<std::string> typedThisSession_;
  kiosk::screens::ScreenId lastScreen_;
  // Every text of every catalog: what the kiosk says itself. Text typed at random can be part
  // of it ("دی" is in "خوش آمدید"), and is then no trace of a citizen.
  std::vector<std::string> kioskWords_;
  bool headphonesIn_ = false;
  bool printerBroken_ = false;
};
