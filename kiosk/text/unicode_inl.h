#pragma once
#include <unicode/utf8.h>

namespace kiosk::text {

template <typename Visit>
void forEachCodePoint(std::string_view utf8, Visit&& visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    visit(static_cast<char32_t>(c));
  }
}

}  // namespace kiosk::text
