#include "kiosk/app/incidents.h"

#include <algorithm>
#include <ostream>

namespace kiosk::app {

std::string_view incidentKindName(IncidentKind kind) {
  switch (kind) {
    case IncidentKind::Certificate: return "certificate";
    case IncidentKind::Speech: return "speech";
    case IncidentKind::Printer: return "printer";
    case IncidentKind::ConfigRefresh: return "config_refresh";
  }
  return "?";
}

Incidents::Incidents(std::ostream& log) : log_(log) {}

void Incidents::report(IncidentKind kind, std::string_view detail) {
  std::lock_guard lock(mutex_);
  log_ << "kiosk: incident: " << incidentKindName(kind) << ": " << detail << "\n" << std::flush;
  auto& count = counts_[static_cast<size_t>(kind)];
  count = std::min(count + 1, kMaxCount);
  ++totals_[static_cast<size_t>(kind)];
}

std::array<int64_t, kIncidentKinds> Incidents::totals() const {
  std::lock_guard lock(mutex_);
  return totals_;
}

std::vector<IncidentCount> Incidents::take() {
  std::lock_guard lock(mutex_);
  std::vector<IncidentCount> out;
  for (size_t i = 0; i < kIncidentKinds; ++i) {
    if (counts_[i] > 0) out.push_back({static_cast<IncidentKind>(i), counts_[i]});
    counts_[i] = 0;
  }
  return out;
}

void Incidents::restore(const std::vector<IncidentCount>& counts) {
  std::lock_guard lock(mutex_);
  for (const auto& c : counts) {
    auto& count = counts_[static_cast<size_t>(c.kind)];
    count = std::min(count + c.count, kMaxCount);
  }
}

}  // namespace kiosk::app
