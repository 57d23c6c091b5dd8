#pragma once
// What the receipt printer's paper holds, in dots: its printable width and a 1-bit image as the
// printer takes it. The raster renderer draws these, the command writer sends them.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk::services {

// 80 mm thermal paper at 203 dpi (Epson TM-T20/TM-T88 class).
inline constexpr int kPrintWidthDots = 576;

// A 1-bit image as GS v 0 takes it: rows of width/8 bytes, leftmost dot in the top bit, 1 = ink.
struct Bitmap {
  int width = 0, height = 0;  // width is a multiple of 8
  std::vector<uint8_t> bits;

  bool at(int x, int y) const { return (bits[static_cast<size_t>(y * (width / 8) + x / 8)] >> (7 - x % 8)) & 1; }
  void set(int x, int y) { bits[static_cast<size_t>(y * (width / 8) + x / 8)] |= static_cast<uint8_t>(0x80 >> (x % 8)); }
  size_t ink() const {
    size_t n = 0;
    for (const uint8_t b : bits) n += static_cast<size_t>(std::popcount(b));
    return n;
  }
};

}  // namespace kiosk::services
