#include "kiosk/services/pc865.h"

#include "kiosk/services/card_scripts.h"
#include "kiosk/text/unicode.h"

namespace kiosk::services {
namespace {

// PC865 (Nordic) 0x80..0xAF: the letters, as the code page table defines them.
constexpr std::u16string_view kPc865Letters =
    u"ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤";

std::optional<uint8_t> pc865Byte(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return static_cast<uint8_t>(c);
  for (size_t i = 0; i < kPc865Letters.size(); ++i) {
    if (kPc865Letters[i] == c) return static_cast<uint8_t>(0x80 + i);
  }
  switch (c) {
    case U'ß': return 0xE1;
    case U'µ': return 0xE6;
    case U'±': return 0xF1;
    case U'°': return 0xF8;
    case U'·': return 0xFA;
    case U'²': return 0xFD;
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> toPc865(std::string_view utf8) {
  std::string out;
  bool ok = true;
  text::forEachCodePoint(utf8, [&](char32_t c) {
    if (isInvisibleControl(c)) return;
    switch (c) {
      case 0x00A0: case 0x2007: case 0x2009: case 0x202F: out += ' '; return;  // no-break and thin spaces
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: out += '-'; return;
      case 0x2018: case 0x2019: case 0x201A: out += '\''; return;
      case 0x201C: case 0x201D: case 0x201E: out += '"'; return;
      case 0x2026: out += "..."; return;
      default: break;
    }
    if (const auto b = pc865Byte(c)) out += static_cast<char>(*b);
    else ok = false;
  });
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace kiosk::services
