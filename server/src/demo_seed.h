#pragma once
// The built-in demo jobcenter: invented consultants, staff, citizens, slots and activities, all
// placed relative to today so the demo always has a near deadline, a meeting today to check in
// for, a meeting too close to move, and a full course. README.md lists the demo citizens.

#include <string>
#include <vector>

#include "database.h"
#include "local_time.h"

namespace jobcenter {

// Fills an empty database. Does nothing if consultants already exist (a kept --db file).
// pinPepper: see hashPin.
void seedDemo(Database& db, Instant now, const std::string& pinPepper);

// The slot start times the demo offers from `from` for `days` days: weekdays only, Copenhagen
// wall-clock hours — so a DST change moves the instants, not the hours citizens see.
std::vector<Instant> demoSlotStarts(const LocalDate& from, int days);

}  // namespace jobcenter
