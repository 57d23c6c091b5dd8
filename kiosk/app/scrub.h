#pragma once
// Overwrites what the kiosk held about a citizen before letting it go, so nothing lingers in
// freed memory: every string of every domain value, then the value itself is reset.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/screens/citizen_view.h"

namespace kiosk::app {

void scrub(std::string& s);
void scrub(domain::Instant& i);
void scrub(domain::Agreement& a);
void scrub(domain::Preferences& p);
void scrub(domain::Place& p);
void scrub(domain::Slot& s);
void scrub(domain::SlotDays& days);
void scrub(domain::Booking& b);
void scrub(domain::CitizenSummary& s);
void scrub(domain::Activity& a);
void scrub(domain::JoblogEntry& e);
void scrub(domain::Joblog& j);
void scrub(domain::CheckIn& c);
void scrub(domain::Consultant& c);
void scrub(domain::Topic& t);
void scrub(domain::HelpRequest& h);
void scrub(domain::BookingPolicy&);
void scrub(screens::BookingDraft& d);
void scrub(screens::JoblogDraft& d);

template <typename T>
void scrub(std::vector<T>& values);

template <typename T>
void scrub(std::optional<T>& value) {
  if (value) scrub(*value);
  value.reset();
}

template <typename T>
void scrub(std::vector<T>& values) {
  for (auto& v : values) scrub(v);
  values.clear();
}

template <typename T>
void scrub(screens::Remote<T>& remote) {
  scrub(remote.value);
  remote = {};
}

// Everything the view holds about the citizen; what describes the kiosk itself stays.
void scrub(screens::CitizenView& view);

}  // namespace kiosk::app
