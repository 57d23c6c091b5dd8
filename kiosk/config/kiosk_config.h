#pragma once
// The kiosk's own configuration: one JSON file (/etc/jobcenter-kiosk/kiosk.json by default) that
// IT writes when putting a kiosk into service. docs/configuration.md describes every field.
// Checking it is pure (no ImGui, no network): every problem is found at once, each with its JSON
// pointer, what was found and what is allowed, so one run of `kiosk --check-config` shows IT all
// of them.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::config {

inline const std::filesystem::path kDefaultConfigFile = "/etc/jobcenter-kiosk/kiosk.json";
// In the runtime directory the systemd unit makes (RuntimeDirectory=jobcenter-kiosk).
inline const std::filesystem::path kDefaultMetricsFile = "/run/jobcenter-kiosk/kiosk.prom";

struct KioskConfig {
  std::string kioskId;    // the client certificate's common name, and the kiosk's name at the server
  std::string placeName;  // where it stands, as staff say it ("Indgang, stueetagen")
  struct BookingSystem {
    std::string baseUrl;  // https://booking.jobcenter.example (no trailing slash)
    std::filesystem::path caFile;
    std::vector<std::string> pins;  // "sha256//<base64>": the server key's, and a backup
    std::filesystem::path clientCertificate, clientKey;  // both or neither
  } bookingSystem;
  std::string printer;                 // services::parsePrinterTarget syntax; empty: no printer
  std::vector<std::string> languages;  // enabled, in the order the chooser shows them
  std::chrono::seconds idleTimeout{120};
  std::chrono::seconds idleWarning{30};
  std::string adminPinHash;  // Argon2id (services::isAdminPinHash)
  struct UsageFigures {
    bool send = false;
    std::string baseUrl;  // where /kiosk/events goes; the booking system's when the file names none
  } usageFigures;
  // The kiosk's health as Prometheus text, for node_exporter's textfile collector; empty: none.
  std::filesystem::path metricsFile = kDefaultMetricsFile;
};

struct ConfigProblem {
  std::string pointer;  // RFC 6901, "" for the whole file
  std::string found;
  std::string allowed;
};
// "/idle/warningSeconds: found 10; allowed: ..." — one line for the log and for --check-config.
std::string describe(const ConfigProblem& problem);

struct ConfigCheck {
  std::optional<KioskConfig> config;  // only when there are no problems
  std::vector<ConfigProblem> problems;
  // Every field that was good, even when others were not: an out-of-order kiosk still speaks
  // the enabled languages.
  KioskConfig good;
  bool ok() const { return config.has_value(); }
};

// The bounds of the idle times, and why (docs/configuration.md says the same).
inline constexpr std::chrono::seconds kMinIdleTimeout{60}, kMaxIdleTimeout{900};
inline constexpr std::chrono::seconds kMinIdleWarning{20}, kMaxIdleWarning{120};

// The text of a configuration file: its shape and values. Paths are taken relative to baseDir
// (the file's folder). languageCodes: the codes i18n/languages.json knows. Touches no file.
ConfigCheck checkConfigText(const std::string& text, const std::vector<std::string>& languageCodes,
                            const std::filesystem::path& baseDir);

// The files the configuration names: readable, and the client key readable by its owner only.
std::vector<ConfigProblem> checkConfigFiles(const KioskConfig& config);

// The whole check of a configuration file: read it, its text, then the files it names.
ConfigCheck loadConfigFile(const std::filesystem::path& file, const std::vector<std::string>& languageCodes);

}  // namespace kiosk::config
