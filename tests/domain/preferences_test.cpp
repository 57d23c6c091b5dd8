// Saving the citizen's kiosk settings for next time, and offering to.

#include <catch2/catch.hpp>

#include "kiosk/domain/preferences.h"

using kiosk::domain::KioskSettings;
using kiosk::domain::offerToSaveSettings;
using kiosk::domain::Preferences;
using kiosk::domain::preferencesToSave;
using kiosk::domain::settingsToApply;

namespace {

const KioskSettings kAtStart{"da", 100, false};

Preferences saved(std::string language, int textSize, bool optedIn = true) {
  Preferences p;
  p.optedIn = optedIn;
  p.language = std::move(language);
  p.textSize = textSize;
  return p;
}

}  // namespace

TEST_CASE("preferences: what is saved is the settings as they are, opted in, without reading aloud") {
  const Preferences p = preferencesToSave({"ar", 150, true});
  CHECK(p.optedIn);
  CHECK(p.language == "ar");
  CHECK(p.textSize == 150);
  CHECK(p.highContrast);
  CHECK_FALSE(p.readAloud);
}

TEST_CASE("preferences: offered when anything differs from how the kiosk started") {
  CHECK_FALSE(offerToSaveSettings(kAtStart, kAtStart, std::nullopt));
  CHECK(offerToSaveSettings({"uk", 100, false}, kAtStart, std::nullopt));
  CHECK(offerToSaveSettings({"da", 200, false}, kAtStart, std::nullopt));
  CHECK(offerToSaveSettings({"da", 100, true}, kAtStart, std::nullopt));
}

TEST_CASE("preferences: not offered when the same language and text size are saved already") {
  CHECK_FALSE(offerToSaveSettings({"ar", 150, false}, kAtStart, saved("ar", 150)));
  CHECK(offerToSaveSettings({"ar", 200, false}, kAtStart, saved("ar", 150)));
  CHECK(offerToSaveSettings({"uk", 150, false}, kAtStart, saved("ar", 150)));
  // Saved without opting in is not saved.
  CHECK(offerToSaveSettings({"ar", 150, false}, kAtStart, saved("ar", 150, false)));
}

TEST_CASE("preferences: saved settings follow the citizen only when they opted in") {
  CHECK_FALSE(settingsToApply(std::nullopt));
  CHECK_FALSE(settingsToApply(saved("ar", 150, false)));
  auto p = saved("ar", 150);
  p.highContrast = true;
  const auto applied = settingsToApply(p);
  REQUIRE(applied);
  CHECK(*applied == KioskSettings{"ar", 150, true});
}
