#include "server_arguments.h"

#include <cstdlib>

namespace jobcenter {

std::optional<ServerArguments> parseServerArguments(int argc, const char* const* argv, std::string& error) {
  ServerArguments a;
  a.options.port = 8443;
  a.options.threads = 64;
  a.options.maxConnectionsPerClient = 32;
  a.options.requestsPerAddressPerMinute = 6000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help") {
      a.help = true;
      return a;
    }
    if (arg == "--no-demo-page") {
      a.options.demoPhonePage = false;
      continue;
    }
    if (arg == "--no-rate-limits") {
      liftRateLimits(a.options);
      continue;
    }
    if (i + 1 >= argc) {
      error = arg + " needs a value (see --help)";
      return std::nullopt;
    }
    const std::string value = argv[++i];
    if (arg == "--host") a.options.host = value;
    else if (arg == "--port") a.options.port = std::atoi(value.c_str());
    else if (arg == "--db") a.options.databasePath = value;
    else if (arg == "--seed" && (value == "demo" || value == "none")) {
      a.options.seedDemo = value == "demo";
      a.options.demoPhonePage = a.options.seedDemo;
    } else if (arg == "--cert-dir") a.certDir = value;
    else if (arg == "--kiosk-ca") a.kioskCaPath = value;
    else if (arg == "--pin-pepper-file") a.pinPepperPath = value;
    else if (arg == "--max-connections-per-client" && std::atoi(value.c_str()) >= 0) {
      a.options.maxConnectionsPerClient = std::atoi(value.c_str());
    } else if (arg == "--max-open-bookings" && std::atoi(value.c_str()) >= 1) a.options.policy.maxOpenSelfBookings = std::atoi(value.c_str());
    // The policy's timings, for test runs against a separate process (the flow suite). A poll
    // interval of 0 sets no minimum between polls: for a kiosk whose test clock runs faster than
    // the server's (the soak), where "slow down" would depend on the machine's speed.
    else if (arg == "--device-poll-seconds" && std::atoi(value.c_str()) >= 0) a.options.policy.devicePollSeconds = std::atoi(value.c_str());
    else if (arg == "--device-code-seconds" && std::atoi(value.c_str()) >= 1) a.options.policy.deviceCodeSeconds = std::atoi(value.c_str());
    else if (arg == "--move-cutoff-days" && std::atoi(value.c_str()) >= 0 && !value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
      a.options.policy.moveCutoffDays = std::atoi(value.c_str());
    } else {
      error = "unknown option " + arg + " " + value + " (see --help)";
      return std::nullopt;
    }
  }
  return a;
}

}  // namespace jobcenter
