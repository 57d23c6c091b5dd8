#include "kiosk/app/scrub.h"

namespace kiosk::app {

void scrub(std::string& s) {
  volatile char* p = s.data();
  for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
  s.shrink_to_fit();
}

void scrub(domain::Instant& i) {
  i.unixSeconds = 0;
  scrub(i.text);
}

void scrub(domain::Place& p) {
  scrub(p.name);
  scrub(p.address);
}

void scrub(domain::Slot& s) {
  scrub(s.id);
  scrub(s.start);
  scrub(s.end);
  scrub(s.consultantId);
  scrub(s.consultantFirstName);
  scrub(s.place);
}

void scrub(domain::SlotDays& days) {
  for (auto& day : days.days) {
    scrub(day.date);
    scrub(day.slots);
  }
  days = {};
}

void scrub(domain::Booking& b) {
  for (auto* s : {&b.id, &b.reference, &b.date, &b.type, &b.title, &b.description, &b.staffName, &b.consultantId, &b.consultantFirstName}) {
    scrub(*s);
  }
  for (auto* s : {&b.phoneNumber, &b.videoUrl, &b.wishes, &b.interpreterLanguage}) scrub(*s);
  scrub(b.start);
  scrub(b.end);
  scrub(b.place);
  scrub(b.topics);
  scrub(b.movableUntil);
  scrub(b.cancellableUntil);
  scrub(b.createdAt);
}

void scrub(domain::Agreement& a) {
  scrub(a.date);
  scrub(a.text);
  for (auto& step : a.nextSteps) scrub(step.what);
  a.nextSteps.clear();
}

void scrub(domain::Preferences& p) { scrub(p.language); }

void scrub(domain::CitizenSummary& s) {
  scrub(s.firstName);
  scrub(s.unemploymentStart);
  scrub(s.nextRequiredContact);
  scrub(s.wishedJobTitles);
  scrub(s.latestAgreement);
  for (auto* plan : {&s.planA, &s.planB, &s.planC}) scrub(*plan);
  scrub(s.nextBooking);
  scrub(s.preferences);
  scrub(s.feedbackBookingId);
  s = {};
}

void scrub(domain::Activity& a) {
  for (auto* s : {&a.id, &a.title, &a.kind, &a.description}) scrub(*s);
  scrub(a.start);
  scrub(a.end);
  scrub(a.place);
}

void scrub(domain::JoblogEntry& e) {
  scrub(e.id);
  scrub(e.date);
  scrub(e.jobTitle);
  scrub(e.description);
  scrub(e.employer);
  scrub(e.createdAt);
}

void scrub(domain::Joblog& j) { scrub(j.entries); }

void scrub(domain::CheckIn& c) {
  for (auto* s : {&c.bookingId, &c.reference, &c.consultantFirstName, &c.firstName}) scrub(*s);
  scrub(c.start);
  scrub(c.end);
  scrub(c.checkedInAt);
  scrub(c.place);
}

void scrub(domain::Consultant& c) {
  scrub(c.id);
  scrub(c.firstName);
  scrub(c.name);
}

void scrub(domain::Topic& t) {
  scrub(t.id);
  scrub(t.nameDa);
}

void scrub(domain::HelpRequest& h) {
  scrub(h.id);
  scrub(h.language);
  scrub(h.takenBy);
}

void scrub(domain::BookingPolicy&) {}

void scrub(screens::BookingDraft& d) {
  scrub(d.topics);
  scrub(d.consultantId);
  scrub(d.slot);
  scrub(d.wishes);
  scrub(d.interpreterLanguage);
  scrub(d.movingBookingId);
  d = {};
}

void scrub(screens::JoblogDraft& d) {
  for (auto* s : {&d.jobTitle, &d.employerName, &d.employerAddress, &d.description}) scrub(*s);
  d = {};
}

void scrub(screens::CitizenView& v) {
  scrub(v.summary);
  scrub(v.userCode);
  scrub(v.verificationUri);
  v.qr = {};
  scrub(v.topics);
  scrub(v.consultants);
  scrub(v.slots);
  scrub(v.bookings);
  scrub(v.draft);
  scrub(v.cancellingBookingId);
  for (auto& s : v.booking.alternatives) scrub(s);
  scrub(v.confirmed);
  scrub(v.activities);
  scrub(v.activityBusy);
  scrub(v.joblog);
  scrub(v.joblogDraft);
  scrub(v.joblogSaved);
  scrub(v.checkIn);
  scrub(v.staffName);
  scrub(v.helpTakenBy);
  const bool apiAvailable = v.apiAvailable;
  auto demo = std::move(v.demoCitizens);
  v = {};
  v.apiAvailable = apiAvailable;
  v.demoCitizens = std::move(demo);
}

}  // namespace kiosk::app
