#pragma once
// Putting the kiosk into service from its configuration file (kiosk/config): the booking
// system's client, the app's options, and the two command-line tools IT uses on the file
// (--check-config, --hash-admin-pin). main() only chooses between the demo and this.

#include <chrono>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/api/http_client.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/config/kiosk_config.h"
#include "kiosk/i18n/languages.h"
#include "kiosk/result.h"

namespace kiosk::app {

std::vector<std::string> languageCodes(const i18n::LanguageList& languages);

// The HTTPS client's settings for the booking system: its address, CA bundle, pins, and the
// kiosk's client certificate (read here, once, at start-up).
Result<api::ClientConfig> bookingClientConfig(const config::KioskConfig& config);

// When a PEM certificate expires (for the heartbeat's days left), or a failure saying why not.
Result<std::chrono::system_clock::time_point> certificateExpiry(const std::string& pem);

// Usage figures go to the booking system unless the file names another address; there the
// booking system's pins do not apply (they are its key's), the CA bundle and certificate do.
api::ClientConfig usageFiguresClientConfig(const config::KioskConfig& config, const api::ClientConfig& booking);

// What the app takes from the configuration: kiosk id and place, languages, idle times, PIN hash.
void applyConfig(const config::KioskConfig& config, const std::filesystem::path& file, AppOptions& options);

// A kiosk in service: its configuration checked, its booking system's client made.
struct InService {
  std::unique_ptr<api::HttpClient> client;
  std::unique_ptr<api::HttpClient> usageClient;  // only when usage figures go elsewhere than to the booking system
  std::string printer;  // the configuration's printer target; empty: none
  std::string summary;  // one line for the log: which kiosk, which booking system
  std::filesystem::path metricsFile;  // empty: none
};
// On failure, the detail holds one line per problem ("FILE: /pointer: found ...; allowed: ...").
Result<InService> startInService(const std::filesystem::path& file, const i18n::LanguageList& languages, AppOptions& options,
                                 std::function<void()> wakeUi);

// A kiosk in service holds citizens' data in memory: it never dumps core (a crash would write a
// citizen's session to disk), and no other process, not even one of its own user, may read its
// memory (ptrace, /proc/PID/mem). Only root can.
void protectMemory();

// Freed memory is overwritten, in every library of the process (libcurl, OpenSSL, ICU, ImGui as
// well as ours): glibc's allocator fills each block it is given back (the perturb tunable), and
// with no per-thread cache of freed blocks (tcache) every block goes the way that fills. Tunables
// are read only as a program starts, so without them the kiosk starts itself again, once, with
// them set (same process id: systemd and cage see nothing). Returns only if that fails.
void clearFreedMemory(char** argv);
inline constexpr const char* kClearFreedMemoryTunables = "glibc.malloc.perturb=165:glibc.malloc.tcache_count=0";

// `kiosk --check-config FILE`: every problem on its own line, or one "ok" line. Returns the exit code.
int checkConfigCommand(const std::filesystem::path& file, const i18n::LanguageList& languages, std::ostream& out);

// `kiosk --hash-admin-pin`: the PIN from the first line of `in`, its hash to `out`. Returns the exit code.
int hashAdminPinCommand(std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace kiosk::app
