#pragma once
// A staff member's number and PIN, checked the same way wherever staff log in (co-service at a
// kiosk, the reception board in a browser), with the same lock-out.

#include <optional>
#include <string>

namespace jobcenter {

struct RouteContext;

struct StaffMember {
  std::string staffNumber, name, role;  // role: "staff" or "manager"
  std::string firstName() const { return name.substr(0, name.find(' ')); }
};

struct StaffCheck {
  enum class Outcome { Valid, Wrong, LockedOut } outcome = Outcome::Wrong;
  std::optional<StaffMember> staff;  // when Valid
};

// Wrong PINs are counted per staff number at this place (a kiosk id, or "board" for browsers: an
// attacker elsewhere cannot lock the staff member out here) and, more generously, per staff number
// in all places together. Each try is counted before its PIN is checked, in the same transaction
// as the check of the count: 30 tries at once get exactly as many checks as the limit allows.
StaffCheck checkStaffPin(RouteContext& ctx, const std::string& staffNumber, const std::string& pin, const std::string& place);

// The shape of a staff PIN: 4-12 digits.
bool isPinShape(const std::string& pin);

}  // namespace jobcenter
