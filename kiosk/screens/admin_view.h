#pragma once
// What the admin screens show, prepared by the app (kiosk/app/admin_mode.cpp) before each frame:
// the kiosk's health, never a citizen's data. Fields whose source is not there yet are empty
// and shown as "not known"; the heartbeat's is the hook for kiosk/app's heartbeat sender.

#include <optional>
#include <string>
#include <vector>

namespace kiosk::screens {

struct AdminView {
  // [SECTION] The PIN pad
  enum class Pad { Ready, Checking, Wrong, Locked, NoPin } pad = Pad::Ready;
  int triesLeft = 5;
  std::string lockedUntil;  // "10:47", Copenhagen time, while Locked

  // [SECTION] The kiosk
  std::string version, build;
  std::string kioskId, placeName;
  std::string configFile, configState;  // the file and what its check said ("valid" or the reason)

  // [SECTION] The booking system
  bool bookingSystemConfigured = false;
  bool reachable = false;
  std::optional<int> roundTripMs;       // the last /kiosk/config answer, as the kiosk saw it
  bool pinMatched = false;              // the last answer came over the pinned certificate
  std::optional<int> serverCertificateDays, clientCertificateDays;  // days left; empty: not known
  std::string settingsFetchedAt;        // "10:42"; empty: not yet
  // The heartbeat's hook: set by whoever sends heartbeats ("for 12 s siden"); empty: not yet.
  std::string lastHeartbeat;

  // [SECTION] Devices
  std::string printerTarget;  // empty: no printer
  enum class Paper { Unknown, Present, NearEnd, Out } paper = Paper::Unknown;
  bool coverOpen = false;
  std::string display;        // "1920 × 1080"
  std::vector<std::string> voices;  // languages with speech, in catalog order
  std::string nextVoice;      // the one "test speech" says next

  // [SECTION] Today (anonymous counts this kiosk keeps in memory since midnight)
  int sessions = 0, bookings = 0, checkIns = 0, helpCalls = 0;
};

}  // namespace kiosk::screens
