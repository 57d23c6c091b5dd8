#include "staff_login.h"

#include "routes.h"
#include "secrets.h"

namespace jobcenter {

bool isPinShape(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 12 && pin.find_first_not_of("0123456789") == std::string::npos;
}

StaffCheck checkStaffPin(RouteContext& ctx, const std::string& staffNumber, const std::string& pin, const std::string& place) {
  const std::string atPlace = "staff-pin:" + staffNumber + "@" + place, inAll = "staff-pin:" + staffNumber;
  const Instant now = nowInstant();
  std::optional<std::string> hash;
  StaffMember member{staffNumber, "", "staff"};
  const bool allowed = ctx.db.transaction([&](Tx& tx) {
    tx.query("SELECT pin_hash, name, role FROM staff WHERE staff_number = ?", {staffNumber}, [&](const Row& row) {
      hash = row.text(0);
      member.name = row.text(1);
      member.role = row.text(2);
    });
    if (!withinLimit(tx, atPlace, ctx.options.staffWrongPinsPerKiosk, 300, now)) return false;
    if (!withinLimit(tx, inAll, ctx.options.staffWrongPinsInAll, 300, now)) {
      tx.exec("DELETE FROM rate_events WHERE rowid = (SELECT MAX(rowid) FROM rate_events WHERE bucket = ?)", {atPlace});
      return false;
    }
    return true;
  });
  if (!allowed) return {StaffCheck::Outcome::LockedOut, std::nullopt};
  // An unknown staff number costs the same Argon2 work as a known one: no timing tells them apart.
  const bool valid = verifyPin(ctx.pinPepper, hash ? *hash : dummyPinHash(), pin) && hash;
  if (!valid) return {StaffCheck::Outcome::Wrong, std::nullopt};
  ctx.db.transaction([&](Tx& tx) {
    tx.exec("DELETE FROM rate_events WHERE bucket = ?", {atPlace});  // proven here: this place's count starts again
    tx.exec("DELETE FROM rate_events WHERE rowid = (SELECT MAX(rowid) FROM rate_events WHERE bucket = ?)", {inAll});
  });
  return {StaffCheck::Outcome::Valid, member};
}

}  // namespace jobcenter
