// How the bar's states look, in pixels drawn by the software renderer (no display needed): a
// toggle that is on must not be mistaken for Help, the one filled button, nor for a toggle that
// is off.
#include <catch2/catch.hpp>

#include <cmath>

#include "headless_kiosk.h"

namespace {

struct Colour {
  double r = 0, g = 0, b = 0;
};

// The mean colour of a button, `inset` pixels in from its edge: its fill far inside, its fill,
// outline and marks with no inset.
Colour meanInside(const kiosk::platform::Image& image, const kiosk::ui::Rect& rect, int inset) {
  Colour sum;
  int count = 0;
  for (int y = static_cast<int>(rect.y) + inset; y < static_cast<int>(rect.bottom()) - inset; ++y) {
    for (int x = static_cast<int>(rect.x) + inset; x < static_cast<int>(rect.right()) - inset; ++x) {
      const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)) * 4];
      sum.r += p[0], sum.g += p[1], sum.b += p[2];
      ++count;
    }
  }
  return {sum.r / count, sum.g / count, sum.b / count};
}

// The mean colour of the band `width` pixels wide along a button's edge: its outline.
Colour meanOutline(const kiosk::platform::Image& image, const kiosk::ui::Rect& rect, int width) {
  Colour sum;
  int count = 0;
  const int left = static_cast<int>(rect.x), top = static_cast<int>(rect.y);
  const int right = static_cast<int>(rect.right()), bottom = static_cast<int>(rect.bottom());
  const int corner = 24;  // rounded corners: the background shows there
  for (int y = top; y < bottom; ++y) {
    for (int x = left; x < right; ++x) {
      const bool inBand = x < left + width || x >= right - width || y < top + width || y >= bottom - width;
      const bool inCorner = (x < left + corner || x >= right - corner) && (y < top + corner || y >= bottom - corner);
      if (!inBand || inCorner) continue;
      const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * static_cast<size_t>(image.width) + static_cast<size_t>(x)) * 4];
      sum.r += p[0], sum.g += p[1], sum.b += p[2];
      ++count;
    }
  }
  return {sum.r / count, sum.g / count, sum.b / count};
}

double distance(Colour a, Colour b) { return std::sqrt((a.r - b.r) * (a.r - b.r) + (a.g - b.g) * (a.g - b.g) + (a.b - b.b) * (a.b - b.b)); }

}  // namespace

TEST_CASE("a bar toggle that is on looks unlike Help and unlike a toggle that is off, in both themes") {
  const bool highContrast = GENERATE(false, true);
  HeadlessKiosk k(/*drawsPixels=*/true);
  k.app.showScreen(kiosk::screens::ScreenId::MainMenu);
  k.driver.settle();
  if (highContrast) k.tap("bar.contrast");  // contrast is itself a toggle: on in high contrast
  k.tap("bar.low_reach");
  REQUIRE(k.node("bar.low_reach").selected);
  REQUIRE_FALSE(k.node("bar.read_aloud").selected);
  kiosk::platform::Image frame;
  REQUIRE(k.driver.capture(frame));
  const auto& toggleOn = k.node("bar.low_reach").visibleRect;
  const auto& help = k.node("bar.help").visibleRect;
  const auto& toggleOff = k.node("bar.read_aloud").visibleRect;
  const Colour onFill = meanInside(frame, toggleOn, 16), helpFill = meanInside(frame, help, 16);
  const Colour onOutline = meanOutline(frame, toggleOn, 6), offOutline = meanOutline(frame, toggleOff, 6);
  INFO("fill: on " << onFill.r << "," << onFill.g << "," << onFill.b << "  help " << helpFill.r << "," << helpFill.g << "," << helpFill.b);
  INFO("outline: on " << onOutline.r << "," << onOutline.g << "," << onOutline.b << "  off " << offOutline.r << "," << offOutline.g << ","
                      << offOutline.b);
  // Help is filled with the primary colour; an "on" toggle has a light fill of its own.
  CHECK(distance(onFill, helpFill) > 80);
  // On and off differ at a glance by their outline: the "done" colour, doubled, against the
  // plain border.
  CHECK(distance(onOutline, offOutline) > 60);
}
