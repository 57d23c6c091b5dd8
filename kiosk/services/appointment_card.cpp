#include "kiosk/services/appointment_card.h"

#include <unicode/uchar.h>

#include <ctime>

#include "kiosk/i18n/date_format.h"
#include "kiosk/text/unicode.h"

namespace kiosk::services {
namespace {

// Spaces inside data become no-break spaces: a phone number, a code or a date is never split
// across two lines.
std::string together(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == ' ' ? std::string("\u00A0") : std::string(1, c);
  return out;
}

// Data inside right-to-left text goes between first strong isolate and pop directional isolate,
// so it keeps its own order ("+45 20 00 00 02" would otherwise come out group by group
// backwards). The text path drops the controls after reordering; an isolate holds within one
// line, which together() sees to.
std::string isolated(const std::string& data, text::Direction direction) {
  if (direction == text::Direction::LeftToRight) return together(data);
  return "\u2068" + together(data) + "\u2069";
}

// ICU writes weekdays in lower case in most languages; a line starts with a capital.
std::string capitalised(const std::string& utf8) {
  std::u16string s = text::toUtf16(utf8);
  if (s.empty() || U16_IS_SURROGATE(s[0])) return utf8;
  s[0] = static_cast<char16_t>(u_totitle(s[0]));
  return text::toUtf8(s);
}

std::string utcStamp(int64_t unixSeconds) {
  const std::time_t t = static_cast<std::time_t>(unixSeconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[20];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
  return out;
}

// RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped; other controls dropped.
std::string escapeText(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

// One content line, folded so no line exceeds 75 octets (a continuation starts with a space),
// never inside a UTF-8 sequence.
void appendFolded(std::string& out, const std::string& line) {
  constexpr size_t kMax = 75;
  size_t pos = 0;
  bool first = true;
  while (pos < line.size()) {
    const size_t room = first ? kMax : kMax - 1;
    size_t end = std::min(line.size(), pos + room);
    while (end < line.size() && end > pos + 1 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    if (!first) out += ' ';
    out.append(line, pos, end - pos);
    out += "\r\n";
    pos = end;
    first = false;
  }
}

std::string calendarLocation(const domain::Booking& booking, const i18n::Catalogs& catalogs, const std::string& language) {
  switch (booking.contactForm) {
    case domain::ContactForm::InPerson:
      if (!booking.place) return {};
      return booking.place->address.empty() ? booking.place->name : booking.place->name + ", " + booking.place->address;
    case domain::ContactForm::Phone: return catalogs.text(language, "card.phone_meeting");
    case domain::ContactForm::Video: return booking.videoUrl.value_or(std::string());
  }
  return {};
}

std::string calendarSummary(const i18n::Catalogs& catalogs, const std::string& language, const std::string& jobcenterName) {
  const std::string& title = catalogs.text(language, "card.title");
  return jobcenterName.empty() ? title : title + " \u2013 " + jobcenterName;
}

// Plain, with no direction controls: a calendar shows it with its own bidi.
std::string referenceLine(const domain::Booking& booking, const i18n::Catalogs& catalogs, const std::string& language) {
  return catalogs.format(language, "card.reference", {{"reference", booking.reference}});
}

}  // namespace

std::string calendarEntry(const domain::Booking& booking, const std::string& summary, const std::string& location,
                          const std::string& description) {
  std::string out;
  appendFolded(out, "BEGIN:VEVENT");
  appendFolded(out, "DTSTART:" + utcStamp(booking.start.unixSeconds));
  appendFolded(out, "DTEND:" + utcStamp(booking.end.unixSeconds));
  appendFolded(out, "SUMMARY:" + escapeText(summary));
  if (!location.empty()) appendFolded(out, "LOCATION:" + escapeText(location));
  appendFolded(out, "DESCRIPTION:" + escapeText(description.empty() ? booking.reference : description));
  appendFolded(out, "END:VEVENT");
  return out;
}

std::string appointmentCalendarEntry(const domain::Booking& booking, const i18n::Catalogs& catalogs,
                                     const std::string& language, const std::string& jobcenterName) {
  return calendarEntry(booking, calendarSummary(catalogs, language, jobcenterName),
                       calendarLocation(booking, catalogs, language), referenceLine(booking, catalogs, language));
}

AppointmentCard makeAppointmentCard(const domain::Booking& booking, const i18n::Catalogs& catalogs,
                                    const std::string& language, const std::string& jobcenterName,
                                    const std::string& bookBeforeIsoDate) {
  AppointmentCard card;
  card.language = language;
  const i18n::Language* meta = catalogs.languages().find(language);
  card.direction = meta ? meta->direction : text::Direction::LeftToRight;
  const bool bilingual = card.bilingual();

  auto data = [&](CardLineKind kind, const std::string& text) {
    if (!text.empty()) card.lines.push_back({kind, {}, {}, text});
  };
  auto rule = [&] { card.lines.push_back({CardLineKind::Rule, {}, {}, {}}); };
  // A sentence in both languages. args() gives a key's arguments for one language (dates are
  // formatted per language; data is isolated inside right-to-left text).
  auto sentence = [&](CardLineKind kind, const char* key, auto&& args) {
    CardLine line{kind, key, {}, catalogs.format("da", key, args("da", text::Direction::LeftToRight))};
    if (bilingual) line.citizen = catalogs.format(language, key, args(language, card.direction));
    card.lines.push_back(std::move(line));
  };
  auto none = [](const std::string&, text::Direction) { return i18n::Args{}; };
  auto one = [](const char* name, const std::string& value) {
    return [name, value](const std::string&, text::Direction d) { return i18n::Args{{name, isolated(value, d)}}; };
  };

  data(CardLineKind::Jobcenter, jobcenterName);
  rule();
  sentence(CardLineKind::Title, "card.title", none);
  const int64_t start = booking.start.unixSeconds;
  sentence(CardLineKind::When, "card.when", [start](const std::string& lang, text::Direction) {
    return i18n::Args{{"date", capitalised(i18n::formatDate(lang, start))}, {"time", i18n::formatTime(lang, start)}};
  });

  switch (booking.contactForm) {
    case domain::ContactForm::InPerson:
      sentence(CardLineKind::Sentence, "card.in_person", none);
      if (booking.place) {
        data(CardLineKind::Data, booking.place->name);
        data(CardLineKind::Data, booking.place->address);
      }
      break;
    case domain::ContactForm::Phone:
      if (booking.phoneNumber && !booking.phoneNumber->empty()) {
        sentence(CardLineKind::Sentence, "card.phone", one("phone", *booking.phoneNumber));
      } else {
        sentence(CardLineKind::Sentence, "card.phone_meeting", none);
      }
      break;
    case domain::ContactForm::Video:
      sentence(CardLineKind::Sentence, "card.video", none);
      if (booking.videoUrl) data(CardLineKind::Data, *booking.videoUrl);
      break;
  }

  // The first name only: the consultant's full name (staffName) stays off paper.
  if (!booking.consultantFirstName.empty()) sentence(CardLineKind::Sentence, "card.consultant", one("name", booking.consultantFirstName));
  sentence(CardLineKind::Sentence, "card.reference", one("reference", booking.reference));
  if (!bookBeforeIsoDate.empty()) {
    sentence(CardLineKind::Sentence, "card.book_before", [&](const std::string& lang, text::Direction) {
      return i18n::Args{{"date", together(i18n::formatIsoDate(lang, bookBeforeIsoDate))}};  // "mandag 15. februar" on one line
    });
  }
  sentence(CardLineKind::Sentence, "card.joblog", none);

  rule();
  sentence(CardLineKind::Sentence, "card.qr", none);
  card.lines.push_back({CardLineKind::Qr, {}, {}, {}});
  card.calendar = appointmentCalendarEntry(booking, catalogs, language, jobcenterName);

  if (bilingual) {
    rule();
    sentence(CardLineKind::Note, "card.danish_applies", none);
  }
  return card;
}

}  // namespace kiosk::services
