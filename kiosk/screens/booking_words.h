#pragma once
// The words and pictograms of booking, shared by the booking, moving, receipt and home screens:
// topics and contact forms by catalog key, times as the citizen's language writes them, and the
// plain sentence for a request that is on its way or failed.

#include <array>
#include <string>
#include <string_view>

#include "kiosk/domain/booking_types.h"
#include "kiosk/screens/citizen_view.h"
#include "kiosk/ui/ui.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

struct TopicWords {
  std::string_view id, key;
  char32_t icon;
};
const std::array<TopicWords, 6>& topicWords();
const TopicWords* findTopic(std::string_view id);

struct FormWords {
  domain::ContactForm form;
  std::string_view key, hintKey;
  char32_t icon;
};
const std::array<FormWords, 3>& formWords();
const FormWords& wordsFor(domain::ContactForm form);

// "tirsdag 24. november kl. 10.30"
std::string whenText(const ui::Ui& ui, const domain::Instant& at);
// Where and how the meeting is: the place, "we call you", or "video".
std::string whereText(const ui::Ui& ui, const domain::Booking& booking);
// The topics as the citizen's language names them, joined.
std::string topicsText(const ui::Ui& ui, const std::vector<std::string>& topicIds);

// Until when the citizen can move and cancel a meeting themselves ("…til og med onsdag 9.
// december"), in one sentence where both end on the same day. For a booked meeting whose
// deadline has passed, until when it was possible and what to do now; for a free time that
// could not be changed once booked, that it cannot.
struct ChangeDeadlines {
  bool booked = true;  // a meeting booked; false: a free time being confirmed
  bool movable = false, cancellable = false;
  std::optional<domain::Instant> movableUntil, cancellableUntil;
};
std::string changeDeadlineText(const ui::Ui& ui, const ChangeDeadlines& deadlines);

// A booked meeting as a card: when, where and how, and with whom.
ui::CardSpec meetingCard(const ui::Ui& ui, const domain::Booking& booking);

// What to say while a read is on its way or after it failed; empty when it is ready.
template <typename T>
std::string remoteStatus(const ui::Ui& ui, const Remote<T>& remote) {
  if (remote.failed()) return ui.tr(api::catalogKey(remote.error));
  if (!remote.ready()) return ui.tr("common.wait");
  return {};
}

}  // namespace kiosk::screens
