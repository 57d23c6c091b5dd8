// jobcenter-sim: the reference booking server on its own.
//   jobcenter-sim --port 8443 --db demo.sqlite --seed demo --cert-dir ./tls --kiosk-ca kiosk-ca.pem

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "secrets.h"
#include "server_arguments.h"

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void usage() {
  std::cout << "Usage: jobcenter-sim [--host 127.0.0.1] [--port 8443] [--db FILE|:memory:] [--seed demo|none]\n"
               "                     [--cert-dir DIR] [--kiosk-ca FILE] [--pin-pepper-file FILE]\n"
               "                     [--max-open-bookings N] [--max-connections-per-client N] [--no-demo-page]\n"
               "                     [--device-poll-seconds N] [--device-code-seconds N] [--move-cutoff-days N]\n"
               "                     [--no-rate-limits]\n"
               "Serves the booking API over HTTPS with a certificate made at start-up. --cert-dir writes\n"
               "ca.pem (trust this), server.pem and server.key (mode 0600) there, and a restart with the\n"
               "same --cert-dir keeps them (the kiosks pin the key). --kiosk-ca requires every\n"
               "kiosk to present a client certificate signed by that CA, its common name the kiosk id.\n"
               "--pin-pepper-file keeps the staff PIN pepper outside the database (made if missing).\n"
               "--seed none turns the demo phone page off. --port 0 takes a free port (printed).\n"
               "The policy's timings (phone login poll interval and code lifetime, moving cut-off) are\n"
               "for test runs (a poll interval of 0: no minimum), as is --no-rate-limits (for a kiosk whose\n"
               "clock runs faster than the server's). Stop with Ctrl-C.\n";
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  std::string error;
  auto parsed = jobcenter::parseServerArguments(argc, argv, error);
  if (!parsed) {
    std::cerr << "jobcenter-sim: " << error << "\n";
    return 2;
  }
  if (parsed->help) return usage(), 0;
  try {
    jobcenter::ServerOptions options = parsed->options;
    if (!parsed->kioskCaPath.empty()) options.kioskCaPem = readFile(parsed->kioskCaPath);
    if (!parsed->pinPepperPath.empty()) {
      if (!std::filesystem::exists(parsed->pinPepperPath)) {
        jobcenter::initSecrets();
        jobcenter::writeSecretFile(parsed->pinPepperPath, jobcenter::randomToken());
      }
      options.pinPepper = readFile(parsed->pinPepperPath);
    } else if (options.databasePath != ":memory:") {
      std::cerr << "jobcenter-sim: note: without --pin-pepper-file, staff PINs seeded into " << options.databasePath
                << " only work for this run\n";
    }
    // A restart keeps the certificate written last time: the kiosks pin its key.
    const std::string& certDir = parsed->certDir;
    const bool identityKept = [&] {
      if (certDir.empty() || !std::filesystem::exists(certDir + "/server.key")) return false;
      options.identity = jobcenter::identityFromPem(readFile(certDir + "/ca.pem"), readFile(certDir + "/server.pem"), readFile(certDir + "/server.key"));
      return options.identity.has_value();
    }();
    jobcenter::ReferenceServer server(options);
    if (const auto started = server.start(); !started) {
      std::cerr << "jobcenter-sim: " << started.failure().detail << "\n";
      return 1;
    }
    if (!certDir.empty() && !identityKept) {
      std::filesystem::create_directories(certDir);
      std::ofstream(certDir + "/ca.pem") << server.identity().caPem();
      std::ofstream(certDir + "/server.pem") << server.identity().certificatePem();
      jobcenter::writeSecretFile(certDir + "/server.key", server.identity().privateKeyPem());
    }
    std::cout << "jobcenter-sim listening on " << server.baseUrl() << "\n"
              << "kiosk client certificates: " << (options.kioskCaPem.empty() ? "not required" : "required") << "\n"
              << "certificate SHA-256 fingerprint: " << server.identity().fingerprintSha256() << "\n"
              << "public key pin: " << server.identity().publicKeyPin() << "\n"
              << "phone login page: " << server.baseUrl() << "/device" << (options.demoPhonePage ? " (demo)" : "") << "\n"
              << std::flush;
    // A full disk or a file-size limit must fail the write (SQLite rolls the transaction back
    // and the client hears a refusal), not end the server: SIGXFSZ's default action would.
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGINT, [](int) { stopRequested = 1; });
    std::signal(SIGTERM, [](int) { stopRequested = 1; });
    while (!stopRequested) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "jobcenter-sim: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
