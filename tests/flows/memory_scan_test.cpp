// Nothing of the citizen left behind (issue 17 §4): the kiosk program as a kiosk in service runs
// it (its configuration file, jobcenter-sim as another process), a scripted session with a demo
// citizen, the session ended, and then the kiosk's own memory read for what the session held:
// the citizen's name, CPR number, booking code, and the wish and job log text typed. 0 hits.
//
// The script types what the citizen types one character per step, as a keyboard delivers it, so
// the script itself (which the kiosk holds while it runs) never holds the whole text: whatever
// is found was put together by the kiosk.
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "database.h"
#include "demo_jobcenter.h"
#include "process_memory.h"
#include "separate_jobcenter.h"

using nlohmann::json;

namespace {

// The kiosk program, its stdout read line by line; it stops itself at each {"stop_for_inspection"}.
class KioskProcess {
 public:
  explicit KioskProcess(const std::vector<std::string>& args) : sim_(KIOSK_PROGRAM, args) {}
  // Waits until the kiosk has said `line` and stopped itself.
  std::string waitUntilStopped() {
    const std::string said = sim_.valueAfter("kiosk: stopped for inspection", std::chrono::seconds(60));
    int status = 0;
    REQUIRE(::waitpid(sim_.pid(), &status, WUNTRACED) == sim_.pid());
    REQUIRE(WIFSTOPPED(status));
    return said;
  }
  void resume() { ::kill(sim_.pid(), SIGCONT); }
  int waitForExit() {
    int status = 0;
    ::waitpid(sim_.pid(), &status, 0);
    sim_.forget();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid() const { return sim_.pid(); }

 private:
  JobcenterSimProcess sim_;  // any program started that way: its stdout read, stopped when we go
};

// One character per step: the script never holds the whole text.
void typeByKeys(json& steps, const std::string& text) {
  for (const char32_t cp : process_memory::decodeUtf8(text)) {
    std::string one;
    if (cp < 0x80) one += static_cast<char>(cp);
    else if (cp < 0x800) one += {static_cast<char>(0xc0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3f))};
    else one += {static_cast<char>(0xe0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3f)), static_cast<char>(0x80 | (cp & 0x3f))};
    steps.push_back({{"type", one}});
  }
}

struct Citizen {
  std::string cprDigits = "0101901234", cpr = "010190-1234", firstName = "Freja", lastName = "Jensen";
  std::string wish = "Hjælp til ansøgning hos Vestervig Vognmandsforretning";
};

// Staff log the citizen in by CPR number (the walk's assisted path), the citizen books a meeting
// with a wish, and the session ends with "start over".
json sessionThenStartOver(const Citizen& c) {
  json steps = json::array({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.da"}}, {{"wait_for", "menu"}},
                            {{"tap", "menu.book"}}, {{"wait_for", "login"}}, {{"tap", "login.staff_helps"}}, {{"wait_for", "staff-login"}},
                            {{"type", "S1001"}}, {{"press", "enter"}}, {{"type", "1357"}}, {{"press", "enter"}},
                            {{"wait_for", "assisted"}, {"timeout_ms", 10000}}});
  typeByKeys(steps, c.cprDigits);
  for (const json& step : json::array({{{"press", "enter"}}, {{"wait_for", "home"}, {"timeout_ms", 10000}},
                                       {{"tap", "home-continue"}}, {{"wait_for", "book-topics"}},
                                       {{"expect", {{"key", "topic.job_search"}}}, {"timeout_ms", 10000}}, {{"tap", "topic.job_search"}},
                                       {{"tap", "common.next"}}, {{"wait_for", "book-form"}}, {{"tap", "form.in_person"}},
                                       {{"wait_for", "book-consultant"}}, {{"expect", {{"key", "consultant.any"}}}, {"timeout_ms", 10000}},
                                       {{"tap", "consultant.any"}}, {{"wait_for", "book-time"}},
                                       {{"expect", {{"key", "book.first_free"}}}, {"timeout_ms", 10000}}, {{"tap", "book.first_free"}},
                                       {{"wait_for", "book-wishes"}}, {{"tap", "book.write_wish"}}})) {
    steps.push_back(step);
  }
  typeByKeys(steps, c.wish);
  for (const json& step : json::array({{{"tap", "common.next"}}, {{"wait_for", "book-confirm"}}, {{"tap", "confirm.book"}},
                                       {{"wait_for", "booked"}, {"timeout_ms", 10000}}, {{"tap", "bar.log_out"}},
                                       {{"wait_for", "attract"}}, {{"wait_ms", 2000}}, {{"stop_for_inspection", true}}})) {
    steps.push_back(step);
  }
  return steps;
}

}  // namespace

TEST_CASE("nothing of the citizen is left in the kiosk's memory after start over: name, CPR number, booking code, wish", "[own-process]") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  SeparateJobcenter jobcenter(DemoJobcenter::fastPolicy(), kiosk::app::languageCodes(catalogs.languages()));
  const Citizen citizen;
  const auto script = jobcenter.dir() / "session.json";
  std::ofstream(script) << json{{"steps", sessionThenStartOver(citizen)}}.dump();

  KioskProcess kiosk({"--config", jobcenter.configFile().string(), "--script", script.string(), "--backend", "headless"});
  const std::string said = kiosk.waitUntilStopped();
  CHECK(said == " (memory protected)");  // in service: no core dumps, nobody else may read it

  // What the booking system knows of the session: the code of the meeting just booked.
  jobcenter::Database database(jobcenter.database().string());
  const std::string code = database.transaction([](jobcenter::Tx& tx) {
    std::string reference;
    tx.query("SELECT reference FROM bookings WHERE citizen_id = 'cit-freja' ORDER BY created_at DESC LIMIT 1", {},
             [&](const jobcenter::Row& row) { reference = row.text(0); });
    return reference;
  });
  REQUIRE_FALSE(code.empty());  // the session really booked
  size_t bytes = 0;
  const auto hits = scanProcessMemory(kiosk.pid(), {citizen.cprDigits, citizen.cpr, citizen.firstName, citizen.lastName, code, citizen.wish}, &bytes);
  UNSCOPED_INFO("read " << bytes / (1024 * 1024) << " MiB of the kiosk's memory");
  for (const auto& hit : hits) UNSCOPED_INFO("\"" << hit.text << "\" in " << hit.encoding << " at 0x" << std::hex << hit.address << std::dec << " in " << hit.mapping);
  CHECK(hits.empty());
  kiosk.resume();
  CHECK(kiosk.waitForExit() == 0);
}
