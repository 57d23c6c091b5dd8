#include "kiosk/screens/booking_words.h"

#include "kiosk/i18n/date_format.h"
#include "kiosk/ui/icons.h"

namespace kiosk::screens {

const std::array<TopicWords, 6>& topicWords() {
  static constexpr std::array<TopicWords, 6> kTopics{{
      {"coaching", "topic.coaching", ui::icon::kCoaching},
      {"job_opportunities", "topic.job_opportunities", ui::icon::kJobOpportunities},
      {"job_search", "topic.job_search", ui::icon::kJobSearch},
      {"education", "topic.education", ui::icon::kEducation},
      {"career_change", "topic.career_change", ui::icon::kCareerChange},
      {"general_guidance", "topic.general_guidance", ui::icon::kGuidance},
  }};
  return kTopics;
}

const TopicWords* findTopic(std::string_view id) {
  for (const auto& t : topicWords()) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

const std::array<FormWords, 3>& formWords() {
  static constexpr std::array<FormWords, 3> kForms{{
      {domain::ContactForm::InPerson, "form.in_person", "form.in_person.hint", ui::icon::kInPerson},
      {domain::ContactForm::Phone, "form.phone", "form.phone.hint", ui::icon::kCall},
      {domain::ContactForm::Video, "form.video", "form.video.hint", ui::icon::kVideo},
  }};
  return kForms;
}

const FormWords& wordsFor(domain::ContactForm form) {
  for (const auto& f : formWords()) {
    if (f.form == form) return f;
  }
  return formWords()[0];
}

std::string whenText(const ui::Ui& ui, const domain::Instant& at) {
  return ui.format("home.meeting_when", {{"date", i18n::formatDate(ui.language(), at.unixSeconds)},
                                         {"time", i18n::formatTime(ui.language(), at.unixSeconds)}});
}

std::string changeDeadlineText(const ui::Ui& ui, const ChangeDeadlines& d) {
  auto date = [&](const domain::Instant& at) { return i18n::formatDate(ui.language(), at.unixSeconds); };
  const bool canMove = d.movable && d.movableUntil, canCancel = d.cancellable && d.cancellableUntil;
  if (canMove && canCancel && date(*d.movableUntil) == date(*d.cancellableUntil)) {
    return ui.format("home.change_until", {{"date", date(*d.movableUntil)}});
  }
  if (canMove && canCancel) {
    return ui.format("bookings.move_until", {{"date", date(*d.movableUntil)}}) + " " +
           ui.format("home.cancel_until", {{"date", date(*d.cancellableUntil)}});
  }
  // A refusal names the deadline that passed.
  if (canCancel) {
    const std::string passed = d.booked && d.movableUntil ? ui.format("bookings.could_move_until", {{"date", date(*d.movableUntil)}}) + " " : "";
    return passed + ui.tr("bookings.too_late_to_move") + " " + ui.format("home.cancel_until", {{"date", date(*d.cancellableUntil)}});
  }
  if (!d.movable && !d.cancellable) {
    if (!d.booked) return ui.tr("confirm.cannot_change");
    const std::string passed = d.cancellableUntil ? ui.format("bookings.could_cancel_until", {{"date", date(*d.cancellableUntil)}}) + " " : "";
    return passed + ui.tr("bookings.too_late");
  }
  return {};
}

std::string whereText(const ui::Ui& ui, const domain::Booking& booking) {
  switch (booking.contactForm) {
    case domain::ContactForm::InPerson:
      return booking.place ? booking.place->name + ", " + booking.place->address : ui.tr("form.in_person");
    case domain::ContactForm::Phone: return ui.tr("booked.we_call");
    case domain::ContactForm::Video: return ui.tr("booked.video_link");
  }
  return {};
}

std::string topicsText(const ui::Ui& ui, const std::vector<std::string>& topicIds) {
  std::string joined;
  for (const auto& id : topicIds) {
    const TopicWords* t = findTopic(id);
    if (!joined.empty()) joined += ", ";
    joined += t ? ui.tr(t->key) : id;
  }
  return joined;
}

ui::CardSpec meetingCard(const ui::Ui& ui, const domain::Booking& b) {
  ui::CardSpec spec{.id = "booking." + b.id, .title = whenText(ui, b.start), .icon = wordsFor(b.contactForm).icon};
  spec.lines.push_back(whereText(ui, b));
  spec.lines.push_back(ui.format("confirm.with", {{"name", b.consultantFirstName}}));
  spec.pressable = false;
  return spec;
}

}  // namespace kiosk::screens
