// jobcenter-sim: the reference booking server on its own.
//   jobcenter-sim --port 8443 --db demo.sqlite --seed demo --cert-dir ./tls

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "reference_server.h"

namespace {

volatile std::sig_atomic_t stopRequested = 0;

void usage() {
  std::cout << "Usage: jobcenter-sim [--host 127.0.0.1] [--port 8443] [--db FILE|:memory:] [--seed demo|none]\n"
               "                     [--cert-dir DIR]\n"
               "Serves the booking API over HTTPS with a certificate made at start-up. --cert-dir writes\n"
               "ca.pem (trust this), server.pem and server.key there. Stop with Ctrl-C.\n";
}

}  // namespace

int main(int argc, char** argv) {
  jobcenter::ServerOptions options;
  options.port = 8443;
  std::string certDir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--help") return usage(), 0;
    if (!hasValue) {
      std::cerr << "jobcenter-sim: " << arg << " needs a value (see --help)\n";
      return 2;
    }
    const std::string value = argv[++i];
    if (arg == "--host") options.host = value;
    else if (arg == "--port") options.port = std::atoi(value.c_str());
    else if (arg == "--db") options.databasePath = value;
    else if (arg == "--seed" && (value == "demo" || value == "none")) options.seedDemo = value == "demo";
    else if (arg == "--cert-dir") certDir = value;
    else {
      std::cerr << "jobcenter-sim: unknown option " << arg << " " << value << " (see --help)\n";
      return 2;
    }
  }
  try {
    jobcenter::ReferenceServer server(options);
    server.start();
    if (!certDir.empty()) {
      std::filesystem::create_directories(certDir);
      std::ofstream(certDir + "/ca.pem") << server.identity().caPem();
      std::ofstream(certDir + "/server.pem") << server.identity().certificatePem();
      std::ofstream key(certDir + "/server.key");
      key << server.identity().privateKeyPem();
      std::filesystem::permissions(certDir + "/server.key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    std::cout << "jobcenter-sim listening on " << server.baseUrl() << "\n"
              << "certificate SHA-256 fingerprint: " << server.identity().fingerprintSha256() << "\n"
              << "public key pin: " << server.identity().publicKeyPin() << "\n"
              << "phone login page: " << server.baseUrl() << "/device\n"
              << std::flush;
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
