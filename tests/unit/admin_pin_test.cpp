// The admin PIN (kiosk/services/admin_pin.h): only an Argon2id hash is stored, and only its PIN opens.
#include <catch2/catch.hpp>

#include "kiosk/services/admin_pin.h"

using namespace kiosk::services;

TEST_CASE("the admin PIN's hash is Argon2id and opens for that PIN only", "[admin]") {
  const auto hash = hashAdminPin("482916");
  REQUIRE(hash);
  CHECK(hash->rfind("$argon2id$", 0) == 0);
  CHECK(isAdminPinHash(*hash));
  CHECK(verifyAdminPin(*hash, "482916"));
  CHECK_FALSE(verifyAdminPin(*hash, "482917"));
  CHECK_FALSE(verifyAdminPin(*hash, ""));
  CHECK(*hashAdminPin("482916") != *hash);  // salted: the same PIN never hashes the same twice
}

TEST_CASE("an admin PIN is 6 to 12 digits", "[admin]") {
  CHECK_FALSE(hashAdminPin("1234"));
  CHECK_FALSE(hashAdminPin("12345a"));
  CHECK_FALSE(hashAdminPin("1234567890123"));
  CHECK(hashAdminPin("123456"));
}

TEST_CASE("only an Argon2id hash counts as an admin PIN hash", "[admin]") {
  CHECK_FALSE(isAdminPinHash("482916"));
  CHECK_FALSE(isAdminPinHash("$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$abc"));
  CHECK_FALSE(isAdminPinHash("$argon2id$"));
  CHECK_FALSE(verifyAdminPin("482916", "482916"));  // a plain PIN in the file opens nothing
}
