// The monkey on the demo jobcenter (tests/flows/monkey.h): a short run in CI, any length by hand:
//   KIOSK_MONKEY_SEED=123 KIOSK_MONKEY_EVENTS=1000000 build/ci/tests/flow_tests "[monkey]"
// A failure names its seed and event; the same seed and event count replay it exactly.
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

MonkeyReport runMonkey(uint64_t seed, long events) {
  // The monkey's clock runs faster than the server's: a "slow down" or "too many requests" would
  // depend on how fast this machine is, and the run would not replay.
  DemoJobcenter k(DemoJobcenter::fastPolicy(), {}, {.ownProcess = false, .acceleratedClock = true});
  Monkey monkey(k, seed, [&k] { return citizenTraces(k); });
  monkey.startOverEvery = fromEnvironment("KIOSK_MONKEY_START_OVER_EVERY", monkey.startOverEvery);
  const auto started = std::chrono::steady_clock::now();
  MonkeyReport report = monkey.run(events);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "monkey: seed " << seed << ", " << report.events << " events, " << report.frames << " frames in " << seconds << " s; "
            << report.loggedIn << " logins, " << report.sessionsEnded << " sessions ended, " << report.startOvers << " start-over checks, "
            << report.screensSeen.size() << " screens seen; trace " << std::hex << report.traceHash << std::dec << "\n";
  return report;
}

void requireNoFailure(const MonkeyReport& report) {
  if (!report.failure) return;
  const auto& f = *report.failure;
  FAIL("monkey: seed " << f.seed << ", event " << f.event << ": " << f.what << f.recent
                       << "\n  replay: KIOSK_MONKEY_SEED=" << f.seed << " KIOSK_MONKEY_EVENTS=" << f.event
                       << " build/ci/tests/flow_tests \"[monkey]\"");
}

}  // namespace

TEST_CASE("the monkey: seeded random input keeps the kiosk whole, its layout sound, start over one tap away and no citizen on screen after a session",
          "[.][monkey]") {
  const auto seed = static_cast<uint64_t>(fromEnvironment("KIOSK_MONKEY_SEED", 17));
  const long events = fromEnvironment("KIOSK_MONKEY_EVENTS", 20000);
  const MonkeyReport report = runMonkey(seed, events);
  requireNoFailure(report);
  CHECK(report.events == events);
  // A monkey that never got past the front door proves little.
  CHECK(report.loggedIn > 0);
  CHECK(report.sessionsEnded > 0);
  CHECK(report.startOvers > 0);
}
