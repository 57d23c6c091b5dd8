#include "kiosk/domain/preferences.h"

namespace kiosk::domain {

Preferences preferencesToSave(const KioskSettings& settings) {
  Preferences p;
  p.optedIn = true;
  p.language = settings.language;
  p.textSize = settings.textSize;
  p.highContrast = settings.highContrast;
  return p;
}

bool offerToSaveSettings(const KioskSettings& now, const KioskSettings& atStart, const std::optional<Preferences>& saved) {
  if (now == atStart) return false;
  const bool savedAlready = saved && saved->optedIn && saved->language == now.language && saved->textSize == now.textSize;
  return !savedAlready;
}

std::optional<KioskSettings> settingsToApply(const std::optional<Preferences>& saved) {
  if (!saved || !saved->optedIn) return std::nullopt;
  return KioskSettings{saved->language, saved->textSize, saved->highContrast};
}

}  // namespace kiosk::domain
