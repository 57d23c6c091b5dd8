#pragma once
// Random identifiers, token hashing and PIN hashing (libsodium).

#include <string>

namespace jobcenter {

void initSecrets();                                   // call once before anything below
std::string randomToken();                            // 256 bits, base64url, for bearer tokens and device codes
std::string randomCode(const std::string& alphabet, int length);  // user codes, booking references, ids
std::string sha256Hex(const std::string& data);
std::string hashPin(const std::string& pin);
bool verifyPin(const std::string& hash, const std::string& pin);

}  // namespace jobcenter
