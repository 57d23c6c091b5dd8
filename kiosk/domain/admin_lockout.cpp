#include "kiosk/domain/admin_lockout.h"

namespace kiosk::domain {

void AdminLockout::wrongPin(Clock::time_point now) {
  if (lockedUntil_ && now >= *lockedUntil_) wrong_ = 0, lockedUntil_.reset();  // the lock ran out: five new tries
  if (locked(now)) return;
  if (++wrong_ >= kMaxWrong) lockedUntil_ = now + kLockedFor;
}

}  // namespace kiosk::domain
