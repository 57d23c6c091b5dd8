#pragma once
// What the reception board shows, as the contract's BoardSnapshot: open and taken help calls, and
// today's arrivals not yet received by their consultant. Staff behind the desk may see an
// arriving citizen's first name and initial; nothing more about them is on the board.

#include <nlohmann/json.hpp>

#include "database.h"
#include "local_time.h"

namespace jobcenter {

nlohmann::json boardSnapshot(Tx& tx, Instant now);
// One help call as the board shows it, or null if there is none with that id.
nlohmann::json helpCall(Tx& tx, const std::string& id);
// One of today's arrivals (a checked-in booking), or null.
nlohmann::json arrival(Tx& tx, const std::string& bookingId);

// early: more than 30 minutes before the meeting; late: more than 10 minutes after its start
// (the kiosk's own rule, kiosk/domain/bookings.cpp).
const char* arrivalTiming(Instant checkedInAt, Instant meetingStart);

}  // namespace jobcenter
