#include "kiosk/app/metrics_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

namespace kiosk::app {
namespace {

// A label value as the text format wants it: backslash, quote and newline escaped.
std::string labelValue(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

void metric(std::ostringstream& out, const char* name, const char* type, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

double seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

}  // namespace

std::string prometheusText(const KioskMetrics& m) {
  std::ostringstream out;
  out.precision(15);
  metric(out, "jobcenter_kiosk_up", "gauge", "1 while the kiosk runs and writes this file.");
  out << "jobcenter_kiosk_up 1\n";
  metric(out, "jobcenter_kiosk_info", "gauge", "The kiosk's version and id.");
  out << "jobcenter_kiosk_info{version=\"" << labelValue(m.version) << "\",kiosk_id=\"" << labelValue(m.kioskId) << "\"} 1\n";
  metric(out, "jobcenter_kiosk_uptime_seconds", "gauge", "Seconds since the kiosk started.");
  out << "jobcenter_kiosk_uptime_seconds " << m.uptime.count() << '\n';
  metric(out, "jobcenter_kiosk_out_of_order", "gauge", "1 when the configuration cannot be used and citizens see 'out of order'.");
  out << "jobcenter_kiosk_out_of_order " << (m.outOfOrder ? 1 : 0) << '\n';
  if (m.lastApiSuccess) {
    metric(out, "jobcenter_kiosk_last_api_success_timestamp_seconds", "gauge", "When the booking system last answered a request with success (Unix time).");
    out << "jobcenter_kiosk_last_api_success_timestamp_seconds " << seconds(*m.lastApiSuccess) << '\n';
  }
  metric(out, "jobcenter_kiosk_printer_state", "gauge", "The receipt printer's state: exactly one state is 1.");
  for (const auto state : {PrinterHealth::None, PrinterHealth::Unknown, PrinterHealth::Ok, PrinterHealth::Failed, PrinterHealth::PaperNearEnd,
                           PrinterHealth::PaperOut, PrinterHealth::CoverOpen}) {
    out << "jobcenter_kiosk_printer_state{state=\"" << printerName(state) << "\"} " << (state == m.printer ? 1 : 0) << '\n';
  }
  if (m.clientCertificateExpires) {
    metric(out, "jobcenter_kiosk_client_certificate_expiry_timestamp_seconds", "gauge", "When the kiosk's client certificate expires (Unix time).");
    out << "jobcenter_kiosk_client_certificate_expiry_timestamp_seconds " << seconds(*m.clientCertificateExpires) << '\n';
  }
  metric(out, "jobcenter_kiosk_sessions_today", "gauge", "Visits since midnight, Copenhagen time (a count only).");
  out << "jobcenter_kiosk_sessions_today " << m.sessionsToday << '\n';
  metric(out, "jobcenter_kiosk_incidents_total", "counter", "Incidents since the kiosk started, by kind (the log has each one).");
  for (size_t i = 0; i < kIncidentKinds; ++i) {
    out << "jobcenter_kiosk_incidents_total{kind=\"" << incidentKindName(static_cast<IncidentKind>(i)) << "\"} " << m.incidents[i] << '\n';
  }
  return out.str();
}

MetricsFile::MetricsFile(std::filesystem::path path) : path_(std::move(path)), thread_([this] { run(); }) {}

MetricsFile::~MetricsFile() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_one();
  thread_.join();
}

void MetricsFile::publish(std::string text) {
  {
    std::lock_guard lock(mutex_);
    pending_ = std::move(text);
  }
  changed_.notify_one();
}

void MetricsFile::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return stopping_ || pending_; });
    if (pending_) {
      const std::string text = std::move(*pending_);
      pending_.reset();
      lock.unlock();
      write(text);
      lock.lock();
    } else if (stopping_) {
      return;
    }
  }
}

void MetricsFile::write(const std::string& text) {
  // In the same folder, so the rename is atomic; node_exporter reads only *.prom.
  const auto temporary = path_.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  int error = ok ? 0 : errno;
  if (ok) {
    ::fchmod(fd, 0644);  // readable by node_exporter's user, whatever the service's umask
    size_t done = 0;
    while (ok && done < text.size()) {
      const auto n = ::write(fd, text.data() + done, text.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ok = false, error = errno;
      else done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0 && ok) ok = false, error = errno;
  }
  if (ok && ::rename(temporary.c_str(), path_.c_str()) != 0) ok = false, error = errno;
  if (!ok) {
    ::unlink(temporary.c_str());
    if (!failureLogged_) std::cerr << "kiosk: the metrics file " << path_.string() << " cannot be written: " << std::strerror(error) << "\n";
  } else if (failureLogged_) {
    std::cerr << "kiosk: the metrics file " << path_.string() << " is written again\n";
  }
  failureLogged_ = !ok;
}

}  // namespace kiosk::app
