#pragma once
// Bookings like the demo jobcenter's (server/src/demo_seed.cpp), one per contact form, for the
// appointment card tests and the card preview. Each carries what must never reach paper — the
// consultant's full name, the citizen's own words with a name and a CPR number — so the tests
// can check it does not.

#include "kiosk/domain/booking_types.h"

namespace demo_bookings {

inline constexpr const char* kJobcenter = "Jobcenter Havnestad";
inline constexpr const char* kSecretWishes = "Jeg hedder Freja Jensen, CPR 010190-1234. Jeg vil tale om min ryg.";

inline kiosk::domain::Booking base() {
  kiosk::domain::Booking b;
  b.id = "b-12";
  b.status = kiosk::domain::BookingStatus::Booked;
  b.type = "jobsamtale";
  b.title = "Jobsamtale";
  b.description = "Samtale om job og uddannelse";
  b.topics = {"job_search"};
  b.wishes = kSecretWishes;
  b.movable = b.cancellable = b.selfBooked = true;
  return b;
}

// Tuesday 24 November 2026, 10.30–11.15 in Copenhagen (winter time, UTC+1).
inline kiosk::domain::Booking inPerson() {
  auto b = base();
  b.reference = "K7TQ2M9X";
  b.date = "2026-11-24";
  b.start = {1795512600, "2026-11-24T10:30:00+01:00"};
  b.end = {1795515300, "2026-11-24T11:15:00+01:00"};
  b.contactForm = kiosk::domain::ContactForm::InPerson;
  b.place = kiosk::domain::Place{"Jobcenter Havnestad", "Havnegade 12, 2150 Havnestad"};
  b.staffName = "Mette Sørensen";
  b.consultantId = "c-mette";
  b.consultantFirstName = "Mette";
  return b;
}

// Tuesday 16 June 2026, 10.30–11.15 in Copenhagen (summer time, UTC+2).
inline kiosk::domain::Booking phone() {
  auto b = base();
  b.reference = "PH4NE2XB";
  b.date = "2026-06-16";
  b.start = {1781598600, "2026-06-16T10:30:00+02:00"};
  b.end = {1781601300, "2026-06-16T11:15:00+02:00"};
  b.contactForm = kiosk::domain::ContactForm::Phone;
  b.phoneNumber = "+45 20 00 00 02";
  b.staffName = "Oksana Melnyk";
  b.consultantId = "c-oksana";
  b.consultantFirstName = "Oksana";
  return b;
}

// Tuesday 1 December 2026, 14.00–14.45 in Copenhagen.
inline kiosk::domain::Booking video() {
  auto b = base();
  b.reference = "V1DE0MTG";
  b.date = "2026-12-01";
  b.start = {1796130000, "2026-12-01T14:00:00+01:00"};
  b.end = {1796132700, "2026-12-01T14:45:00+01:00"};
  b.contactForm = kiosk::domain::ContactForm::Video;
  b.videoUrl = "https://video.jobcenter-kiosk.example/m/b-12";
  b.staffName = "Anne Holm";
  b.consultantId = "c-anne";
  b.consultantFirstName = "Anne";
  return b;
}

}  // namespace demo_bookings
