#pragma once
// The citizen's kiosk settings (language, text size, contrast) and saving them for next time.

#include <optional>
#include <string>

#include "kiosk/domain/booking_types.h"

namespace kiosk::domain {

// How the kiosk is set up for the citizen in front of it.
struct KioskSettings {
  std::string language;
  int textSize = 100;  // per cent
  bool highContrast = false;
  bool operator==(const KioskSettings&) const = default;
};

// What "remember my settings" sends: the settings as they are now, opted in. Reading aloud is not
// saved: it is chosen anew each session (headphones or not).
Preferences preferencesToSave(const KioskSettings& settings);

// "Remember my settings" is offered when the citizen changed something from how the kiosk started
// and it is not what the booking system has saved for them already. The saved language and text
// size are compared; contrast is not (as the kiosk has always done).
bool offerToSaveSettings(const KioskSettings& now, const KioskSettings& atStart, const std::optional<Preferences>& saved);

// The saved settings to apply when the citizen logs in: only when they opted in.
std::optional<KioskSettings> settingsToApply(const std::optional<Preferences>& saved);

}  // namespace kiosk::domain
