// The monkey on the demo jobcenter (tests/flows/monkey.h): a fixed run in CI, any length by hand:
//   KIOSK_MONKEY_SEED=123 KIOSK_MONKEY_EVENTS=1000000 build/ci/tests/flow_tests "[monkey]"
// KIOSK_MONKEY_KEEP_GOING=1 notes every broken rule and goes on (long runs by hand);
// KIOSK_MONKEY_SILENT_SPEECH=1 speaks as the CI run does. A failure names its seed and event; the
// same seed, event count and settings replay it.
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "monkey.h"

namespace {

long fromEnvironment(const char* name, long fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::strtol(value, nullptr, 10) : fallback;
}

// Everything of a citizen the jobcenter knows, as the kiosk could have shown it.
std::vector<std::string> citizenTraces(DemoJobcenter& k) {
  std::vector<std::string> traces;
  for (const char* sql : {"SELECT first_name FROM citizens", "SELECT last_name FROM citizens", "SELECT cpr FROM citizens",
                          "SELECT replace(cpr, '-', '') FROM citizens", "SELECT first_name || ' ' || last_name FROM citizens",
                          "SELECT reference FROM bookings", "SELECT coalesce(wishes, '') FROM bookings",
                          "SELECT coalesce(job_title, '') FROM joblog", "SELECT coalesce(employer_name, '') FROM joblog",
                          "SELECT coalesce(description, '') FROM joblog", "SELECT text FROM agreements"}) {
    for (auto& text : k.texts(sql)) traces.push_back(std::move(text));
  }
  return traces;
}

// CPU seconds this process and the children it waited for (espeak-ng) have used so far.
double cpuSeconds() {
  double total = 0;
  for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage used{};
    getrusage(who, &used);
    total += static_cast<double>(used.ru_utime.tv_sec + used.ru_stime.tv_sec) + static_cast<double>(used.ru_utime.tv_usec + used.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

struct MonkeyRun {
  uint64_t seed = 17;
  long events = 20000;
  bool keepGoing = false;
  bool silentSynthesizer = false;
};

MonkeyReport runMonkey(const MonkeyRun& run) {
  // The monkey's clock runs faster than the server's: a "slow down" or "too many requests" would
  // depend on how fast this machine is, and the run would not replay.
  DemoJobcenter k(DemoJobcenter::fastPolicy(), {}, {.ownProcess = false, .acceleratedClock = true, .silentSynthesizer = run.silentSynthesizer});
  Monkey monkey(k, run.seed, [&k] { return citizenTraces(k); });
  monkey.startOverEvery = fromEnvironment("KIOSK_MONKEY_START_OVER_EVERY", monkey.startOverEvery);
  monkey.keepGoing = run.keepGoing;
  const auto started = std::chrono::steady_clock::now();
  const double cpuBefore = cpuSeconds();
  MonkeyReport report = monkey.run(run.events);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "monkey: seed " << run.seed << ", " << report.events << " events, " << report.frames << " frames in " << seconds << " s ("
            << cpuSeconds() - cpuBefore << " s of CPU, " << report.secondsWaited << " s waiting for answers); " << report.loggedIn << " logins, " << report.sessionsEnded << " sessions ended, "
            << report.startOvers << " start-over checks, " << report.screensSeen.size() << " screens seen, " << report.findings.size()
            << " kinds of finding; trace " << std::hex << report.traceHash << std::dec << "\n";
  return report;
}

void requireNoFailure(const MonkeyReport& report, const std::string& replayWith, bool (*tolerated)(const std::string&) = nullptr) {
  auto say = [&](const MonkeyFailure& f, long times) {
    if (tolerated && tolerated(f.what)) {
      WARN("monkey: known and open (seed " << f.seed << ", event " << f.event << ", " << times << " times): " << f.what);
      return;
    }
    FAIL_CHECK("monkey: seed " << f.seed << ", event " << f.event << (times > 1 ? " (and " + std::to_string(times - 1) + " times more)" : "")
                               << ": " << f.what << f.recent << "\n  replay: " << replayWith << "KIOSK_MONKEY_SEED=" << f.seed
                               << " KIOSK_MONKEY_EVENTS=" << f.event << " build/ci/tests/flow_tests \"[monkey]\"");
  };
  for (const auto& finding : report.findings) say(finding.first, finding.times);
  if (report.failure) say(*report.failure, 1);
}

// What every run must show besides no broken rule: it ran its events, and got past the front door.
void requireAWholeRun(const MonkeyReport& report, long events) {
  CHECK(report.events == events);
  CHECK(report.loggedIn > 0);
  CHECK(report.sessionsEnded > 0);
  CHECK(report.startOvers > 0);
}

// What the monkey finds that is known and not fixed yet (docs/reliability.md, "The monkey"):
// the CI run notes it and passes; anything else fails it. Take an entry off once it is fixed.
//  - With low reach, the speech controls and 150 or 200 % text (and in Tigrinya and Polish, whose
//    bar labels take two lines), the bar, the strip and a staff banner leave a screen too little
//    height below the reach line for its footer and a page's "more below": the page button is
//    drawn above the line. Which of them should yield is a design decision not made yet.
bool knownOpen(const std::string& what) {
  return what.find("is out of low reach") != std::string::npos && what.find(", low reach, speech controls") != std::string::npos;
}

}  // namespace

TEST_CASE("the monkey: seeded random input keeps the kiosk whole, its layout sound, start over one tap away and no citizen on screen after a session",
          "[.][monkey]") {
  MonkeyRun run;
  run.seed = static_cast<uint64_t>(fromEnvironment("KIOSK_MONKEY_SEED", static_cast<long>(run.seed)));
  run.events = fromEnvironment("KIOSK_MONKEY_EVENTS", run.events);
  run.keepGoing = fromEnvironment("KIOSK_MONKEY_KEEP_GOING", 0) != 0;
  run.silentSynthesizer = fromEnvironment("KIOSK_MONKEY_SILENT_SPEECH", 0) != 0;  // as in CI
  const MonkeyReport report = runMonkey(run);
  const std::string replayWith = std::string(run.keepGoing ? "KIOSK_MONKEY_KEEP_GOING=1 " : "") + (run.silentSynthesizer ? "KIOSK_MONKEY_SILENT_SPEECH=1 " : "");
  requireNoFailure(report, replayWith);
  requireAWholeRun(report, run.events);
}

// The run in CI: seed 17 and 20 000 events, with speech synthesised by a stand-in that answers
// silence at once (tests/flows/silent_synthesizer.sh). Everything else is the run by hand's: the
// same events (headphones in and out among them: speech mode, its strip, its cancels and clips
// played still run), the same checks, going on past what is known and open (knownOpen) and
// failing on anything else. Its own tag, hidden, so that neither flow run's spec picks it up
// (tests/CMakeLists.txt registers it once).
TEST_CASE("the monkey in CI: 20 000 seeded events keep the kiosk whole, its layout sound, start over one tap away and no citizen on screen after a session",
          "[.][monkey-ci]") {
  MonkeyRun run;
  run.seed = 17;
  run.events = 20000;  // about 55 s here (docs/reliability.md)
  run.keepGoing = true;
  run.silentSynthesizer = true;
  const MonkeyReport report = runMonkey(run);
  requireNoFailure(report, "KIOSK_MONKEY_KEEP_GOING=1 KIOSK_MONKEY_SILENT_SPEECH=1 ", knownOpen);
  requireAWholeRun(report, run.events);
}

// The monkey's first finding (seed 17, event 200), as it reported it: after a drag that began on
// the bar's help button, an Escape key and a scanner's burst with Enter, one tap on "start over"
// seemed to do nothing. Reduced, no press state was left behind: the monkey had queued input
// faster than it gave the kiosk frames, and its tap waited its turn (Monkey::seeInput). The
// sequence stays here, each step given the frames its input takes, so that press state that
// outlives a drag, a key or a burst would show as the tap it swallows.
TEST_CASE("after a drag off the help button, Escape and a scanner's burst, one tap on start over reaches the attract screen") {
  namespace platform = kiosk::platform;
  DemoJobcenter k;
  AnsweredDriver driver(k);
  REQUIRE(driver.waitFor(kiosk::screens::ScreenId::Attract));
  REQUIRE(driver.tap("bar.help"));
  REQUIRE(driver.waitFor(kiosk::screens::ScreenId::StaffHelp));
  driver.press(platform::Key::Escape);
  REQUIRE(driver.tap("bar.text_size"));
  for (const char* c : {"\xd2\x91", "\xd1\x97", "\xd1\x96", "\xd0\xaa"}) driver.push(platform::TextTyped{c});  // ґїіЪ
  driver.press(platform::Key::Enter);
  // A finger down on "help", moved off it in five steps, lifted elsewhere: a drag, not a press.
  const auto from = k.app().tree().find("bar.help")->visibleRect.center();
  driver.push(platform::PointerDown{from.x, from.y});
  driver.frame();
  for (int i = 1; i <= 5; ++i) {
    driver.push(platform::PointerMove{from.x + 15.f * static_cast<float>(i), from.y + 7.f * static_cast<float>(i)});
    driver.frame();
  }
  driver.push(platform::PointerUp{from.x + 77, from.y + 34});
  driver.settle();
  REQUIRE(k.app().currentScreen() == kiosk::screens::ScreenId::StaffHelp);  // the drag asked for nothing
  // Either ends the session; the bar shows one of them.
  REQUIRE((driver.tap("bar.start_over") || driver.tap("bar.log_out")));
  CHECK(k.app().currentScreen() == kiosk::screens::ScreenId::Attract);
}
