#include "secrets.h"

#include <sodium.h>

#include <stdexcept>
#include <vector>

namespace jobcenter {

void initSecrets() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

std::string randomToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  std::vector<char> text(sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING));
  sodium_bin2base64(text.data(), text.size(), bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return text.data();
}

std::string randomCode(const std::string& alphabet, int length) {
  std::string code;
  for (int i = 0; i < length; ++i) code += alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))];
  return code;
}

std::string sha256Hex(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// Interactive-strength operations with a modest memory limit: a reference server seeds staff at
// start-up and must not take seconds doing it.
constexpr unsigned long long kOps = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemory = 8u << 20;

std::string hashPin(const std::string& pin) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), kOps, kMemory) != 0) throw std::runtime_error("out of memory hashing a PIN");
  return out;
}

bool verifyPin(const std::string& hash, const std::string& pin) {
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

}  // namespace jobcenter
