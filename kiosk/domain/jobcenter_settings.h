#pragma once
// The jobcenter's own settings for this kiosk, as its booking system keeps them (/kiosk/config):
// name, languages and errands offered, opening hours, a message of the day. Kept in memory only;
// the kiosk's own file wins on anything that concerns security (address, pins, certificates).

#include <string>
#include <vector>

#include "kiosk/domain/opening_hours.h"

namespace kiosk::domain {

struct JobcenterSettings {
  std::string name;
  std::vector<std::string> languages;  // offered, in the order shown
  // The errands switched off, by the contract's names (check_in, book, move_cancel, activities,
  // joblog, plan).
  std::vector<std::string> servicesOff;
  OpeningHours hours;
  std::string supportPhone;
  std::string message, messageLanguage;  // the message of the day; empty: none
  bool operator==(const JobcenterSettings&) const = default;
};

}  // namespace kiosk::domain
