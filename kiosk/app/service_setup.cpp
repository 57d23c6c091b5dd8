#include "kiosk/app/service_setup.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fstream>
#include <iostream>
#include <sstream>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include "kiosk/services/admin_pin.h"

namespace kiosk::app {
namespace {

Result<std::string> readPem(const std::filesystem::path& file, const std::string& what) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || text.str().find("-----BEGIN ") == std::string::npos) {
    return failure("the " + what + " " + file.string() + " cannot be read as PEM");
  }
  return text.str();
}

std::string hostOf(const std::string& url) {
  const auto start = url.find("://") == std::string::npos ? 0 : url.find("://") + 3;
  return url.substr(start, url.find('/', start) - start);
}

}  // namespace

Result<std::chrono::system_clock::time_point> certificateExpiry(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* certificate = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
  BIO_free(bio);
  if (!certificate) return failure("not a PEM certificate");
  int days = 0, seconds = 0;
  const bool ok = ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(certificate)) == 1;
  X509_free(certificate);
  if (!ok) return failure("the certificate's expiry cannot be read");
  return std::chrono::system_clock::now() + std::chrono::days(days) + std::chrono::seconds(seconds);
}

std::vector<std::string> languageCodes(const i18n::LanguageList& languages) {
  std::vector<std::string> codes;
  for (const auto& language : languages.languages) codes.push_back(language.code);
  return codes;
}

Result<api::ClientConfig> bookingClientConfig(const config::KioskConfig& config) {
  api::ClientConfig client;
  client.baseUrl = config.bookingSystem.baseUrl;
  client.kioskId = config.kioskId;
  client.tls.caFile = config.bookingSystem.caFile.string();
  client.tls.pins = config.bookingSystem.pins;
  if (!config.bookingSystem.clientCertificate.empty()) {
    auto certificate = readPem(config.bookingSystem.clientCertificate, "client certificate");
    if (!certificate) return certificate.failure();
    auto key = readPem(config.bookingSystem.clientKey, "client key");
    if (!key) return key.failure();
    client.tls.clientCertificatePem = std::move(*certificate);
    client.tls.clientKeyPem = std::move(*key);
  }
  return client;
}

api::ClientConfig usageFiguresClientConfig(const config::KioskConfig& config, const api::ClientConfig& booking) {
  api::ClientConfig figures = booking;
  if (!config.usageFigures.baseUrl.empty()) {
    figures.baseUrl = config.usageFigures.baseUrl;
    if (hostOf(figures.baseUrl) != hostOf(booking.baseUrl)) figures.tls.pins.clear();
  }
  return figures;
}

void applyConfig(const config::KioskConfig& config, const std::filesystem::path& file, AppOptions& options) {
  options.kioskId = config.kioskId;
  options.placeName = config.placeName;
  options.adminPinHash = config.adminPinHash;
  options.configFile = file;
  options.enabledLanguages = config.languages;
  if (!config.languages.empty()) options.defaultLanguage = config.languages.front();
  options.idleTimeout = config.idleTimeout;
  options.idleWarning = config.idleWarning;
  options.sendUsageEvents = config.usageFigures.send;
}

Result<InService> startInService(const std::filesystem::path& file, const i18n::LanguageList& languages, AppOptions& options,
                                 std::function<void()> wakeUi) {
  const auto check = config::loadConfigFile(file, languageCodes(languages));
  if (!check.ok()) {
    options.enabledLanguages = check.good.languages;  // the out-of-order screen speaks them
    std::string lines;
    for (const auto& problem : check.problems) lines += (lines.empty() ? "" : "\n") + file.string() + ": " + config::describe(problem);
    return failure(lines);
  }
  const auto& c = *check.config;
  auto client = bookingClientConfig(c);
  if (!client) return failure(file.string() + ": " + client.failure().detail);
  applyConfig(c, file, options);
  if (!client->tls.clientCertificatePem.empty()) {
    const auto expires = certificateExpiry(client->tls.clientCertificatePem);
    if (!expires) return failure(file.string() + ": the client certificate " + c.bookingSystem.clientCertificate.string() + ": " + expires.failure().detail);
    options.clientCertificateExpires = *expires;
  }
  InService in;
  // Usage figures sent elsewhere than to the booking system have a client of their own.
  if (c.usageFigures.send && !c.usageFigures.baseUrl.empty()) {
    in.usageClient = std::make_unique<api::HttpClient>(usageFiguresClientConfig(c, *client), wakeUi);
  }
  in.client = std::make_unique<api::HttpClient>(*client, std::move(wakeUi));
  in.printer = c.printer;
  in.metricsFile = c.metricsFile;
  in.summary = "kiosk " + c.kioskId + " (" + c.placeName + "), booking system " + c.bookingSystem.baseUrl + ", configuration " + file.string();
  return in;
}

void protectMemory() {
  const rlimit noCore{0, 0};
  ::setrlimit(RLIMIT_CORE, &noCore);
  ::prctl(PR_SET_DUMPABLE, 0);
}

void clearFreedMemory(char** argv) {
  const char* set = std::getenv("GLIBC_TUNABLES");
  if (set && std::strstr(set, kClearFreedMemoryTunables)) return;
  const std::string tunables = set && *set ? std::string(set) + ":" + kClearFreedMemoryTunables : kClearFreedMemoryTunables;
  ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
  // The program's own path, not /proc/self/exe: the process keeps its name ("kiosk" in ps, in
  // pgrep, in what watches it), which exec takes from the path it is given.
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  ::execv(error ? "/proc/self/exe" : self.c_str(), argv);
  std::cerr << "kiosk: freed memory is not overwritten: cannot start again with " << kClearFreedMemoryTunables << ": "
            << std::strerror(errno) << "\n";
}

int checkConfigCommand(const std::filesystem::path& file, const i18n::LanguageList& languages, std::ostream& out) {
  const auto check = config::loadConfigFile(file, languageCodes(languages));
  if (!check.ok()) {
    for (const auto& problem : check.problems) out << file.string() << ": " << config::describe(problem) << "\n";
    out << file.string() << ": " << check.problems.size() << (check.problems.size() == 1 ? " problem" : " problems") << "\n";
    return 1;
  }
  const auto& c = *check.config;
  out << file.string() << ": ok: kiosk " << c.kioskId << " (" << c.placeName << "), booking system " << c.bookingSystem.baseUrl
      << (c.bookingSystem.clientCertificate.empty() ? "" : " with a client certificate") << ", " << c.languages.size()
      << " languages, " << (c.printer.empty() ? "no printer" : "printer " + c.printer) << ", usage figures "
      << (c.usageFigures.send ? "sent" : "not sent") << "\n";
  return 0;
}

int hashAdminPinCommand(std::istream& in, std::ostream& out, std::ostream& err) {
  std::string pin;
  std::getline(in, pin);
  while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
  const auto hash = services::hashAdminPin(pin);
  if (!hash) {
    err << "kiosk: --hash-admin-pin: " << hash.failure().detail << " (read from the first line of standard input)\n";
    return 2;
  }
  out << *hash << "\n";
  return 0;
}

}  // namespace kiosk::app
