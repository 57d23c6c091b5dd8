#pragma once
// Paragraph layout without a renderer: shape, wrap in logical order, then reorder each line.
// Wrapping must happen before reordering — wrapping visual-order text puts right-to-left lines in
// the wrong order — so this is the one place that does both, for every string the kiosk shows.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/text/bidi_shaping.h"

namespace kiosk::text {

// Width in pixels of a run of shaped text. Glyph advances do not depend on order, so the run
// may be measured in logical order.
using MeasureRun = std::function<float(std::string_view utf8)>;

struct LaidOutLine {
  std::string visual;  // UTF-8, in drawing order (left to right on screen)
  float width = 0;
};

struct LaidOutParagraph {
  std::vector<LaidOutLine> lines;
  float widest = 0;
  bool overflows = false;  // some word is wider than the room it was given
};

// Lays out text (may hold '\n') into lines at most maxWidth wide, breaking where Unicode allows
// (ICU line breaking). A word too long for any line gets a line of its own and sets overflows.
LaidOutParagraph layoutParagraph(std::string_view logicalUtf8, Direction paragraph, float maxWidth,
                                 const MeasureRun& measure);

}  // namespace kiosk::text
