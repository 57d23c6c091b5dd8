#pragma once
// The ESC/POS commands the appointment card uses, appended to one byte stream: set-up, alignment,
// emphasis, sizes, feeds, printer text, raster images (GS v 0), the printer's own QR code
// (GS ( k, model 2, error correction M) and the partial cut. It knows commands, not the card.

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "kiosk/services/print_bitmap.h"

namespace kiosk::services {

class EscPosWriter {
 public:
  // Room for a whole card up front: the stream holds meeting details, and a vector that grows
  // leaves copies of them behind in memory nobody wipes.
  EscPosWriter() { out.reserve(512 * 1024); }

  std::vector<uint8_t> out;

  void put(std::initializer_list<uint8_t> bytes) { out.insert(out.end(), bytes); }
  // Reset, code page PC865, no national replacements, default line spacing.
  void initialise();
  void align(uint8_t n);  // 0 left, 1 centre, 2 right
  void bold(bool on);
  void fontB(bool on);
  void size(uint8_t n);  // GS !: high nibble width, low nibble height, 0 = ×1
  void feedDots(int dots);
  void feedLines(uint8_t n);
  void line(std::string_view pc865);  // printer text, then LF
  // GS v 0 in bands, so no printer's image buffer is overrun; bands print without a seam.
  void raster(const Bitmap& image);
  // GS ( k: QR model 2, module size, error correction M, store the data, print it.
  void qr(std::string_view data, uint8_t moduleDots);
  void partialCut();  // feed to the cutter, cut leaving one point
};

}  // namespace kiosk::services
