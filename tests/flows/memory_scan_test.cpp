// Nothing of the citizen left behind (issue 17 §4): the kiosk program as a kiosk in service runs
// it (its configuration file, jobcenter-sim as another process), a scripted session with a demo
// citizen, the session ended, and then the kiosk's own memory read for what the session held:
// the citizen's name, CPR number, booking code, and the wish and job log text typed. 0 hits.
// The session ends each way a kiosk's sessions end: start over (or log out: the bar offers one
// of them), the idle timeout wiping it, and the kiosk killed mid-session and started again —
// then the new process is read, and every file the kiosk could have written.
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

// Where the kiosk may keep files of its own: its home, temporary, cache and runtime folders,
// the folder it starts in, its metrics file, and a copy of its data folder (catalogs and
// assets), all inside one directory that the test reads afterwards.
class KioskHome {
 public:
  explicit KioskHome(const std::filesystem::path& dir) : dir_(dir) {
    for (const char* sub : {"home", "tmp", "cache", "config", "state", "runtime", "data"}) std::filesystem::create_directories(dir_ / sub);
    std::filesystem::permissions(dir_ / "runtime", std::filesystem::perms::owner_all);
    for (const char* shipped : {"i18n", "assets"}) {
      std::filesystem::copy(std::filesystem::path(KIOSK_DATA_DIR) / shipped, dir_ / "data" / shipped, std::filesystem::copy_options::recursive);
    }
  }
  const std::filesystem::path& dir() const { return dir_; }
  std::vector<std::string> arguments() const { return {"--data-dir", (dir_ / "data").string(), "--metrics-file", (dir_ / "kiosk.prom").string()}; }
  ChildSurroundings surroundings() const {
    return {{{"HOME", (dir_ / "home").string()},
             {"TMPDIR", (dir_ / "tmp").string()},
             {"XDG_CACHE_HOME", (dir_ / "cache").string()},
             {"XDG_CONFIG_HOME", (dir_ / "config").string()},
             {"XDG_STATE_HOME", (dir_ / "state").string()},
             {"XDG_RUNTIME_DIR", (dir_ / "runtime").string()}},
            dir_.string()};
  }

 private:
  std::filesystem::path dir_;
};

// The kiosk program, its stdout read line by line; it stops itself at each {"stop_for_inspection"}.
class KioskProcess {
 public:
  KioskProcess(const SeparateJobcenter& jobcenter, const KioskHome& home, const std::filesystem::path& script)
      : sim_(KIOSK_PROGRAM, arguments(jobcenter, home, script), home.surroundings()) {}
  // Waits until the kiosk has said that it stops, and has stopped; returns the rest of the line.
  std::string waitUntilStopped() {
    const std::string said = sim_.valueAfter("kiosk: stopped for inspection", std::chrono::seconds(60));
    int status = 0;
    REQUIRE(::waitpid(sim_.pid(), &status, WUNTRACED) == sim_.pid());
    REQUIRE(WIFSTOPPED(status));
    return said;
  }
  void resume() { ::kill(sim_.pid(), SIGCONT); }
  void kill() { ::kill(sim_.pid(), SIGKILL); }
  int waitForExit() {
    int status = 0;
    ::waitpid(sim_.pid(), &status, 0);
    sim_.forget();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid() const { return sim_.pid(); }

 private:
  static std::vector<std::string> arguments(const SeparateJobcenter& jobcenter, const KioskHome& home, const std::filesystem::path& script) {
    std::vector<std::string> args{"--config", jobcenter.configFile().string(), "--script", script.string(), "--backend", "headless"};
    for (const auto& a : home.arguments()) args.push_back(a);
    return args;
  }

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

void append(json& steps, const json& more) {
  for (const auto& step : more) steps.push_back(step);
}

struct Citizen {
  std::string id = "cit-freja", cprDigits = "0101901234", cpr = "010190-1234", firstName = "Freja", lastName = "Jensen";
  std::string wish = "Hjælp til ansøgning hos Vestervig Vognmandsforretning";
  std::string jobLogText = "Ansøgning sendt til Lystrup Låseservice";
};

// Staff log the citizen in by CPR number (the walk's assisted path), and the citizen books a
// meeting with a wish: the session is on the "booked" screen, its booking code shown.
json assistedBookingWithWish(const Citizen& c) {
  json steps = json::array({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.da"}}, {{"wait_for", "menu"}},
                            {{"tap", "menu.book"}}, {{"wait_for", "login"}}, {{"tap", "login.staff_helps"}}, {{"wait_for", "staff-login"}},
                            {{"type", "S1001"}}, {{"press", "enter"}}, {{"type", "1357"}}, {{"press", "enter"}},
                            {{"wait_for", "assisted"}, {"timeout_ms", 10000}}});
  typeByKeys(steps, c.cprDigits);
  append(steps, json::array({{{"press", "enter"}}, {{"wait_for", "home"}, {"timeout_ms", 10000}},
                             {{"tap", "home-continue"}}, {{"wait_for", "book-topics"}},
                             {{"expect", {{"key", "topic.job_search"}}}, {"timeout_ms", 10000}}, {{"tap", "topic.job_search"}},
                             {{"tap", "common.next"}}, {{"wait_for", "book-form"}}, {{"tap", "form.in_person"}},
                             {{"wait_for", "book-consultant"}}, {{"expect", {{"key", "consultant.any"}}}, {"timeout_ms", 10000}},
                             {{"tap", "consultant.any"}}, {{"wait_for", "book-time"}},
                             {{"expect", {{"key", "book.first_free"}}}, {"timeout_ms", 10000}}, {{"tap", "book.first_free"}},
                             {{"wait_for", "book-wishes"}}, {{"tap", "book.write_wish"}}}));
  typeByKeys(steps, c.wish);
  append(steps, json::array({{{"tap", "common.next"}}, {{"wait_for", "book-confirm"}}, {{"tap", "confirm.book"}},
                             {{"wait_for", "booked"}, {"timeout_ms", 10000}}, {{"expect", {{"key", "booked.reference"}}}}}));
  return steps;
}

// The citizen logs in with the phone — the test approves on the phone's behalf while the kiosk
// is stopped on the login screen, so her name reaches the kiosk the way it does in service — and
// writes a course into the job log.
json phoneLoginAndJobLog(const Citizen& c) {
  json steps = json::array({{{"tap", "attract.touch_to_start"}}, {{"tap", "language.da"}}, {{"wait_for", "menu"}},
                            {{"tap", "menu.joblog"}}, {{"wait_for", "login"}}, {{"expect", {{"key", "qr-code"}}}, {"timeout_ms", 10000}},
                            {{"stop_for_inspection", true}},  // approved on the phone meanwhile
                            {{"wait_for", "home"}, {"timeout_ms", 20000}}, {{"tap", "home-continue"}}, {{"wait_for", "joblog"}},
                            {{"expect", {{"key", "joblog.add_other"}}}, {"timeout_ms", 10000}}, {{"tap", "joblog.add_other"}},
                            {{"wait_for", "joblog-entry"}}});
  typeByKeys(steps, c.jobLogText);
  append(steps, json::array({{{"tap", "common.next"}}, {{"tap", "joblog.days_ago.0"}}, {{"tap", "joblog.save"}},
                             {{"wait_for", "joblog"}, {"timeout_ms", 10000}}, {{"expect", {{"key", "joblog.saved"}}}}}));
  return steps;
}

// The session over, the kiosk back on the attract screen for a while, then stopped to be read.
json thenInspected() { return json::array({{{"wait_for", "attract"}}, {{"wait_ms", 2000}}, {{"stop_for_inspection", true}}}); }

void writeScript(const std::filesystem::path& file, const json& steps) { std::ofstream(file) << json{{"steps", steps}}.dump(); }

std::string latestBookingCode(const SeparateJobcenter& jobcenter, const Citizen& c) {
  jobcenter::Database database(jobcenter.database().string());
  return database.transaction([&](jobcenter::Tx& tx) {
    std::string reference;
    tx.query("SELECT reference FROM bookings WHERE citizen_id = ? ORDER BY created_at DESC LIMIT 1", {c.id},
             [&](const jobcenter::Row& row) { reference = row.text(0); });
    return reference;
  });
}

void listHits(const std::vector<MemoryHit>& hits) {
  for (const auto& hit : hits) UNSCOPED_INFO("\"" << hit.text << "\" in " << hit.encoding << " at 0x" << std::hex << hit.address << std::dec << " in " << hit.mapping);
}

// Every readable mapping of the stopped kiosk, searched for the texts.
std::vector<MemoryHit> readKiosk(const KioskProcess& kiosk, const std::vector<std::string>& texts) {
  size_t bytes = 0;
  const auto hits = scanProcessMemory(kiosk.pid(), texts, &bytes);
  UNSCOPED_INFO("read " << bytes / (1024 * 1024) << " MiB of the kiosk's memory");
  listHits(hits);
  return hits;
}

struct Setting {
  std::vector<std::string> languages;
  SeparateJobcenter jobcenter;
  KioskHome home;
  Setting()
      : languages(kiosk::app::languageCodes(kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value().languages())),
        jobcenter(DemoJobcenter::fastPolicy(), languages),
        home(jobcenter.dir() / "kiosk") {}
  std::filesystem::path script(const std::string& name) const { return jobcenter.dir() / (name + ".json"); }
};

}  // namespace

TEST_CASE("nothing of the citizen is left in the kiosk's memory after start over: name, CPR number, booking code, wish", "[own-process]") {
  Setting s;
  const Citizen citizen;
  json steps = assistedBookingWithWish(citizen);
  // While a citizen is logged in the bar's last button is "start over" or "log out".
  append(steps, json::array({{{"tap", {{"one_of", {"bar.start_over", "bar.log_out"}}}}}}));
  append(steps, thenInspected());
  writeScript(s.script("session"), steps);

  KioskProcess kiosk(s.jobcenter, s.home, s.script("session"));
  const std::string said = kiosk.waitUntilStopped();
  CHECK(said == " (memory protected)");  // in service: no core dumps, nobody else may read it
  const std::string code = latestBookingCode(s.jobcenter, citizen);
  REQUIRE_FALSE(code.empty());  // the session really booked
  CHECK(readKiosk(kiosk, {citizen.cprDigits, citizen.cpr, citizen.firstName, citizen.lastName, code, citizen.wish}).empty());
  kiosk.resume();
  CHECK(kiosk.waitForExit() == 0);
}

TEST_CASE("nothing of the citizen is left in the kiosk's memory after the idle timeout wiped a phone login (name, CPR number, job log text)",
          "[own-process]") {
  Setting s;
  const Citizen citizen;
  json steps = phoneLoginAndJobLog(citizen);
  // The citizen walks away: "more time?" unanswered, then the session is wiped.
  append(steps, json::array({{{"wait_ms", 20 * 60 * 1000}}}));
  append(steps, thenInspected());
  writeScript(s.script("session"), steps);

  KioskProcess kiosk(s.jobcenter, s.home, s.script("session"));
  kiosk.waitUntilStopped();  // on the login screen, its code shown: the citizen's phone approves
  {
    jobcenter::Database database(s.jobcenter.database().string());
    const int approved = database.transaction([&](jobcenter::Tx& tx) {
      tx.exec("UPDATE device_grants SET state = 'approved', citizen_id = ? WHERE state = 'pending'", {citizen.id});
      return tx.changes();
    });
    REQUIRE(approved == 1);
  }
  kiosk.resume();
  kiosk.waitUntilStopped();
  jobcenter::Database database(s.jobcenter.database().string());
  REQUIRE(database.transaction([&](jobcenter::Tx& tx) {
    return tx.queryInt("SELECT COUNT(*) FROM joblog WHERE citizen_id = ? AND description = ?", {citizen.id, citizen.jobLogText}).value_or(0);
  }) == 1);  // the entry was saved: the kiosk held the text
  CHECK(readKiosk(kiosk, {citizen.cprDigits, citizen.cpr, citizen.firstName, citizen.lastName, citizen.jobLogText}).empty());
  kiosk.resume();
  CHECK(kiosk.waitForExit() == 0);
}

TEST_CASE("a kiosk killed mid-session and started again holds nothing of the citizen, in its memory or in any file it could write",
          "[own-process]") {
  Setting s;
  const Citizen citizen;
  json steps = assistedBookingWithWish(citizen);
  append(steps, json::array({{{"stop_for_inspection", true}}}));  // the booking on screen: killed here
  writeScript(s.script("session"), steps);
  writeScript(s.script("restarted"), thenInspected());

  {
    KioskProcess kiosk(s.jobcenter, s.home, s.script("session"));
    kiosk.waitUntilStopped();
    kiosk.kill();
    CHECK(kiosk.waitForExit() == 128 + SIGKILL);
  }
  const std::string code = latestBookingCode(s.jobcenter, citizen);
  REQUIRE_FALSE(code.empty());  // the session had booked when it was killed
  const std::vector<std::string> texts{citizen.cprDigits, citizen.cpr, citizen.firstName, citizen.lastName, code, citizen.wish};

  KioskProcess restarted(s.jobcenter, s.home, s.script("restarted"));
  restarted.waitUntilStopped();
  CHECK(readKiosk(restarted, texts).empty());
  size_t files = 0;
  const auto onDisk = scanFiles(s.home.dir(), texts, &files);
  UNSCOPED_INFO("read " << files << " files the kiosk could have written");
  listHits(onDisk);
  CHECK(onDisk.empty());
  CHECK(files > 0);
  restarted.resume();
  CHECK(restarted.waitForExit() == 0);
}
