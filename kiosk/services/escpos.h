#pragma once
// The appointment card as ESC/POS bytes for an 80 mm thermal receipt printer (576 dots across at
// 203 dpi, Epson TM-T20/TM-T88 class).
//
// Danish lines go as printer text in code page PC865 (Nordic, ESC t 5): it has æ ø å Æ Ø Å and
// the common accented letters (é ü ö ä), and it is in the character tables of every ESC/POS
// printer since the first TM-T88 — the cheap compatibles included, which often number WPC1252
// differently or lack it. A Danish line that holds a character PC865 lacks (a name like
// "Željko") is drawn by us instead of printing '?'.
//
// Everything else — Arabic, Farsi, Tigrinya, Cyrillic, and for one look every citizen-language
// line — is drawn by us with FreeType and the Noto fonts and sent as raster bit images (GS v 0):
// shaped and reordered by kiosk/text exactly as on screen, right-aligned for right-to-left
// languages. The QR code is the printer's own (GS ( k, model 2, error correction M); the card
// ends with a feed and a partial cut (GS V 66).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/services/appointment_card.h"
#include "kiosk/text/bidi_shaping.h"

namespace kiosk::services {

inline constexpr int kPrintWidthDots = 576;

// The Noto font files (fonts-noto-core) held in memory: read once, at start-up, never while a
// citizen waits. Cheap to copy (the bytes are shared and never change), so a copy can go to the
// printer's worker thread.
class CardFonts {
 public:
  static CardFonts load(const std::filesystem::path& dir = "/usr/share/fonts/truetype/noto");

  bool ok() const { return files_ != nullptr; }
  const std::string& error() const { return error_; }  // which file was missing

  struct Files;

 private:
  friend class RasterRenderer;
  std::shared_ptr<const Files> files_;
  std::string error_;
};

// A 1-bit image as GS v 0 takes it: rows of width/8 bytes, leftmost dot in the top bit, 1 = ink.
struct Bitmap {
  int width = 0, height = 0;  // width is a multiple of 8
  std::vector<uint8_t> bits;

  bool at(int x, int y) const { return (bits[static_cast<size_t>(y * (width / 8) + x / 8)] >> (7 - x % 8)) & 1; }
  void set(int x, int y) { bits[static_cast<size_t>(y * (width / 8) + x / 8)] |= static_cast<uint8_t>(0x80 >> (x % 8)); }
  size_t ink() const;
};

struct RasterStyle {
  float pixelSize = 28;  // of the Latin font; Arabic is drawn ×1.55 to match, as on screen
  bool bold = false;
  bool centred = false;  // otherwise aligned to the paragraph's reading direction
  // A paragraph that needs more than one line starts each sentence on a line of its own, as
  // easy-read text does ("Scan koden med din telefon." / "Så kommer mødet i din kalender.").
  bool sentencePerLine = false;
};

// Draws paragraphs with FreeType: shaped, wrapped in logical order, each line reordered (the
// screen's text path), at whole-dot positions, thresholded to ink. Not thread-safe: one per
// encoding job (making one costs no disk access).
class RasterRenderer {
 public:
  explicit RasterRenderer(const CardFonts& fonts);
  ~RasterRenderer();
  RasterRenderer(const RasterRenderer&) = delete;
  RasterRenderer& operator=(const RasterRenderer&) = delete;

  bool ok() const;
  // One paragraph (may hold '\n') as an image width dots wide, as tall as its lines need.
  Bitmap paragraph(std::string_view logicalUtf8, text::Direction direction, const RasterStyle& style,
                   int width = kPrintWidthDots);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The sentences of a paragraph, one per line (ICU sentence breaks, any script).
std::string sentencesOnLines(std::string_view utf8);

// The text in PC865, with typographic dashes, quotes and spaces made plain and direction
// controls dropped; nullopt if some character has no PC865 form.
std::optional<std::string> toPc865(std::string_view utf8);

// The whole card, from ESC @ to the cut. With unusable fonts the citizen-language lines are
// left out and the Danish card still prints.
std::vector<uint8_t> encodeAppointmentCard(const AppointmentCard& card, const CardFonts& fonts);

}  // namespace kiosk::services
