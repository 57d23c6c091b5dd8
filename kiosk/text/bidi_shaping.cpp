#include "kiosk/text/bidi_shaping.h"

#include <unicode/ubidi.h>
#include <unicode/ushape.h>

#include <memory>
#include <stdexcept>

#include "kiosk/text/unicode.h"

namespace kiosk::text {
namespace {

bool hasArabic(std::u16string_view text) {
  for (const char16_t c : text) {
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF)) {
      return true;
    }
  }
  return false;
}

struct BidiDeleter {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

}  // namespace

std::u16string shapeArabic(std::u16string_view logical) {
  if (!hasArabic(logical)) return std::u16string(logical);
  // GROW_SHRINK lets lam-alef collapse into one ligature without leaving a space behind
  // (FIXED_SPACES would keep the length and show a visible gap in the word).
  constexpr uint32_t options = U_SHAPE_LETTERS_SHAPE | U_SHAPE_LENGTH_GROW_SHRINK | U_SHAPE_TEXT_DIRECTION_LOGICAL;
  const auto length = static_cast<int32_t>(logical.size());
  std::u16string shaped(logical.size() * 2 + 1, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t written = u_shapeArabic(logical.data(), length, shaped.data(),
                                        static_cast<int32_t>(shaped.size()), options, &status);
  if (U_FAILURE(status)) return std::u16string(logical);  // unjoined but readable beats nothing
  shaped.resize(static_cast<size_t>(written));
  return shaped;
}

std::u16string reorderLine(std::u16string_view logical, Direction paragraph) {
  if (logical.empty()) return {};
  if (paragraph == Direction::LeftToRight && !hasRightToLeft(logical)) return std::u16string(logical);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi(ubidi_openSized(static_cast<int32_t>(logical.size()), 0, &status));
  const UBiDiLevel level = paragraph == Direction::RightToLeft ? UBIDI_RTL : UBIDI_LTR;
  ubidi_setPara(bidi.get(), logical.data(), static_cast<int32_t>(logical.size()), level, nullptr, &status);
  std::u16string visual(logical.size() + 1, u'\0');
  const int32_t written = ubidi_writeReordered(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()),
                                               UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS, &status);
  if (U_FAILURE(status)) return std::u16string(logical);
  visual.resize(static_cast<size_t>(written));
  return visual;
}

Direction directionOf(std::string_view utf8, Direction fallback) {
  const std::u16string text = toUtf16(utf8);
  switch (ubidi_getBaseDirection(text.data(), static_cast<int32_t>(text.size()))) {
    case UBIDI_LTR: return Direction::LeftToRight;
    case UBIDI_RTL: return Direction::RightToLeft;
    default: return fallback;
  }
}

std::string visualLine(std::string_view logicalUtf8, Direction paragraph) {
  return toUtf8(reorderLine(shapeArabic(toUtf16(logicalUtf8)), paragraph));
}

}  // namespace kiosk::text
