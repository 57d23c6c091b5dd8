#include "kiosk/text/line_breaking.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <algorithm>
#include <memory>

#include "kiosk/text/unicode.h"

namespace kiosk::text {
namespace {

bool isSpace(char16_t c) { return c == u' ' || c == u'\n' || c == u'\t' || c == u'\u00A0' || c == u'\r'; }

std::u16string_view trimTrailingSpace(std::u16string_view s) {
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::unique_ptr<icu::BreakIterator> lineBreaker() {
  // The root locale's line rules hold for every script we show; creating the iterator is the
  // costly part, so each thread keeps one.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
  return U_SUCCESS(status) ? std::move(it) : nullptr;
}

}  // namespace

LaidOutParagraph layoutParagraph(std::string_view logicalUtf8, Direction paragraph, float maxWidth,
                                 const MeasureRun& measure) {
  LaidOutParagraph out;
  const std::u16string shaped = shapeArabic(toUtf16(logicalUtf8));
  const std::u16string_view all(shaped);

  auto emit = [&](size_t begin, size_t end) {
    const auto logical = trimTrailingSpace(all.substr(begin, end - begin));
    LaidOutLine line;
    line.width = measure(toUtf8(logical));
    line.visual = toUtf8(reorderLine(logical, paragraph));
    out.widest = std::max(out.widest, line.width);
    if (line.width > maxWidth + 0.5f) out.overflows = true;
    out.lines.push_back(std::move(line));
  };
  auto fits = [&](size_t begin, size_t end) {
    return measure(toUtf8(trimTrailingSpace(all.substr(begin, end - begin)))) <= maxWidth + 0.5f;
  };

  thread_local std::unique_ptr<icu::BreakIterator> breaker = lineBreaker();
  if (!breaker) {  // no ICU data: one line per paragraph, still shaped and reordered
    emit(0, all.size());
    return out;
  }
  icu::UnicodeString text(false, shaped.data(), static_cast<int32_t>(shaped.size()));
  breaker->setText(text);

  size_t lineStart = 0;
  size_t lastFit = 0;  // the last break opportunity after lineStart that still fits
  for (int32_t pos = breaker->next(); pos != icu::BreakIterator::DONE; pos = breaker->next()) {
    const auto at = static_cast<size_t>(pos);
    const bool hard = breaker->getRuleStatus() >= UBRK_LINE_HARD && at < all.size();
    if (fits(lineStart, at)) {
      lastFit = at;
    } else if (lastFit > lineStart) {
      emit(lineStart, lastFit);
      lineStart = lastFit;
      lastFit = fits(lineStart, at) ? at : lineStart;
      if (lastFit == lineStart) {  // the word alone does not fit: give it its own line
        emit(lineStart, at);
        lineStart = lastFit = at;
      }
    } else {
      emit(lineStart, at);
      lineStart = lastFit = at;
    }
    if (hard && lineStart < at) {
      emit(lineStart, at);
      lineStart = lastFit = at;
    }
  }
  if (lineStart < all.size() || out.lines.empty()) emit(lineStart, all.size());
  return out;
}

}  // namespace kiosk::text
