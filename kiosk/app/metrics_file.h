#pragma once
// The kiosk's health as Prometheus text for node_exporter's textfile collector
// (/run/jobcenter-kiosk/kiosk.prom): what IT's Prometheus and Grafana already read, instead of a
// monitoring of our own. Only counts, states and times — nothing about any citizen. The file is
// written by a thread of its own, to a temporary file renamed over the old one, so the collector
// never reads half a file and the UI thread never waits on the disk.

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/app/heartbeat.h"
#include "kiosk/app/incidents.h"

namespace kiosk::app {

struct KioskMetrics {
  std::string version, kioskId;
  std::chrono::seconds uptime{0};
  bool outOfOrder = false;
  std::optional<std::chrono::system_clock::time_point> lastApiSuccess, clientCertificateExpires;
  PrinterHealth printer = PrinterHealth::None;
  int sessionsToday = 0;
  std::array<int64_t, kIncidentKinds> incidents{};  // since start, by IncidentKind
};

// The exposition text (text format 0.0.4), every metric with its HELP and TYPE.
std::string prometheusText(const KioskMetrics& metrics);

class MetricsFile {
 public:
  explicit MetricsFile(std::filesystem::path path);
  ~MetricsFile();  // writes what is pending, then stops
  MetricsFile(const MetricsFile&) = delete;
  MetricsFile& operator=(const MetricsFile&) = delete;

  // Hands the text to the writer and returns at once; a newer text replaces one not yet written.
  void publish(std::string text);
  const std::filesystem::path& path() const { return path_; }

 private:
  void run();
  void write(const std::string& text);

  std::filesystem::path path_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::optional<std::string> pending_;
  bool stopping_ = false, failureLogged_ = false;
  std::thread thread_;
};

}  // namespace kiosk::app
