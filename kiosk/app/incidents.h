#pragma once
// What staff must look into, from wherever it happens: the booking system's certificate or pin
// not matching, the speech engine failing, a card that did not print, the jobcenter's settings
// refused. Each report is one line in the operator's log (with its precise detail — never a
// citizen's data) and is counted for the next heartbeat, which carries only the counts.

#include <array>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

enum class IncidentKind { Certificate, Speech, Printer, ConfigRefresh };
inline constexpr size_t kIncidentKinds = 4;
// As the contract names it (IncidentCount.kind): certificate, speech, printer, config_refresh.
std::string_view incidentKindName(IncidentKind kind);

struct IncidentCount {
  IncidentKind kind;
  int64_t count = 0;
};

class Incidents {
 public:
  // Counts stop here (the contract's bound); the log still gets every line.
  static constexpr int64_t kMaxCount = 100000;

  explicit Incidents(std::ostream& log);
  // Any thread.
  void report(IncidentKind kind, std::string_view detail);
  // The counts since the last take, kinds with none left out; starts counting again.
  std::vector<IncidentCount> take();
  // Puts counts back (the heartbeat that carried them was not delivered).
  void restore(const std::vector<IncidentCount>& counts);
  // Every report since start, by kind (never reset: Prometheus counters only grow).
  std::array<int64_t, kIncidentKinds> totals() const;

 private:
  std::ostream& log_;
  mutable std::mutex mutex_;
  std::array<int64_t, kIncidentKinds> counts_{};
  std::array<int64_t, kIncidentKinds> totals_{};
};

}  // namespace kiosk::app
