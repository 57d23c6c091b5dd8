// Wrapping happens in logical order and each line is reordered on its own, so a wrapped Arabic
// paragraph reads top to bottom in the right order.
#include <catch2/catch.hpp>

#include "kiosk/text/line_breaking.h"
#include "kiosk/text/unicode.h"

using namespace kiosk::text;

namespace {
// Every code point is 10 px wide: easy to reason about.
float tenPerChar(std::string_view utf8) {
  float width = 0;
  forEachCodePoint(utf8, [&](char32_t) { width += 10; });
  return width;
}
}  // namespace

TEST_CASE("text that fits stays on one line") {
  const auto p = layoutParagraph("Book et møde", Direction::LeftToRight, 500, tenPerChar);
  REQUIRE(p.lines.size() == 1);
  CHECK(p.lines[0].visual == "Book et møde");
  CHECK(p.lines[0].width == 120);
  CHECK_FALSE(p.overflows);
}

TEST_CASE("text wraps at spaces and trailing spaces are not counted") {
  const auto p = layoutParagraph("Jeg har et møde i dag", Direction::LeftToRight, 100, tenPerChar);
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].visual == "Jeg har et");  // exactly 100 px: the space after it is not counted
  CHECK(p.lines[1].visual == "møde i dag");
  CHECK(p.widest == 100);
  CHECK_FALSE(p.overflows);
}

TEST_CASE("a word wider than the line gets its own line and is reported") {
  const auto p = layoutParagraph("a jobsøgningsaktiviteter b", Direction::LeftToRight, 100, tenPerChar);
  CHECK(p.overflows);
  CHECK(p.lines.size() == 3);
}

TEST_CASE("line breaks in the text are kept") {
  const auto p = layoutParagraph("one\ntwo", Direction::LeftToRight, 1000, tenPerChar);
  REQUIRE(p.lines.size() == 2);
  CHECK(p.lines[0].visual == "one");
  CHECK(p.lines[1].visual == "two");
}

TEST_CASE("wrapped Arabic keeps its first words on the first line") {
  // "اذهب إلى مكتب الاستقبال": the first line must hold the first words (logical order),
  // each line then reversed for drawing.
  const auto p = layoutParagraph("اذهب إلى مكتب الاستقبال", Direction::RightToLeft, 100, tenPerChar);
  REQUIRE(p.lines.size() >= 2);
  const std::string firstWordShaped = toUtf8(shapeArabic(toUtf16("اذهب")));
  const std::string lastWordShaped = toUtf8(shapeArabic(toUtf16("الاستقبال")));
  const auto firstLine = toUtf8(reorderLine(toUtf16(p.lines.front().visual), Direction::RightToLeft));
  const auto lastLine = toUtf8(reorderLine(toUtf16(p.lines.back().visual), Direction::RightToLeft));
  CHECK(firstLine.find(firstWordShaped) != std::string::npos);
  CHECK(lastLine.find(lastWordShaped) != std::string::npos);
}
