#pragma once
// QR codes for the phone: encoded by libqrencode, drawn as dark modules on a light square with
// the four-module quiet zone scanners need — dark on light in every theme.

#include <string>
#include <vector>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

struct QrMatrix {
  int size = 0;                 // modules per side
  std::vector<bool> dark;       // row by row
  bool empty() const { return size == 0; }
  bool at(int x, int y) const { return dark[static_cast<size_t>(y * size + x)]; }
};

// Medium error correction: survives a scratched or glare-struck screen.
QrMatrix encodeQr(const std::string& text);

// Draws the code in the largest square that fits rect (whole pixels per module) and registers it
// in the accessibility tree as an image with the given label.
void qrCode(Ui& ui, std::string_view key, const QrMatrix& qr, const Rect& rect);

}  // namespace kiosk::ui
