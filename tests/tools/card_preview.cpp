// Shows what the receipt printer would print: makes the appointment card for the demo bookings,
// encodes it to ESC/POS, reads the bytes back with the tests' strict decoder and paints what a
// printer does with them onto an 80 mm strip — printer text in a stand-in for the printer's
// own font (Noto at Font A's size), our raster images dot for dot, the QR code from libqrencode.
//
//   card_preview OUT_DIR [LANG ...]     (default: da ar uk) -> OUT_DIR/card-LANG-FORM.png
//
// Only for looking at the card; nothing here is printed or used by the kiosk.
#include <qrencode.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../unit/escpos_decoder.h"
#include "demo_bookings.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/services/appointment_card.h"
#include "kiosk/services/escpos.h"

namespace {

using kiosk::services::Bitmap;
using kiosk::services::RasterRenderer;
using kiosk::services::RasterStyle;

constexpr int kPaper = 640;   // 80 mm at 203 dpi
constexpr int kMargin = 32;   // the printable 576 dots sit in the middle
constexpr int kLineDots = 34;  // ESC 2: 1/6 inch

struct Canvas {
  int height = 0;
  std::vector<uint8_t> grey;  // 255 paper, 0 ink

  void grow(int to) {
    if (to <= height) return;
    grey.resize(static_cast<size_t>(kPaper * to), 255);
    height = to;
  }
  void dot(int x, int y) {
    if (x < 0 || x >= kPaper || y < 0) return;
    grow(y + 1);
    grey[static_cast<size_t>(y * kPaper + x)] = 0;
  }
  void shade(int x, int y, uint8_t value) {
    grow(y + 1);
    grey[static_cast<size_t>(y * kPaper + x)] = value;
  }
};

// A printer line: drawn proportionally at Font A's size (12 × 24 dots, Font B 9 × 17), scaled
// up by whole dots for GS ! as the printer scales its font.
int paintText(Canvas& canvas, RasterRenderer& renderer, const escpos_test::TextLine& line, int y) {
  if (line.text.find("─") == 0) {  // a rule: the printer's box-drawing glyph, which Noto Sans lacks
    for (int x = 0; x < kiosk::services::kPrintWidthDots; ++x)
      for (int t = 0; t < 2; ++t) canvas.dot(kMargin + x, y + 12 + t);
    return kLineDots;
  }
  const float size = line.fontB ? 15.f : 21.f;
  const int cell = line.fontB ? 17 : 24;
  const Bitmap glyphs = renderer.paragraph(line.text, kiosk::text::Direction::LeftToRight, {size, line.bold, false},
                                           kiosk::services::kPrintWidthDots / line.widthTimes);
  int inkRight = 0;
  for (int gy = 0; gy < glyphs.height; ++gy)
    for (int gx = 0; gx < glyphs.width; ++gx)
      if (glyphs.at(gx, gy)) inkRight = std::max(inkRight, gx + 1);
  const int width = inkRight * line.widthTimes;
  int x0 = kMargin;
  if (line.align == 1) x0 += (kiosk::services::kPrintWidthDots - width) / 2;
  if (line.align == 2) x0 += kiosk::services::kPrintWidthDots - width;
  const int top = y + (cell * line.heightTimes - glyphs.height * line.heightTimes) / 2;
  for (int gy = 0; gy < glyphs.height; ++gy)
    for (int gx = 0; gx < glyphs.width; ++gx)
      if (glyphs.at(gx, gy))
        for (int sy = 0; sy < line.heightTimes; ++sy)
          for (int sx = 0; sx < line.widthTimes; ++sx) canvas.dot(x0 + gx * line.widthTimes + sx, top + gy * line.heightTimes + sy);
  return std::max(kLineDots, cell * line.heightTimes + 6);
}

int paintImage(Canvas& canvas, const escpos_test::Image& image, int y) {
  for (int iy = 0; iy < image.height; ++iy)
    for (int ix = 0; ix < image.width; ++ix)
      if (image.at(ix, iy)) canvas.dot(kMargin + ix, y + iy);
  canvas.grow(y + image.height);
  return image.height;
}

int paintQr(Canvas& canvas, const escpos_test::Qr& qr, int y) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(qr.payload.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
  if (!code) return 0;
  const int side = code->width * qr.moduleDots;
  const int x0 = kMargin + (kiosk::services::kPrintWidthDots - side) / 2;
  for (int my = 0; my < code->width; ++my)
    for (int mx = 0; mx < code->width; ++mx)
      if (code->data[my * code->width + mx] & 1)
        for (int d = 0; d < qr.moduleDots * qr.moduleDots; ++d) canvas.dot(x0 + mx * qr.moduleDots + d % qr.moduleDots, y + my * qr.moduleDots + d / qr.moduleDots);
  return side;
}

bool preview(const escpos_test::Decoded& card, RasterRenderer& renderer, const std::filesystem::path& file) {
  Canvas canvas;
  int y = 24;
  for (const auto& item : card.items) {
    switch (item.kind) {
      case escpos_test::Item::Kind::Text: y += paintText(canvas, renderer, card.lines[item.index], y); break;
      case escpos_test::Item::Kind::Image: y += paintImage(canvas, card.images[item.index], y); break;
      case escpos_test::Item::Kind::Qr: y += paintQr(canvas, card.qrs[item.index], y); break;
      case escpos_test::Item::Kind::FeedDots: y += static_cast<int>(item.index); break;
      case escpos_test::Item::Kind::FeedLines: y += static_cast<int>(item.index) * kLineDots; break;
    }
  }
  canvas.grow(y + 24);
  if (card.endsWithCut) {
    for (int x = 0; x < kPaper; x += 12)
      for (int d = 0; d < 6; ++d) canvas.shade(x + d, y + 12, 150);  // the cut
  }
  return stbi_write_png(file.c_str(), kPaper, canvas.height, 1, canvas.grey.data(), kPaper) != 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: card_preview OUT_DIR [LANG ...]\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::filesystem::create_directories(out);
  std::vector<std::string> languages;
  for (int i = 2; i < argc; ++i) languages.emplace_back(argv[i]);
  if (languages.empty()) languages = {"da", "ar", "uk"};

  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_SOURCE_DIR) / "i18n").value();
  const auto fonts = kiosk::services::CardFonts::load();
  if (!fonts) {
    std::fprintf(stderr, "%s\n", fonts.failure().detail.c_str());
    return 1;
  }
  RasterRenderer renderer(*fonts);
  const std::pair<const char*, kiosk::domain::Booking> bookings[] = {
      {"in_person", demo_bookings::inPerson()}, {"phone", demo_bookings::phone()}, {"video", demo_bookings::video()}};
  int failures = 0;
  for (const auto& language : languages) {
    for (const auto& [form, booking] : bookings) {
      const auto card = kiosk::services::makeAppointmentCard(booking, catalogs, language, demo_bookings::kJobcenter, "2027-02-15");
      const auto decoded = escpos_test::decode(kiosk::services::encodeAppointmentCard(card, *fonts));
      const auto file = out / ("card-" + language + "-" + form + ".png");
      if (!decoded.ok()) {
        std::fprintf(stderr, "%s: the card does not decode: %s\n", file.c_str(), decoded.error.c_str());
        ++failures;
      } else if (!preview(decoded, renderer, file)) {
        std::fprintf(stderr, "%s: cannot write\n", file.c_str());
        ++failures;
      } else {
        std::printf("%s\n", file.c_str());
      }
    }
  }
  return failures == 0 ? 0 : 1;
}
