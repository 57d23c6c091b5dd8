#pragma once
// What screens may know about the jobcenter the kiosk stands in: its own settings from the
// booking system (/kiosk/config, fetched by the app's JobcenterSettings), whether the booking
// system answers, and the opening times the closed screen shows. Owned by the app; screens read.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/domain/opening_hours.h"

namespace kiosk::screens {

enum class ScreenId;

struct JobcenterView {
  bool known = false;  // settings have arrived at least once (until then everything is offered)
  std::vector<std::string> languages;  // offered (the configuration's, then the jobcenter's); empty: all
  std::vector<ScreenId> servicesOff;   // errands the jobcenter has switched off
  std::string supportPhone;
  // The message of the day, in the language the server wrote it in.
  std::string message, messageLanguage;
  // The booking system did not answer the last time it was asked (it is asked again by itself).
  bool bookingSystemDown = false;
  std::vector<domain::OpeningDay> nextOpenings;  // for the closed screen; worked out when it opens

  bool offersLanguage(const std::string& code) const {
    if (languages.empty()) return true;
    for (const auto& l : languages) {
      if (l == code) return true;
    }
    return false;
  }
  bool offersService(ScreenId id) const {
    for (const auto off : servicesOff) {
      if (off == id) return false;
    }
    return true;
  }
};

}  // namespace kiosk::screens
