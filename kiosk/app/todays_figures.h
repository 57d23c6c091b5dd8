#pragma once
// Today's anonymous figures for the admin screen: counts only, kept in memory, started afresh at
// Copenhagen midnight. Nothing about who.

#include <string>

namespace kiosk::app {

struct TodaysFigures {
  std::string date;  // the Copenhagen date they count
  int sessions = 0, bookings = 0, checkIns = 0, helpCalls = 0;

  // Starts the counts afresh when the day has changed.
  void on(const std::string& today) {
    if (today != date) *this = TodaysFigures{today};
  }
};

}  // namespace kiosk::app
