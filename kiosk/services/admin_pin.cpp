#include "kiosk/services/admin_pin.h"

#include <sodium.h>

#include <algorithm>

namespace kiosk::services {

namespace {

bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

bool isAcceptableAdminPin(std::string_view pin) {
  return pin.size() >= 6 && pin.size() <= 12 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> hashAdminPin(std::string_view pin) {
  if (!isAcceptableAdminPin(pin)) return failure("the admin PIN must be 6 to 12 digits");
  if (!sodiumReady()) return failure("libsodium could not start");
  std::string hash(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(hash.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return failure("not enough memory to hash the admin PIN");
  }
  hash.resize(hash.find('\0'));
  return hash;
}

bool isAdminPinHash(std::string_view hash) {
  constexpr std::string_view prefix = "$argon2id$";
  return hash.size() > prefix.size() && hash.size() < crypto_pwhash_STRBYTES && hash.substr(0, prefix.size()) == prefix;
}

bool verifyAdminPin(const std::string& hash, std::string_view pin) {
  if (!sodiumReady() || !isAdminPinHash(hash)) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace kiosk::services
