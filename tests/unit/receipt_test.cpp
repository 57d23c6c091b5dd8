// The printed appointment card: what it says (bilingual, Danish as printer text, the citizen's
// language drawn by us), what it never says (CPR numbers, names), the calendar QR code, and the
// printer that sends it without ever holding up the screen. Every card is read back with a
// strict ESC/POS decoder, so the bytes a printer would get are what is tested.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <thread>

#include "../tools/demo_bookings.h"
#include "escpos_decoder.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/services/appointment_card.h"
#include "kiosk/services/escpos.h"
#include "kiosk/services/receipt_printer.h"
#include "kiosk/text/line_breaking.h"
#include "kiosk/text/unicode.h"

using namespace kiosk;
using Clock = std::chrono::steady_clock;

namespace {

const i18n::Catalogs& catalogs() {
  static const i18n::Catalogs loaded = i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  return loaded;
}

const services::CardFonts& fonts() {
  static const services::CardFonts loaded = services::CardFonts::load().value();
  return loaded;
}

services::AppointmentCard card(const domain::Booking& booking, const std::string& language, const std::string& bookBefore = "2027-02-15") {
  return services::makeAppointmentCard(booking, catalogs(), language, demo_bookings::kJobcenter, bookBefore);
}

escpos_test::Decoded printed(const services::AppointmentCard& c) {
  auto decoded = escpos_test::decode(services::encodeAppointmentCard(c, fonts()));
  INFO(decoded.error);
  REQUIRE(decoded.ok());
  return decoded;
}

bool hasLine(const escpos_test::Decoded& d, const std::string& text) {
  return std::any_of(d.lines.begin(), d.lines.end(), [&](const auto& line) { return line.text == text; });
}

size_t codePoints(const std::string& utf8) {
  size_t n = 0;
  text::forEachCodePoint(utf8, [&](char32_t) { ++n; });
  return n;
}

// What the printer's own font fits across 576 dots: Font A 48 characters, Font B 64.
void requireLinesFitThePaper(const escpos_test::Decoded& d) {
  for (const auto& line : d.lines) {
    INFO(line.text);
    CHECK(codePoints(line.text) * static_cast<size_t>(line.widthTimes) <= (line.fontB ? 64u : 48u));
  }
}

// The text lines run together, whitespace made single: what a reader reads across line ends.
std::string flowingText(const escpos_test::Decoded& d) {
  std::string all;
  for (const auto& line : d.lines) all += line.text + " ";
  return std::regex_replace(all, std::regex("\\s+"), " ");
}

constexpr size_t kBilingualSentences = 9;  // title, when, where, who, reference, book before, job log, QR, Danish applies

}  // namespace

TEST_CASE("a Danish card is printer text in PC865, with the QR code, ending in a partial cut") {
  const auto d = printed(card(demo_bookings::inPerson(), "da"));
  CHECK(d.initialised);
  CHECK(d.codePage == 5);
  CHECK(d.images.empty());
  CHECK(d.endsWithCut);
  CHECK(d.partialCut);
  REQUIRE(d.qrs.size() == 1);
  CHECK(d.qrs[0].printed);

  CHECK(hasLine(d, "Jobcenter Havnestad"));
  CHECK(hasLine(d, "Dit møde"));
  CHECK(hasLine(d, "Tirsdag 24. november kl. 10.30"));
  CHECK(hasLine(d, "Mødet er her:"));
  CHECK(hasLine(d, "Havnegade 12, 2150 Havnestad"));
  CHECK(hasLine(d, "Du skal tale med Mette."));
  CHECK(hasLine(d, "Bookingnummer: K7TQ2M9X"));
  CHECK(hasLine(d, "Husk at skrive i din joblog før mødet."));
  const std::string text = flowingText(d);
  CHECK_THAT(text, Catch::Contains("Book dit næste møde senest mandag 15. februar."));
  CHECK_THAT(text, Catch::Contains("Scan koden med din telefon. Så kommer mødet i din kalender."));
  // Said once: on a Danish card there is nothing for the Danish text to take precedence over.
  CHECK_THAT(text, !Catch::Contains("gælder den danske"));
  requireLinesFitThePaper(d);

  const auto titles = std::count_if(d.lines.begin(), d.lines.end(), [](const auto& l) { return l.text == "Dit møde"; });
  CHECK(titles == 1);
  const auto& jobcenter = *std::find_if(d.lines.begin(), d.lines.end(), [](const auto& l) { return l.text == "Jobcenter Havnestad"; });
  CHECK(jobcenter.align == 1);
  CHECK(jobcenter.bold);
}

TEST_CASE("the contact form decides what the card says: place, phone call or video link") {
  const auto phone = flowingText(printed(card(demo_bookings::phone(), "da")));
  CHECK_THAT(phone, Catch::Contains("Vi ringer til dig på +45 20 00 00 02."));
  CHECK_THAT(phone, !Catch::Contains("Mødet er her"));
  CHECK_THAT(phone, Catch::Contains("Du skal tale med Oksana."));

  const auto video = printed(card(demo_bookings::video(), "da"));
  CHECK(hasLine(video, "Mødet er på video. Brug dette link:"));
  CHECK(hasLine(video, "https://video.jobcenter-kiosk.example/m/b-12"));
  CHECK(hasLine(video, "Tirsdag 1. december kl. 14.00"));

  const auto noDeadline = flowingText(printed(card(demo_bookings::video(), "da", "")));
  CHECK_THAT(noDeadline, !Catch::Contains("Book dit næste møde"));
}

TEST_CASE("an Arabic card: Danish lines as printer text, the Arabic lines drawn, right-aligned") {
  for (const auto& booking : {demo_bookings::inPerson(), demo_bookings::phone(), demo_bookings::video()}) {
    const auto c = card(booking, "ar");
    CHECK(c.direction == text::Direction::RightToLeft);
    const auto d = printed(c);
    CHECK(hasLine(d, "Dit møde"));
    CHECK(hasLine(d, "Bookingnummer: " + booking.reference));
    CHECK_THAT(flowingText(d), Catch::Contains("Hvis teksterne ikke siger det samme, gælder den danske tekst."));
    requireLinesFitThePaper(d);

    REQUIRE(d.images.size() >= kBilingualSentences);
    for (const auto& image : d.images) {
      CHECK(image.width == services::kPrintWidthDots);
      CHECK(image.ink > 200);
      CHECK(image.inkRight >= services::kPrintWidthDots - 12);  // ends at the right edge
    }
    // The title is short: all its ink is in the right half.
    CHECK(d.images.front().inkLeft > services::kPrintWidthDots / 2);
    // Each Arabic line comes just before its Danish line.
    REQUIRE(d.items.size() > 4);
    const auto title = std::find_if(d.items.begin(), d.items.end(), [&](const auto& item) {
      return item.kind == escpos_test::Item::Kind::Text && d.lines[item.index].text == "Dit møde";
    });
    REQUIRE(title != d.items.end());
    CHECK(std::prev(title)->kind == escpos_test::Item::Kind::Image);
  }
}

TEST_CASE("data inside right-to-left text keeps its own order") {
  const auto c = card(demo_bookings::phone(), "ar");
  const auto line = std::find_if(c.lines.begin(), c.lines.end(), [](const auto& l) { return l.key == "card.phone"; });
  REQUIRE(line != c.lines.end());
  // Isolated, and held together by no-break spaces so it is never split across two lines.
  const std::string number = "+45\u00A020\u00A000\u00A000\u00A002";
  CHECK_THAT(line->citizen, Catch::Contains("\u2068" + number + "\u2069"));
  CHECK(line->danish == "Vi ringer til dig på " + number + ".");
  // Reordered for drawing, the number still reads +45 20 00 00 02 from left to right.
  CHECK_THAT(text::visualLine(line->citizen, text::Direction::RightToLeft), Catch::Contains(number));
  // Even in a column too narrow for the sentence, the number stays on one line.
  const auto laid = text::layoutParagraph(line->citizen, text::Direction::RightToLeft, 260, [](std::string_view run) {
    return static_cast<float>(run.size()) * 9.f;
  });
  REQUIRE(laid.lines.size() > 1);
  CHECK(std::count_if(laid.lines.begin(), laid.lines.end(), [&](const auto& l) { return l.visual.find(number) != std::string::npos; }) == 1);
}

TEST_CASE("a Ukrainian card: Danish lines as printer text, the Ukrainian lines drawn, left-aligned") {
  const auto d = printed(card(demo_bookings::inPerson(), "uk"));
  CHECK(hasLine(d, "Dit møde"));
  CHECK(hasLine(d, "Havnegade 12, 2150 Havnestad"));
  REQUIRE(d.images.size() >= kBilingualSentences);
  for (const auto& image : d.images) {
    CHECK(image.ink > 200);
    CHECK(image.inkLeft <= 8);  // starts at the left edge
  }
  CHECK(d.images.front().inkRight < services::kPrintWidthDots / 2);
  // Cyrillic has no place in PC865: no Ukrainian letters went out as printer text.
  CHECK_THAT(d.allText(), !Catch::Contains("зустріч"));
}

TEST_CASE("every language prints a card the decoder reads, with a drawn line per sentence") {
  for (const auto& language : catalogs().languages().languages) {
    INFO(language.code);
    const auto d = printed(card(demo_bookings::inPerson(), language.code));
    CHECK(d.endsWithCut);
    CHECK(hasLine(d, "Dit møde"));
    if (language.code == "da") CHECK(d.images.empty());
    else CHECK(d.images.size() >= kBilingualSentences);
  }
}

TEST_CASE("the QR code is a VEVENT with the meeting in UTC and the reference, and nothing else") {
  const auto c = card(demo_bookings::inPerson(), "da");
  const auto d = printed(c);
  REQUIRE(d.qrs.size() == 1);
  const auto& qr = d.qrs[0];
  CHECK(qr.model == 2);
  CHECK(qr.errorCorrection == 'M');
  CHECK(qr.moduleDots >= 3);
  CHECK(qr.payload == c.calendar);
  CHECK(qr.payload == services::appointmentCalendarEntry(demo_bookings::inPerson(), catalogs(), "da", demo_bookings::kJobcenter));
  CHECK(qr.payload ==
        "BEGIN:VEVENT\r\n"
        "DTSTART:20261124T093000Z\r\n"
        "DTEND:20261124T101500Z\r\n"
        "SUMMARY:Dit møde – Jobcenter Havnestad\r\n"
        "LOCATION:Jobcenter Havnestad\\, Havnegade 12\\, 2150 Havnestad\r\n"
        "DESCRIPTION:Bookingnummer: K7TQ2M9X\r\n"
        "END:VEVENT\r\n");

  // Summer time: 10.30 in Copenhagen is 08.30 UTC.
  const auto phone = services::appointmentCalendarEntry(demo_bookings::phone(), catalogs(), "ar", demo_bookings::kJobcenter);
  CHECK_THAT(phone, Catch::Contains("DTSTART:20260616T083000Z\r\n") && Catch::Contains("DTEND:20260616T091500Z\r\n"));
  CHECK_THAT(phone, Catch::Contains("PH4NE2XB"));
  CHECK_THAT(phone, !Catch::Contains("+45"));  // the citizen's own number stays off the calendar

  const auto video = services::appointmentCalendarEntry(demo_bookings::video(), catalogs(), "uk", demo_bookings::kJobcenter);
  CHECK_THAT(video, Catch::Contains("LOCATION:https://video.jobcenter-kiosk.example/m/b-12\r\n"));
  CHECK_THAT(video, Catch::Contains("DESCRIPTION:Номер бронювання: V1DE0MTG\r\n"));

  for (const auto& entry : {qr.payload, phone, video}) {
    std::istringstream lines(entry);
    for (std::string line; std::getline(lines, line);) {
      CHECK(line.size() <= 76);  // 75 octets and the CR
      if (line.empty() || line[0] == ' ') continue;
      const std::string name = line.substr(0, line.find(':'));
      CHECK_THAT(name, Catch::Matches("BEGIN|DTSTART|DTEND|SUMMARY|LOCATION|DESCRIPTION|END"));
    }
  }
}

TEST_CASE("long calendar lines are folded at 75 octets, never inside a letter") {
  domain::Booking b = demo_bookings::inPerson();
  const std::string summary = "Møde på jobcentret om uddannelse, job og økonomi — og om hvad der så skal ske bagefter";
  const auto entry = services::calendarEntry(b, summary, "");
  std::string unfolded = std::regex_replace(entry, std::regex("\r\n "), "");
  CHECK_THAT(unfolded, Catch::Contains("SUMMARY:Møde på jobcentret om uddannelse\\, job og økonomi — og om hvad der så skal ske bagefter\r\n"));
  std::istringstream lines(entry);
  for (std::string line; std::getline(lines, line);) {
    CHECK(line.size() <= 76);
    CHECK(text::toUtf8(text::toUtf16(line)) == line);  // whole UTF-8 sequences
  }
  CHECK_THAT(entry, !Catch::Contains("LOCATION"));
}

TEST_CASE("no CPR number, no citizen name, no consultant surname and no wishes anywhere in the bytes") {
  const std::regex cprShaped("\\d{6}-?\\d{4}");
  for (const auto& language : catalogs().languages().languages) {
    for (const auto& booking : {demo_bookings::inPerson(), demo_bookings::phone(), demo_bookings::video()}) {
      INFO(language.code << " " << booking.reference);
      const auto bytes = services::encodeAppointmentCard(card(booking, language.code), fonts());
      const std::string raw(bytes.begin(), bytes.end());
      const auto d = escpos_test::decode(bytes);
      REQUIRE(d.ok());
      for (const std::string& where : {raw, d.allText(), d.qrs.at(0).payload}) {
        CHECK_FALSE(std::regex_search(where, cprShaped));
        for (const char* secret : {"Freja", "Jensen", "010190", "1234", "ryg", "Sørensen", "Melnyk", "Holm"}) {
          CHECK_THAT(where, !Catch::Contains(secret));
        }
      }
    }
  }
}

TEST_CASE("a long address wraps at word boundaries instead of being cut, a long link is split, never lost") {
  domain::Booking b = demo_bookings::inPerson();
  const std::string address = "Den Gamle Kongevej ved Havnefronten 124, 3. sal, dør til venstre efter elevatoren, 2150 Nordre Havnestad";
  b.place->address = address;
  const auto d = printed(card(b, "ar"));
  requireLinesFitThePaper(d);
  CHECK_THAT(flowingText(d), Catch::Contains(address));
  CHECK_FALSE(hasLine(d, address));  // it did need more than one line
  for (const auto& line : d.lines) CHECK((line.text.empty() || line.text.back() != ' '));

  domain::Booking v = demo_bookings::video();
  const std::string link = "https://video.jobcenter-kiosk.example/m/" + std::string(90, 'x') + "?pwd=a1b2c3";
  v.videoUrl = link;
  const auto dv = printed(card(v, "da"));
  requireLinesFitThePaper(dv);
  std::string joined;
  bool inLink = false;
  for (const auto& line : dv.lines) {
    if (line.text.rfind("https://", 0) == 0) inLink = true;
    else if (inLink && line.text.find(' ') != std::string::npos) inLink = false;
    if (inLink) joined += line.text;
  }
  CHECK_THAT(joined, Catch::StartsWith(link));
}

TEST_CASE("a long Arabic sentence wraps into several right-aligned lines") {
  domain::Booking b = demo_bookings::inPerson();
  b.consultantFirstName = "Mette";
  const auto c = card(b, "ar");
  services::RasterRenderer renderer(fonts());
  REQUIRE(renderer.ok());
  const auto& joblog = *std::find_if(c.lines.begin(), c.lines.end(), [](const auto& l) { return l.key == "card.joblog"; });
  const auto one = renderer.paragraph(joblog.citizen, text::Direction::RightToLeft, {28, false, false});
  const auto narrow = renderer.paragraph(joblog.citizen, text::Direction::RightToLeft, {28, false, false}, 200);
  CHECK(narrow.height > one.height * 2);
  // Every row of ink ends near the right edge of the narrow column.
  int rightmost = 0;
  for (int y = 0; y < narrow.height; ++y)
    for (int x = 0; x < narrow.width; ++x)
      if (narrow.at(x, y)) rightmost = std::max(rightmost, x);
  CHECK(rightmost >= 190);
}

TEST_CASE("a Danish line the code page cannot hold is drawn, not printed as question marks") {
  domain::Booking b = demo_bookings::inPerson();
  b.consultantFirstName = "Željko";
  const auto d = printed(card(b, "da"));
  CHECK(d.images.size() == 1);
  CHECK_THAT(d.allText(), !Catch::Contains("?"));
  CHECK_FALSE(services::toPc865("Željko"));
  const auto plain = services::toPc865("Dit møde – “kl. 10.30”\u00A0ÆØÅ é ü");
  REQUIRE(plain);
  CHECK(*plain == "Dit m\x9B" "de - \"kl. 10.30\" \x92\x9D\x8F \x82 \x81");
}

TEST_CASE("without fonts the citizen's lines are left out and the Danish card still prints") {
  const auto missing = services::CardFonts::load("/nonexistent/fonts");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.failure().detail, Catch::Contains("/nonexistent/fonts/NotoSans-Regular.ttf"));
  const auto d = escpos_test::decode(services::encodeAppointmentCard(card(demo_bookings::inPerson(), "ar"), services::CardFonts{}));
  REQUIRE(d.ok());
  CHECK(d.images.empty());
  CHECK(hasLine(d, "Dit møde"));
  CHECK(d.endsWithCut);
}

TEST_CASE("the decoder refuses what a printer would not understand") {
  CHECK_FALSE(escpos_test::decode({0x1B, '@', 0x1B, 't', 5, 'h', 'i'}).ok());              // no line feed
  CHECK_FALSE(escpos_test::decode({0x1B, '@', 0x1B, 'Z', 0}).ok());                        // unknown command
  CHECK_FALSE(escpos_test::decode({0x1B, '@', 'h', 'i', 0x0A}).ok());                      // no code page
  CHECK_FALSE(escpos_test::decode({0x1B, '@', 0x1B, 't', 16, 'h', 0x0A}).ok());            // another code page
  CHECK_FALSE(escpos_test::decode({0x1D, 'v', '0', 0, 72, 0, 10, 0, 1, 2, 3}).ok());       // image cut short
  const auto good = escpos_test::decode({0x1B, '@', 0x1B, 't', 5, 0x9B, 0x0A, 0x1D, 'V', 66, 0});
  REQUIRE(good.ok());
  CHECK(good.lines.at(0).text == "ø");
  CHECK(good.endsWithCut);
}

// [SECTION] The printer

namespace {

struct Printed {
  bool called = false, ok = false;
  std::string why;
};

// Drains like the UI does each frame, until the job reports or the limit passes.
Printed await(services::ReceiptPrinter& printer, Printed& result, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
  const auto until = Clock::now() + limit;
  while (!result.called && Clock::now() < until) {
    printer.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return result;
}

services::ReceiptPrinter::Done into(Printed& result) {
  return [&result](Result<void> printed) {
    result.called = true;
    result.ok = printed.ok();
    if (!printed) result.why = printed.failure().detail;
  };
}

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("kiosk-receipt-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

std::string readAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

}  // namespace

TEST_CASE("the printer writes exactly the card's bytes to a file: target, off the UI thread") {
  const auto file = scratch("card.bin");
  std::atomic<int> wakes{0};
  services::ReceiptPrinter printer({"file:" + file.string()}, [&] { ++wakes; });
  const auto bytes = services::encodeAppointmentCard(card(demo_bookings::inPerson(), "ar"), fonts());

  Printed result;
  const auto before = Clock::now();
  printer.print(bytes, into(result));
  CHECK(Clock::now() - before < std::chrono::milliseconds(50));  // returns at once
  CHECK_FALSE(result.called);  // only drain() delivers
  await(printer, result);
  CHECK(result.called);
  CHECK(result.ok);
  CHECK(result.why.empty());
  CHECK(wakes >= 1);
  CHECK(readAll(file) == std::string(bytes.begin(), bytes.end()));
  CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::others_read) == std::filesystem::perms::none);
  CHECK_FALSE(printer.busy());

  // The card encoded on the worker is the same card.
  Printed second;
  printer.print(card(demo_bookings::inPerson(), "ar"), fonts(), into(second));
  await(printer, second);
  CHECK(second.ok);
  CHECK(readAll(file) == std::string(bytes.begin(), bytes.end()));
  std::filesystem::remove_all(file.parent_path());
}

TEST_CASE("a printer device that does not exist is a clear failure within a second, not a hang") {
  services::ReceiptPrinter printer({"/dev/usb/lp-kiosk-test-missing"}, [] {});
  Printed result;
  const auto started = Clock::now();
  printer.print({0x1B, '@'}, into(result));
  await(printer, result, std::chrono::seconds(1));
  CHECK(Clock::now() - started < std::chrono::seconds(1));
  REQUIRE(result.called);
  CHECK_FALSE(result.ok);
  CHECK_THAT(result.why, Catch::Contains("/dev/usb/lp-kiosk-test-missing") && Catch::Contains("No such file"));
}

TEST_CASE("a printer that stops taking bytes fails at the timeout") {
  // A FIFO whose reader never reads stands in for a printer out of paper: the pipe fills up.
  const auto fifo = scratch("stuck-printer");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  services::ReceiptPrinter printer({fifo.string(), std::chrono::milliseconds(300)}, [] {});
  Printed result;
  const auto started = Clock::now();
  printer.print(std::vector<uint8_t>(1 << 20, 0x0A), into(result));
  await(printer, result, std::chrono::seconds(2));
  CHECK(Clock::now() - started < std::chrono::seconds(1));
  REQUIRE(result.called);
  CHECK_FALSE(result.ok);
  CHECK_THAT(result.why, Catch::Contains("did not take the card in time"));
  close(reader);
  std::filesystem::remove_all(fifo.parent_path());
}

TEST_CASE("a CUPS queue gets the bytes through lp -d QUEUE -o raw, without lp it fails saying so") {
  const auto dir = scratch("cups");
  std::filesystem::create_directories(dir);
  const auto fakeLp = dir / "lp";
  std::ofstream(fakeLp) << "#!/bin/sh\necho \"$@\" > '" << (dir / "args").string() << "'\ncat > '" << (dir / "bytes").string() << "'\n";
  std::filesystem::permissions(fakeLp, std::filesystem::perms::owner_all);
  const std::vector<uint8_t> bytes = {0x1B, '@', 0x1B, 't', 5, 'h', 0x9B, 0x0A, 0x1D, 'V', 66, 0};
  {
    services::ReceiptPrinter printer({"cups:Kiosk_1", std::chrono::milliseconds(5000), fakeLp.string()}, [] {});
    Printed result;
    printer.print(bytes, into(result));
    await(printer, result);
    CHECK(result.ok);
    CHECK(readAll(dir / "args") == "-d Kiosk_1 -o raw\n");
    CHECK(readAll(dir / "bytes") == std::string(bytes.begin(), bytes.end()));
  }
  {
    const auto refusing = dir / "lp-refusing";
    std::ofstream(refusing) << "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n";
    std::filesystem::permissions(refusing, std::filesystem::perms::owner_all);
    services::ReceiptPrinter printer({"cups:Nowhere", std::chrono::milliseconds(5000), refusing.string()}, [] {});
    Printed result;
    printer.print(bytes, into(result));
    await(printer, result);
    CHECK_FALSE(result.ok);
    CHECK_THAT(result.why, Catch::Contains("Nowhere") && Catch::Contains("does not exist"));
  }
  {
    services::ReceiptPrinter printer({"cups:Kiosk_1", std::chrono::milliseconds(5000), "lp-not-installed-kiosk-test"}, [] {});
    Printed result;
    printer.print(bytes, into(result));
    await(printer, result, std::chrono::seconds(1));
    REQUIRE(result.called);
    CHECK_FALSE(result.ok);
    CHECK_THAT(result.why, Catch::Contains("not installed") && Catch::Contains("cups-client"));
  }
  std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("an lp that exits without reading the whole card, or never exits, fails instead of printing half a card") {
  const auto dir = scratch("cups-partial");
  std::filesystem::create_directories(dir);
  const std::vector<uint8_t> bytes(1 << 20, 0x0A);  // more than a pipe holds
  {
    const auto quitter = dir / "lp-quits";
    std::ofstream(quitter) << "#!/bin/sh\nhead -c 10 > /dev/null\nexit 0\n";
    std::filesystem::permissions(quitter, std::filesystem::perms::owner_all);
    services::ReceiptPrinter printer({"cups:Kiosk_1", std::chrono::milliseconds(5000), quitter.string()}, [] {});
    Printed result;
    printer.print(bytes, into(result));
    await(printer, result);
    REQUIRE(result.called);
    CHECK_FALSE(result.ok);
    CHECK_THAT(result.why, Catch::Contains("lp stopped taking the card"));
  }
  {
    const auto hangs = dir / "lp-hangs";
    std::ofstream(hangs) << "#!/bin/sh\ncat > /dev/null\nexec sleep 30\n";
    std::filesystem::permissions(hangs, std::filesystem::perms::owner_all);
    services::ReceiptPrinter printer({"cups:Kiosk_1", std::chrono::milliseconds(300), hangs.string()}, [] {});
    Printed result;
    const auto started = Clock::now();
    printer.print(bytes, into(result));
    await(printer, result, std::chrono::seconds(2));
    CHECK(Clock::now() - started < std::chrono::seconds(1));
    REQUIRE(result.called);
    CHECK_FALSE(result.ok);
    CHECK_THAT(result.why, Catch::Contains("lp did not finish in time"));
  }
  std::filesystem::remove_all(dir.parent_path());
}

TEST_CASE("printer targets: a device path, cups:QUEUE or file:/path, anything else refused") {
  using Kind = services::PrinterTarget::Kind;
  CHECK(services::parsePrinterTarget("/dev/usb/lp0").kind == Kind::Device);
  CHECK(services::parsePrinterTarget("cups:Kiosk_1").kind == Kind::Cups);
  CHECK(services::parsePrinterTarget("cups:Kiosk_1").where == "Kiosk_1");
  CHECK(services::parsePrinterTarget("file:/tmp/card.bin").kind == Kind::File);
  CHECK(services::parsePrinterTarget("cups:-o evil").kind == Kind::Invalid);
  CHECK(services::parsePrinterTarget("cups:").kind == Kind::Invalid);
  CHECK(services::parsePrinterTarget("file:relative").kind == Kind::Invalid);
  CHECK(services::parsePrinterTarget("lp0").kind == Kind::Invalid);
  CHECK_THAT(services::parsePrinterTarget("").whyInvalid, Catch::Contains("no receipt printer"));

  services::ReceiptPrinter printer({""}, [] {});
  Printed result;
  printer.print({0x0A}, into(result));
  await(printer, result, std::chrono::seconds(1));
  CHECK_FALSE(result.ok);
  CHECK_THAT(result.why, Catch::Contains("no receipt printer is configured"));
}
