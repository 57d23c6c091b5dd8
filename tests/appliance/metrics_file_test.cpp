// The kiosk's health as Prometheus text (node_exporter's textfile collector): the exposition
// format parsed back line by line, the file replaced whole, and the real kiosk writing it.

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "kiosk/app/metrics_file.h"
#include "notify_socket.h"

using namespace kiosk::app;
using namespace std::chrono_literals;

namespace {

// "name{labels}" -> value, for every sample; every sample's name has a HELP and a TYPE line
// before it, as the text format asks.
struct Parsed {
  std::map<std::string, double> samples;
  std::vector<std::string> problems;
};

Parsed parse(const std::string& text) {
  static const std::regex sample(R"(^([a-z_]+)(\{[a-z_]+="[^"\\]*"(,[a-z_]+="[^"\\]*")*\})? (-?[0-9.e+]+)$)");
  static const std::regex comment(R"(^# (HELP|TYPE) ([a-z_]+) .+$)");
  Parsed out;
  std::map<std::string, int> described;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, comment)) {
      ++described[m[2]];
    } else if (std::regex_match(line, m, sample)) {
      if (described[m[1]] != 2) out.problems.push_back("no HELP and TYPE before " + line);
      out.samples[m[1].str() + m[2].str()] = std::stod(m[4]);
    } else {
      out.problems.push_back("not the text format: " + line);
    }
  }
  return out;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("metrics: every figure the operator guide's alerts use, in the Prometheus text format") {
  KioskMetrics m;
  m.version = "0.1.0";
  m.kioskId = "havnestad-indgang-1";
  m.uptime = 3600s;
  m.lastApiSuccess = std::chrono::system_clock::time_point(1'800'000'000s);
  m.clientCertificateExpires = std::chrono::system_clock::time_point(1'900'000'000s);
  m.printer = PrinterHealth::Failed;
  m.sessionsToday = 17;
  m.incidents[static_cast<size_t>(IncidentKind::Printer)] = 2;
  const auto parsed = parse(prometheusText(m));
  CHECK(parsed.problems.empty());
  const auto& s = parsed.samples;
  CHECK(s.at("jobcenter_kiosk_up") == 1);
  CHECK(s.at(R"(jobcenter_kiosk_info{version="0.1.0",kiosk_id="havnestad-indgang-1"})") == 1);
  CHECK(s.at("jobcenter_kiosk_uptime_seconds") == 3600);
  CHECK(s.at("jobcenter_kiosk_out_of_order") == 0);
  CHECK(s.at("jobcenter_kiosk_last_api_success_timestamp_seconds") == 1'800'000'000);
  CHECK(s.at("jobcenter_kiosk_client_certificate_expiry_timestamp_seconds") == 1'900'000'000);
  CHECK(s.at(R"(jobcenter_kiosk_printer_state{state="failed"})") == 1);
  CHECK(s.at(R"(jobcenter_kiosk_printer_state{state="ok"})") == 0);
  CHECK(s.at(R"(jobcenter_kiosk_printer_state{state="none"})") == 0);
  CHECK(s.at("jobcenter_kiosk_sessions_today") == 17);
  CHECK(s.at(R"(jobcenter_kiosk_incidents_total{kind="printer"})") == 2);
  CHECK(s.at(R"(jobcenter_kiosk_incidents_total{kind="certificate"})") == 0);
  CHECK(s.at(R"(jobcenter_kiosk_incidents_total{kind="speech"})") == 0);
  CHECK(s.at(R"(jobcenter_kiosk_incidents_total{kind="config_refresh"})") == 0);
}

TEST_CASE("metrics: a time never seen is left out rather than written as zero") {
  const auto parsed = parse(prometheusText(KioskMetrics{}));
  CHECK(parsed.problems.empty());
  CHECK(parsed.samples.count("jobcenter_kiosk_last_api_success_timestamp_seconds") == 0);
  CHECK(parsed.samples.count("jobcenter_kiosk_client_certificate_expiry_timestamp_seconds") == 0);
  CHECK(parsed.samples.at(R"(jobcenter_kiosk_printer_state{state="none"})") == 1);
}

TEST_CASE("metrics: the file is replaced whole, readable by node_exporter, and no temporary file stays") {
  const auto dir = std::filesystem::temp_directory_path() / ("metrics-file-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "kiosk.prom";
  {
    MetricsFile file(path);
    file.publish("jobcenter_kiosk_up 1\n# first\n");
    file.publish("jobcenter_kiosk_up 1\n");  // the newer text wins
  }  // the writer finishes what is pending before it stops
  CHECK(readFile(path) == "jobcenter_kiosk_up 1\n");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0644);
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  std::filesystem::remove_all(dir);
}

TEST_CASE("metrics: the real kiosk writes its health file while it runs, with a successful call to the booking system") {
  const auto dir = std::filesystem::temp_directory_path() / ("metrics-kiosk-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "kiosk.prom";
  kiosk::test::Process kiosk({KIOSK_PROGRAM, "--demo", "--backend", "headless", "--metrics-file", path.string()}, {});
  REQUIRE(kiosk.started());
  // The demo asks its jobcenter for the demo citizens before the first frame: the first file
  // already has a successful call.
  Parsed parsed;
  for (int i = 0; i < 300 && !parsed.samples.count("jobcenter_kiosk_up"); ++i) {
    std::this_thread::sleep_for(100ms);
    if (std::filesystem::exists(path)) parsed = parse(readFile(path));
  }
  CHECK(parsed.problems.empty());
  REQUIRE(parsed.samples.count("jobcenter_kiosk_up") == 1);
  CHECK(parsed.samples.at(std::string(R"(jobcenter_kiosk_info{version=")") + KIOSK_VERSION + R"(",kiosk_id="demo-kiosk"})") == 1);
  REQUIRE(parsed.samples.count("jobcenter_kiosk_last_api_success_timestamp_seconds") == 1);
  const auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  CHECK(parsed.samples.at("jobcenter_kiosk_last_api_success_timestamp_seconds") > now - 120);
  CHECK(parsed.samples.at("jobcenter_kiosk_sessions_today") == 0);
  CHECK(kiosk.running());
  std::filesystem::remove_all(dir);
}
