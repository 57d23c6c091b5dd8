#include "secrets.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

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

namespace {

std::string keyed(const std::string& pepper, const std::string& pin) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(pepper.data()), pepper.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(pin.data()), pin.size());
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[sizeof mac * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

}  // namespace

std::string hashPin(const std::string& pepper, const std::string& pin) {
  const std::string secret = keyed(pepper, pin);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, secret.data(), secret.size(), kOps, kMemory) != 0) throw std::runtime_error("out of memory hashing a PIN");
  return out;
}

bool verifyPin(const std::string& pepper, const std::string& hash, const std::string& pin) {
  const std::string secret = keyed(pepper, pin);
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

void writeSecretFile(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + path + " (a symbolic link is not followed)");
  const bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot write " + path);
}

const std::string& dummyPinHash() {
  static const std::string hash = hashPin(randomToken(), randomToken());
  return hash;
}

bool argon2Matches(const std::string& hash, const std::string& secret) {
  return crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace jobcenter
