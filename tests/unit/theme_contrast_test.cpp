// WCAG 2.2 contrast of the theme's colour pairs: 4.5:1 for text, 3:1 for control borders.
#include <catch2/catch.hpp>

#include <cmath>

#include "kiosk/ui/theme.h"

using namespace kiosk::ui;

namespace {

double channel(uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrast(Rgb a, Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("the contrast formula matches known values") {
  CHECK(contrast({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
  CHECK(contrast({0x10, 0x20, 0x30}, {0xFF, 0xFF, 0xFF}) == Approx(16.5).margin(0.2));
}

TEST_CASE("every text colour reads at 4.5:1 on what it is drawn on, in both themes") {
  for (const Contrast theme : {Contrast::Normal, Contrast::High}) {
    const Palette& p = palette(theme);
    INFO((theme == Contrast::High ? "high contrast" : "normal"));
    CHECK(contrast(p.text, p.surface) >= 4.5);
    CHECK(contrast(p.text, p.background) >= 4.5);
    CHECK(contrast(p.text, p.barBackground) >= 4.5);
    CHECK(contrast(p.text, p.pressed) >= 4.5);
    CHECK(contrast(p.mutedText, p.surface) >= 4.5);
    CHECK(contrast(p.onPrimary, p.primary) >= 4.5);
    CHECK(contrast(p.primary, p.surface) >= 4.5);  // pictograms and text on tiles
    CHECK(contrast(p.primary, p.pressed) >= 4.5);
    CHECK(contrast(p.disabledText, p.surface) >= 4.5);
    CHECK(contrast(p.doneText, p.doneSurface) >= 4.5);  // "you have a meeting"
  }
}

TEST_CASE("control outlines stand out at 3:1, in both themes") {
  for (const Contrast theme : {Contrast::Normal, Contrast::High}) {
    const Palette& p = palette(theme);
    CHECK(contrast(p.border, p.surface) >= 3.0);
    CHECK(contrast(p.border, p.barBackground) >= 3.0);
  }
}
