// Arabic joining and bidi reordering on known strings: what ImGui is handed to draw.
#include <catch2/catch.hpp>

#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"

using namespace kiosk::text;

namespace {
std::u16string shaped(const char* utf8) { return shapeArabic(toUtf16(utf8)); }
}  // namespace

TEST_CASE("Arabic letters take their joined forms") {
  // سلام: seen initial, then lam + alef as the final lam-alef ligature, then meem isolated
  // (alef never joins to the next letter).
  CHECK(shaped("سلام") == u"\uFEB3\uFEFC\uFEE1");
  // بيت: beh initial, yeh medial, teh final.
  CHECK(shaped("بيت") == u"\uFE91\uFEF4\uFE96");
}

TEST_CASE("lam followed by alef becomes one ligature with no gap left behind") {
  const auto result = shaped("لا");
  CHECK(result == u"\uFEFB");
  CHECK(result.size() == 1);  // GROW_SHRINK: no trailing space where the alef was
}

TEST_CASE("Farsi letters shape too") {
  // خوش: khah initial, waw final, sheen isolated.
  CHECK(shaped("خوش") == u"\uFEA7\uFEEE\uFEB5");
  // Farsi yeh (U+06CC) has presentation forms in block B' (FBFC..FBFF).
  CHECK(shaped("می") == u"\uFEE3\uFBFD");
}

TEST_CASE("text without Arabic is left alone") {
  CHECK(shaped("Velkommen til Jobcenteret") == u"Velkommen til Jobcenteret");
  CHECK(shaped("Ласкаво просимо") == toUtf16("Ласкаво просимо"));
}

TEST_CASE("a right-to-left line is reversed into visual order") {
  const auto visual = reorderLine(toUtf16("سلام"), Direction::RightToLeft);
  CHECK(visual == u"\u0645\u0627\u0644\u0633");
}

TEST_CASE("numbers and Latin words keep their own order inside Arabic") {
  const std::string line = visualLine("موعد 10:30 Jobcenter", Direction::RightToLeft);
  // Visually, left to right: the Latin word, then the time, then the Arabic word.
  CHECK(line.find("Jobcenter") < line.find("10:30"));
  CHECK(line.find("10:30") != std::string::npos);
  CHECK(line.rfind("Jobcenter", 0) == 0);
}

TEST_CASE("brackets are mirrored in right-to-left text") {
  const auto visual = reorderLine(toUtf16("(سلام)"), Direction::RightToLeft);
  CHECK(visual.front() == u'(');
  CHECK(visual.back() == u')');
}

TEST_CASE("a left-to-right paragraph with no right-to-left text is returned as is") {
  CHECK(visualLine("Hvad vil du gøre?", Direction::LeftToRight) == "Hvad vil du gøre?");
}

TEST_CASE("hasRightToLeft finds Arabic and Hebrew but not Cyrillic") {
  CHECK(hasRightToLeft(toUtf16("abc سلام")));
  CHECK(hasRightToLeft(toUtf16("שלום")));
  CHECK_FALSE(hasRightToLeft(toUtf16("Привіт")));
}
