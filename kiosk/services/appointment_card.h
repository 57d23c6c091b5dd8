#pragma once
// The printed appointment card (aftalekort) as content, before any printer is involved: what a
// citizen takes home after booking or moving a meeting. Every sentence is there twice — in the
// citizen's language and in Danish — so staff, an interpreter and the citizen read the same card;
// a Danish card has each sentence once. Data (a place, an address, a link) is printed once, as
// the booking system wrote it. The card never holds a CPR number or the citizen's name.

#include <string>
#include <vector>

#include "kiosk/domain/booking_types.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/text/bidi_shaping.h"

namespace kiosk::services {

enum class CardLineKind {
  Jobcenter,  // the jobcenter's name: large, centred, once
  Title,      // "Dit møde"
  When,       // date and time: emphasised
  Sentence,   // one sentence, bilingual
  Data,       // a place, an address, a link: once, as it is
  Rule,       // a thin line between sections
  Qr,         // the calendar QR code goes here
  Note,       // small print at the bottom
};

struct CardLine {
  CardLineKind kind = CardLineKind::Sentence;
  std::string key;      // the catalog key of a sentence; empty for data, rules and the QR
  std::string citizen;  // in the citizen's language, logical order; empty on a Danish card and for data
  std::string danish;   // in Danish (or the data itself)
};

struct AppointmentCard {
  std::string language;  // the citizen's language
  text::Direction direction = text::Direction::LeftToRight;
  std::vector<CardLine> lines;  // top to bottom
  std::string calendar;         // the QR payload: an iCalendar VEVENT (see calendarEntry)

  bool bilingual() const { return language != "da"; }
};

// The card for a booking, in language (and Danish). bookBeforeIsoDate ("2026-12-14") is the
// citizen's next required contact; empty leaves that line out.
AppointmentCard makeAppointmentCard(const domain::Booking& booking, const i18n::Catalogs& catalogs,
                                    const std::string& language, const std::string& jobcenterName,
                                    const std::string& bookBeforeIsoDate);

// The meeting as an iCalendar VEVENT (RFC 5545: CRLF lines folded at 75 octets, text escaped),
// for a QR code a phone turns into a calendar entry: DTSTART and DTEND in UTC, SUMMARY,
// LOCATION and DESCRIPTION — the booking reference unless description is given. Nothing else
// about the citizen goes in. The receipt screen shows the same code on screen.
std::string calendarEntry(const domain::Booking& booking, const std::string& summary, const std::string& location,
                          const std::string& description = {});

// Exactly the calendar entry on the card, for a screen that shows the same QR code: summary
// "Dit møde – Jobcenter Havnestad" (in language), location the place and address, "Telefonmøde"
// or the video link, description "Bookingnummer: …".
std::string appointmentCalendarEntry(const domain::Booking& booking, const i18n::Catalogs& catalogs,
                                     const std::string& language, const std::string& jobcenterName);

}  // namespace kiosk::services
