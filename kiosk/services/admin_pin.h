#pragma once
// The admin PIN that opens the kiosk's admin mode. Only its Argon2id hash (libsodium's
// crypto_pwhash_str format, "$argon2id$v=19$m=…") is ever stored, in the kiosk's configuration
// file; the PIN itself is typed on the admin PIN pad and compared here.

#include <string>
#include <string_view>

#include "kiosk/result.h"

namespace kiosk::services {

// The hash to put in the configuration file for this PIN (`kiosk --hash-admin-pin`). Interactive
// limits: checking one PIN takes a fraction of a second and 64 MiB, which is what makes guessing
// from a stolen configuration file slow; the pad's lock-out makes guessing at the kiosk slow.
Result<std::string> hashAdminPin(std::string_view pin);

// True when the text has the shape of an Argon2id hash that verifyAdminPin can check (for the
// configuration's validation, which must not accept a plain PIN or another algorithm's hash).
bool isAdminPinHash(std::string_view hash);

// True only when the PIN matches the hash. Runs in constant time with respect to the PIN; takes
// as long as the hash's own limits say (call it off the UI thread).
bool verifyAdminPin(const std::string& hash, std::string_view pin);

// A PIN an IT operator may choose: 6 to 12 digits (four are guessed too easily from smudges).
bool isAcceptableAdminPin(std::string_view pin);

}  // namespace kiosk::services
