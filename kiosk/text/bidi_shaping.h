#pragma once
// Turns logical-order text into what ImGui can draw glyph by glyph, left to right: Arabic letters
// joined (contextual presentation forms) and every line put into visual order by the Unicode
// bidi algorithm. ImGui has no shaper, so this is the whole of our complex-script support.

#include <string>
#include <string_view>

namespace kiosk::text {

enum class Direction { LeftToRight, RightToLeft };

// Replaces Arabic letters by their joined presentation forms, still in logical order.
// Lam + alef become one ligature, so the result can be shorter than the input.
std::u16string shapeArabic(std::u16string_view logical);

// Reorders one line (no line breaks inside) from logical to visual order, mirroring brackets.
std::u16string reorderLine(std::u16string_view logical, Direction paragraph);

// The direction of text that carries its own (a name, an address, an agreement written in Danish
// shown in an Arabic screen): that of its first strong character; fallback if it has none.
Direction directionOf(std::string_view utf8, Direction fallback);

// shapeArabic, then reorderLine: for a single line of UTF-8 text.
std::string visualLine(std::string_view logicalUtf8, Direction paragraph);

}  // namespace kiosk::text
