#include "escpos_decoder.h"

#include <algorithm>
#include <string_view>

namespace escpos_test {
namespace {

// PC865 (Nordic) 0x80..0xFF, from the code page table.
constexpr std::u16string_view kPc865High =
    u"ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤"
    u"░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀"
    u"αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0";
static_assert(kPc865High.size() == 128);

void appendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

class Reader {
 public:
  explicit Reader(const std::vector<uint8_t>& bytes) : b_(bytes) {}

  Decoded run() {
    while (pos_ < b_.size() && d_.ok()) step();
    if (d_.ok() && !pending_.empty()) fail("text at the end without a line feed");
    return std::move(d_);
  }

 private:
  void fail(const std::string& why) {
    if (d_.ok()) d_.error = why + " (at byte " + std::to_string(start_) + ")";
  }
  bool need(size_t n) {
    if (pos_ + n <= b_.size()) return true;
    fail("command cut short");
    return false;
  }
  uint8_t next() { return b_[pos_++]; }
  int little16() {  // low byte first
    const int low = next();
    return low | (next() << 8);
  }
  void lineMustBeEmpty(const char* what) {
    if (!pending_.empty()) fail(std::string(what) + " in the middle of a text line");
  }
  void command() { d_.endsWithCut = false; }

  void step() {
    start_ = pos_;
    const uint8_t c = next();
    if (c == 0x1B) return esc();
    if (c == 0x1D) return gs();
    command();
    if (c == 0x0A) {
      TextLine line = style_;
      line.text = std::move(pending_);
      pending_.clear();
      d_.items.push_back({Item::Kind::Text, d_.lines.size()});
      d_.lines.push_back(std::move(line));
      return;
    }
    if (c < 0x20 || c == 0x7F) return fail("control byte " + std::to_string(c));
    if (d_.codePage < 0) return fail("text before a code page was chosen");
    if (c < 0x80) pending_ += static_cast<char>(c);
    else appendUtf8(pending_, kPc865High[c - 0x80]);
  }

  void esc() {
    command();
    if (!need(1)) return;
    const uint8_t c = next();
    switch (c) {
      case '@':
        lineMustBeEmpty("ESC @");
        if (start_ == 0) d_.initialised = true;
        style_ = {};
        return;
      case '2': return;
      case 't':
        if (!need(1)) return;
        d_.codePage = next();
        if (d_.codePage != 5) fail("code page " + std::to_string(d_.codePage) + " (this reader knows PC865, 5)");
        return;
      case 'R':
        if (!need(1)) return;
        if (next() != 0) fail("an international character set that replaces ASCII letters");
        return;
      case 'a': {
        if (!need(1)) return;
        lineMustBeEmpty("ESC a");
        const int n = next();
        if (n <= 2) style_.align = n;
        else if (n >= 48 && n <= 50) style_.align = n - 48;
        else fail("ESC a " + std::to_string(n));
        return;
      }
      case 'E':
        if (!need(1)) return;
        lineMustBeEmpty("ESC E");
        style_.bold = next() & 1;
        return;
      case 'M': {
        if (!need(1)) return;
        lineMustBeEmpty("ESC M");
        const int n = next();
        if (n == 0 || n == 1 || n == 48 || n == 49) style_.fontB = n & 1;
        else fail("ESC M " + std::to_string(n));
        return;
      }
      case 'J':
        if (!need(1)) return;
        lineMustBeEmpty("ESC J");
        d_.items.push_back({Item::Kind::FeedDots, next()});
        return;
      case 'd':
        if (!need(1)) return;
        lineMustBeEmpty("ESC d");
        d_.items.push_back({Item::Kind::FeedLines, next()});
        return;
      default: return fail("unknown command ESC " + std::to_string(c));
    }
  }

  void gs() {
    command();
    if (!need(1)) return;
    const uint8_t c = next();
    switch (c) {
      case '!': {
        if (!need(1)) return;
        lineMustBeEmpty("GS !");
        const int n = next();
        if ((n >> 4) > 7 || (n & 15) > 7) return fail("GS ! " + std::to_string(n));
        style_.widthTimes = (n >> 4) + 1;
        style_.heightTimes = (n & 15) + 1;
        return;
      }
      case 'v': return raster();
      case '(': return function();
      case 'V': {
        if (!need(1)) return;
        lineMustBeEmpty("GS V");
        const int m = next();
        if (m == 65 || m == 66) {
          if (!need(1)) return;
          next();
        } else if (m != 0 && m != 1 && m != 48 && m != 49) {
          return fail("GS V " + std::to_string(m));
        }
        d_.partialCut = m == 1 || m == 49 || m == 66;
        d_.endsWithCut = true;
        return;
      }
      default: return fail("unknown command GS " + std::to_string(c));
    }
  }

  void raster() {
    if (!need(6)) return;
    lineMustBeEmpty("GS v 0");
    if (next() != '0') return fail("GS v other than GS v 0");
    const int mode = next();
    if (mode != 0 && mode != 48) return fail("GS v 0 with scaling");
    const int rowBytes = little16();
    const int rows = little16();
    if (rowBytes == 0 || rowBytes > 72 || rows == 0 || rows > 2303) return fail("GS v 0 of an impossible size");
    const size_t size = static_cast<size_t>(rowBytes * rows);
    if (!need(size)) return;
    Image image;
    image.width = rowBytes * 8;
    image.height = rows;
    image.bits.assign(b_.begin() + static_cast<std::ptrdiff_t>(pos_), b_.begin() + static_cast<std::ptrdiff_t>(pos_ + size));
    pos_ += size;
    image.inkLeft = image.width;
    image.inkTop = image.height;
    for (int y = 0; y < image.height; ++y) {
      for (int x = 0; x < image.width; ++x) {
        if (!image.at(x, y)) continue;
        ++image.ink;
        image.inkLeft = std::min(image.inkLeft, x);
        image.inkRight = std::max(image.inkRight, x);
        image.inkTop = std::min(image.inkTop, y);
        image.inkBottom = std::max(image.inkBottom, y);
      }
    }
    d_.items.push_back({Item::Kind::Image, d_.images.size()});
    d_.images.push_back(std::move(image));
  }

  // GS ( k: only the QR code (cn 49) functions the encoder uses.
  void function() {
    if (!need(3)) return;
    if (next() != 'k') return fail("GS ( other than GS ( k");
    const size_t length = static_cast<size_t>(little16());
    if (length < 2 || !need(length)) return fail("GS ( k of an impossible length");
    const size_t end = pos_ + length;
    const int cn = next(), fn = next();
    if (cn != 49) return fail("GS ( k for a symbol other than QR");
    if (d_.qrs.empty() || d_.qrs.back().printed) d_.qrs.emplace_back();
    Qr& qr = d_.qrs.back();
    switch (fn) {
      case 65:
        if (length != 4) return fail("QR model: wrong length");
        qr.model = next() - 48;
        next();
        break;
      case 67:
        if (length != 3) return fail("QR size: wrong length");
        qr.moduleDots = next();
        if (qr.moduleDots < 1 || qr.moduleDots > 16) return fail("QR module size out of range");
        break;
      case 69: {
        if (length != 3) return fail("QR error correction: wrong length");
        const int n = next();
        if (n < 48 || n > 51) return fail("QR error correction out of range");
        qr.errorCorrection = "LMQH"[n - 48];
        break;
      }
      case 80:
        if (next() != 48) return fail("QR store with m other than 48");
        qr.payload.assign(b_.begin() + static_cast<std::ptrdiff_t>(pos_), b_.begin() + static_cast<std::ptrdiff_t>(end));
        pos_ = end;
        break;
      case 81:
        if (length != 3 || next() != 48) return fail("QR print: wrong form");
        lineMustBeEmpty("QR print");
        if (qr.payload.empty()) return fail("QR printed before data was stored");
        qr.printed = true;
        d_.items.push_back({Item::Kind::Qr, d_.qrs.size() - 1});
        break;
      default: return fail("GS ( k QR function " + std::to_string(fn));
    }
    if (pos_ != end) fail("GS ( k length does not match its function");
  }

  const std::vector<uint8_t>& b_;
  size_t pos_ = 0, start_ = 0;
  Decoded d_;
  TextLine style_;
  std::string pending_;
};

}  // namespace

std::string Decoded::allText() const {
  std::string out;
  for (const auto& line : lines) out += line.text + "\n";
  return out;
}

Decoded decode(const std::vector<uint8_t>& bytes) { return Reader(bytes).run(); }

}  // namespace escpos_test
