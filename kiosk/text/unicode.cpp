#include "kiosk/text/unicode.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

namespace kiosk::text {

std::u16string toUtf16(std::string_view utf8) {
  const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  return std::u16string(u.getBuffer(), static_cast<size_t>(u.length()));
}

std::string toUtf8(std::u16string_view utf16) {
  std::string out;
  icu::UnicodeString(utf16.data(), static_cast<int32_t>(utf16.size())).toUTF8String(out);
  return out;
}

bool hasRightToLeft(std::u16string_view text) {
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT(text.data(), i, length, c);
    const auto dir = u_charDirection(c);
    if (dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC) return true;
  }
  return false;
}

}  // namespace kiosk::text
