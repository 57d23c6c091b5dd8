#pragma once
// UTF-8 <-> UTF-16 at the boundary between our strings (UTF-8 everywhere) and ICU (UTF-16).

#include <string>
#include <string_view>

namespace kiosk::text {

std::u16string toUtf16(std::string_view utf8);
std::string toUtf8(std::u16string_view utf16);

// Visits each code point of a UTF-8 string; malformed bytes become U+FFFD.
template <typename Visit>
void forEachCodePoint(std::string_view utf8, Visit&& visit);

// True if any character has a strong right-to-left bidi class (Hebrew, Arabic, Thaana, ...).
bool hasRightToLeft(std::u16string_view text);

}  // namespace kiosk::text

#include "kiosk/text/unicode_inl.h"
