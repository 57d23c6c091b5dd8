#pragma once
// How a job was applied for, in words and pictograms: shared by the job log and a new entry.

#include <string_view>

#include "kiosk/domain/booking_types.h"
#include "kiosk/ui/icons.h"

namespace kiosk::screens {

struct HowWords {
  domain::HowApplied how;
  std::string_view key;
  char32_t icon;
};
inline constexpr HowWords kHow[] = {
    {domain::HowApplied::OnlineForm, "joblog.how.online_form", ui::icon::kPlan},
    {domain::HowApplied::Email, "joblog.how.email", ui::icon::kWishes},
    {domain::HowApplied::InPerson, "joblog.how.in_person", ui::icon::kInPerson},
    {domain::HowApplied::Phone, "joblog.how.phone", ui::icon::kCall},
    {domain::HowApplied::Unsolicited, "joblog.how.unsolicited", ui::icon::kJobOpportunities},
};

inline std::string_view howKey(domain::HowApplied how) {
  for (const auto& h : kHow) {
    if (h.how == how) return h.key;
  }
  return kHow[0].key;
}

}  // namespace kiosk::screens
