#include "kiosk/services/escpos_writer.h"

#include <algorithm>
#include <cstddef>

namespace kiosk::services {
namespace {

constexpr uint8_t ESC = 0x1B, GS = 0x1D, LF = 0x0A;

}  // namespace

void EscPosWriter::initialise() {
  put({ESC, '@'});     // reset
  put({ESC, 't', 5});  // character code table: PC865 Nordic
  put({ESC, 'R', 0});  // international set USA: no ASCII position replaced
  put({ESC, '2'});     // default line spacing
}

void EscPosWriter::align(uint8_t n) { put({ESC, 'a', n}); }
void EscPosWriter::bold(bool on) { put({ESC, 'E', static_cast<uint8_t>(on)}); }
void EscPosWriter::fontB(bool on) { put({ESC, 'M', static_cast<uint8_t>(on)}); }
void EscPosWriter::size(uint8_t n) { put({GS, '!', n}); }

void EscPosWriter::feedDots(int dots) {
  while (dots > 0) {
    const int n = std::min(dots, 255);
    put({ESC, 'J', static_cast<uint8_t>(n)});
    dots -= n;
  }
}

void EscPosWriter::feedLines(uint8_t n) { put({ESC, 'd', n}); }

void EscPosWriter::line(std::string_view pc865) {
  out.insert(out.end(), pc865.begin(), pc865.end());
  out.push_back(LF);
}

void EscPosWriter::raster(const Bitmap& image) {
  constexpr int kBandRows = 256;
  const int rowBytes = image.width / 8;
  for (int y0 = 0; y0 < image.height; y0 += kBandRows) {
    const int rows = std::min(kBandRows, image.height - y0);
    put({GS, 'v', '0', 0, static_cast<uint8_t>(rowBytes & 0xFF), static_cast<uint8_t>(rowBytes >> 8),
         static_cast<uint8_t>(rows & 0xFF), static_cast<uint8_t>(rows >> 8)});
    const auto from = image.bits.begin() + static_cast<std::ptrdiff_t>(y0 * rowBytes);
    out.insert(out.end(), from, from + static_cast<std::ptrdiff_t>(rows * rowBytes));
  }
}

void EscPosWriter::qr(std::string_view data, uint8_t moduleDots) {
  put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});
  put({GS, '(', 'k', 3, 0, 49, 67, moduleDots});
  put({GS, '(', 'k', 3, 0, 49, 69, 49});
  const size_t length = data.size() + 3;
  put({GS, '(', 'k', static_cast<uint8_t>(length & 0xFF), static_cast<uint8_t>(length >> 8), 49, 80, 48});
  out.insert(out.end(), data.begin(), data.end());
  put({GS, '(', 'k', 3, 0, 49, 81, 48});
}

void EscPosWriter::partialCut() { put({GS, 'V', 66, 0}); }

}  // namespace kiosk::services
