#pragma once
// Random identifiers, token hashing and PIN hashing (libsodium).

#include <string>

namespace jobcenter {

void initSecrets();                                   // call once before anything below
std::string randomToken();                            // 256 bits, base64url, for bearer tokens and device codes
std::string randomCode(const std::string& alphabet, int length);  // user codes, booking references, ids
std::string sha256Hex(const std::string& data);
// A PIN is first keyed with the pepper (HMAC-SHA-256; the pepper is kept outside the database),
// then hashed with Argon2id: 10 000 four-digit PINs are a minute's work against the hash alone.
std::string hashPin(const std::string& pepper, const std::string& pin);
bool verifyPin(const std::string& pepper, const std::string& hash, const std::string& pin);
// Writes a secret (a private key, the PIN pepper) with mode 0600 from the moment it exists, and
// never through a symbolic link; throws std::runtime_error if it cannot.
void writeSecretFile(const std::string& path, const std::string& text);

// A hash that verifies nothing, to spend the same time on an unknown staff number.
const std::string& dummyPinHash();
// True if hash is the Argon2id hash of secret as it is (what an attacker holding only the
// database could test).
bool argon2Matches(const std::string& hash, const std::string& secret);

}  // namespace jobcenter
