#include "kiosk/services/sentence_lines.h"

#include <unicode/brkiter.h>

#include <memory>

#include "kiosk/text/unicode.h"

namespace kiosk::services {

std::string sentencesOnLines(std::string_view utf8) {
  // Making the iterator is the costly part, so each thread keeps one (as text/line_breaking does).
  thread_local std::unique_ptr<icu::BreakIterator> sentences = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (!sentences) return std::string(utf8);
  const std::u16string all = text::toUtf16(utf8);
  const icu::UnicodeString view(false, all.data(), static_cast<int32_t>(all.size()));
  sentences->setText(view);
  std::u16string out;
  int32_t start = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next()) {
    std::u16string_view sentence(all.data() + start, static_cast<size_t>(end - start));
    while (!sentence.empty() && (sentence.back() == u' ' || sentence.back() == u'\n')) sentence.remove_suffix(1);
    if (sentence.empty()) continue;
    if (!out.empty()) out += u'\n';
    out += sentence;
  }
  return text::toUtf8(out);
}

}  // namespace kiosk::services
