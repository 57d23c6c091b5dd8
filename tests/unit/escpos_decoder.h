#pragma once
// A strict reader of the ESC/POS the kiosk sends, for tests and the card preview: walks the byte
// stream command by command and refuses anything it does not know — so a stray byte, a command
// the encoder was not meant to use or text in another code page fails the test instead of
// printing garbage on a real printer.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace escpos_test {

struct TextLine {
  std::string text;  // decoded from the code page to UTF-8
  int align = 0;     // 0 left, 1 centre, 2 right
  bool bold = false, fontB = false;
  int widthTimes = 1, heightTimes = 1;  // GS !
};

struct Image {
  int width = 0, height = 0;  // dots
  std::vector<uint8_t> bits;  // as sent: rows of width/8 bytes, top bit leftmost
  size_t ink = 0;
  int inkLeft = 0, inkRight = -1, inkTop = 0, inkBottom = -1;  // bounding box of the ink, inclusive

  bool at(int x, int y) const { return (bits[static_cast<size_t>(y * (width / 8) + x / 8)] >> (7 - x % 8)) & 1; }
};

struct Qr {
  std::string payload;
  int model = 0, moduleDots = 0;
  char errorCorrection = '?';  // L M Q H
  bool printed = false;
};

// Everything in the order it prints, for the preview.
struct Item {
  enum class Kind { Text, Image, Qr, FeedDots, FeedLines } kind;
  size_t index = 0;  // into lines / images / qrs; the amount for feeds
};

struct Decoded {
  std::vector<TextLine> lines;
  std::vector<Image> images;
  std::vector<Qr> qrs;
  std::vector<Item> items;
  int codePage = -1;          // ESC t
  bool initialised = false;   // began with ESC @
  bool endsWithCut = false;   // the last command is GS V (a partial cut)
  bool partialCut = false;
  std::string error;          // empty when the whole stream was understood

  bool ok() const { return error.empty(); }
  std::string allText() const;  // every text line, '\n' after each
};

Decoded decode(const std::vector<uint8_t>& bytes);

}  // namespace escpos_test
