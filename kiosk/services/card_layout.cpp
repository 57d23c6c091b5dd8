// [SECTION] Index: how each kind of line looks, printer text in columns, the QR code, the card.

#include "kiosk/services/card_layout.h"

#include <string.h>

#include <string>
#include <string_view>

#include "kiosk/services/card_raster.h"
#include "kiosk/services/card_scripts.h"
#include "kiosk/services/escpos_writer.h"
#include "kiosk/services/pc865.h"
#include "kiosk/services/sentence_lines.h"
#include "kiosk/text/line_breaking.h"
#include "kiosk/text/unicode.h"

namespace kiosk::services {
namespace {

// [SECTION] How each kind of line looks

// How a line of each kind looks: as printer text (Danish) and as a raster (the citizen's
// language, or a Danish line PC865 cannot hold).
struct Look {
  int columns;      // characters per line at this printer size (Font A 48, double width 24, Font B 64)
  uint8_t size;     // GS !
  bool bold, fontB, centred;
  bool sentencePerLine;  // see RasterStyle
  RasterStyle citizen;  // the citizen's line, a little larger than the printer's own letters
  RasterStyle danish;   // a Danish line drawn by us, matched to the printer's letters
  int gapBefore;        // dots fed before the line (pair)
};

Look lookOf(CardLineKind kind) {
  switch (kind) {
    case CardLineKind::Jobcenter: return {24, 0x11, true, false, true, false, {40, true, true}, {40, true, true}, 0};
    case CardLineKind::Title: return {24, 0x11, true, false, false, false, {40, true, false}, {40, true, false}, 12};
    case CardLineKind::When: return {48, 0x01, true, false, false, false, {27, true, false}, {26, true, false}, 10};
    case CardLineKind::Sentence: return {48, 0x00, false, false, false, true, {26, false, false, true}, {24, false, false, true}, 14};
    case CardLineKind::Data: return {48, 0x00, true, false, false, false, {26, true, false}, {24, true, false}, 0};
    case CardLineKind::Note: return {64, 0x00, false, true, false, true, {22, false, false, true}, {18, false, false, true}, 10};
    case CardLineKind::Rule:
    case CardLineKind::Qr: break;
  }
  return {48, 0x00, false, false, false, false, {26, false, false}, {24, false, false}, 10};
}

// [SECTION] Printer text in columns

// Wraps PC865 text at word boundaries (ICU line breaking, one column per character); a word
// longer than a line is cut into pieces — an address or a link is never lost off the edge.
std::vector<std::string> wrapColumns(const std::string& utf8, int columns) {
  const auto laid = text::layoutParagraph(utf8, text::Direction::LeftToRight, static_cast<float>(columns), [](std::string_view run) {
    float n = 0;
    text::forEachCodePoint(run, [&](char32_t c) { n += isInvisibleControl(c) ? 0.f : 1.f; });
    return n;
  });
  std::vector<std::string> lines;
  for (const auto& line : laid.lines) {
    const auto encoded = toPc865(line.visual).value_or(std::string());
    if (encoded.empty()) lines.emplace_back();
    for (size_t at = 0; at < encoded.size(); at += static_cast<size_t>(columns)) {
      lines.push_back(encoded.substr(at, static_cast<size_t>(columns)));
    }
  }
  return lines;
}

size_t codePoints(std::string_view utf8) {
  size_t n = 0;
  text::forEachCodePoint(utf8, [&](char32_t c) { n += isInvisibleControl(c) ? 0 : 1; });
  return n;
}

// [SECTION] The QR code

// QR modules as large as the paper allows for the data (versions grow with the data; the
// printer picks the version, we pick the dots per module).
uint8_t moduleDotsFor(size_t bytes) {
  if (bytes <= 330) return 6;   // up to version 13, 69 modules: 414 dots
  if (bytes <= 770) return 5;   // up to version 22, 105 modules: 525 dots
  if (bytes <= 1250) return 4;  // up to version 29, 133 modules: 532 dots
  return 3;
}
constexpr size_t kQrMaxBytes = 2331;  // model 2, version 40, level M, byte mode

// [SECTION] The card

class CardWriter {
 public:
  CardWriter(const AppointmentCard& card, const CardFonts& fonts) : card_(card), raster_(fonts) {}

  std::vector<uint8_t> write() {
    w_.initialise();
    bool afterRule = true;
    for (const CardLine& line : card_.lines) {
      switch (line.kind) {
        case CardLineKind::Rule:
          w_.feedDots(8);
          plain();
          w_.line(std::string(48, static_cast<char>(kPc865HorizontalLine)));
          afterRule = true;
          continue;
        case CardLineKind::Qr:
          if (card_.calendar.empty() || card_.calendar.size() > kQrMaxBytes) continue;
          w_.feedDots(16);
          w_.align(1);
          w_.qr(card_.calendar, moduleDotsFor(card_.calendar.size()));
          w_.align(0);
          afterRule = false;
          continue;
        default: break;
      }
      const Look look = lookOf(line.kind);
      if (!afterRule) w_.feedDots(look.gapBefore);
      afterRule = false;
      if (card_.bilingual() && !line.citizen.empty()) drawn(line.citizen, card_.direction, look.citizen);
      if (line.kind == CardLineKind::Data || line.kind == CardLineKind::Jobcenter) dataLine(line.danish, look);
      else danishLine(line.danish, look);
    }
    w_.feedLines(3);
    w_.partialCut();
    return std::move(w_.out);
  }

 private:
  void plain() {
    w_.align(0);
    w_.bold(false);
    w_.fontB(false);
    w_.size(0);
  }

  void drawn(const std::string& text, text::Direction direction, const RasterStyle& style) {
    if (!raster_.ok()) return;
    Bitmap image = raster_.paragraph(text, direction, style);
    if (image.height > 0) w_.raster(image);
    if (!image.bits.empty()) explicit_bzero(image.bits.data(), image.bits.size());  // a picture of the text is still the text
  }

  void printed(const std::string& text, const Look& look) {
    w_.align(look.centred ? 1 : 0);
    w_.fontB(look.fontB);
    w_.bold(look.bold);
    w_.size(look.size);
    const bool oneLine = codePoints(text) <= static_cast<size_t>(look.columns);
    for (const auto& row : wrapColumns(look.sentencePerLine && !oneLine ? sentencesOnLines(text) : text, look.columns)) w_.line(row);
    plain();
  }

  void danishLine(const std::string& text, const Look& look) {
    if (toPc865(text)) printed(text, look);
    else drawn(text, text::Direction::LeftToRight, look.danish);
  }

  // A place, an address, a link: printer text when the code page holds it, otherwise drawn in
  // its own direction (an address written in Arabic stays right to left).
  void dataLine(const std::string& text, const Look& look) {
    if (toPc865(text)) printed(text, look);
    else drawn(text, text::directionOf(text, text::Direction::LeftToRight), look.danish);
  }

  const AppointmentCard& card_;
  RasterRenderer raster_;
  EscPosWriter w_;
};

}  // namespace

std::vector<uint8_t> encodeAppointmentCard(const AppointmentCard& card, const CardFonts& fonts) {
  return CardWriter(card, fonts).write();
}

}  // namespace kiosk::services
