#pragma once
// Draws the card's paragraphs with FreeType as 1-bit images: every citizen-language line, and a
// Danish line PC865 cannot hold. Text is shaped and reordered by kiosk/text exactly as on screen
// (the same path, the same Noto fonts), right-aligned for right-to-left languages.

#include <memory>
#include <string_view>

#include "kiosk/services/card_fonts.h"
#include "kiosk/services/print_bitmap.h"
#include "kiosk/text/bidi_shaping.h"

namespace kiosk::services {

struct RasterStyle {
  float pixelSize = 28;  // of the Latin font; Arabic is drawn ×1.55 to match, as on screen
  bool bold = false;
  bool centred = false;  // otherwise aligned to the paragraph's reading direction
  // A paragraph that needs more than one line starts each sentence on a line of its own, as
  // easy-read text does (kiosk/services/sentence_lines.h).
  bool sentencePerLine = false;
};

// Shapes, wraps in logical order, reorders each line (the screen's text path), places glyphs at
// whole-dot positions and thresholds them to ink. Not thread-safe: one per encoding job (making
// one costs no disk access).
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

}  // namespace kiosk::services
