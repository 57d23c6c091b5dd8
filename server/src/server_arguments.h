#pragma once
// jobcenter-sim's command line, parsed apart from main() so it can be tested.

#include <optional>
#include <string>

#include "reference_server.h"

namespace jobcenter {

struct ServerArguments {
  ServerOptions options;
  std::string certDir;        // --cert-dir: write ca.pem, server.pem, server.key here
  std::string kioskCaPath;    // --kiosk-ca: require kiosk client certificates signed by this CA
  std::string pinPepperPath;  // --pin-pepper-file: the PIN pepper, kept outside the database
  bool help = false;
};

// For a test whose kiosk's clock runs faster than the server's (the monkey, the soak): its minutes
// pass in milliseconds, so limits counted per real minute would refuse what a real kiosk never
// sends that fast. Limits against guessing staff PINs stay. The demo phone page's limit on wrong
// codes goes: the monkey's phone approves codes its fast clock let expire, and each 429 held the
// kiosk for 16 real seconds. (--no-rate-limits)
inline void liftRateLimits(ServerOptions& options) {
  constexpr int kMany = 1 << 30;
  options.checkInsPerKioskPerMinute = options.checkInsPerMinute = options.helpRequestsPerKioskPerMinute = kMany;
  options.deviceGrantsPerKioskPerMinute = options.requestsPerKioskPerMinute = options.requestsPerAddressPerMinute = kMany;
  options.deviceWrongCodesPerAddressPerMinute = options.deviceWrongCodesPerMinute = kMany;
}

// The arguments, or nullopt with error set. Reads no files.
std::optional<ServerArguments> parseServerArguments(int argc, const char* const* argv, std::string& error);

}  // namespace jobcenter
