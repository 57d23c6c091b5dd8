#pragma once
// LIX readability of catalog texts, measured on the text as the citizen sees it. Shared by the
// rule (tests/unit/lix_test.cpp, which explains why it is measured this way) and the generated
// report (tests/tools/accessibility_report.cpp -> docs/accessibility.md).
//
//   LIX = words / sentences + 100 * long words / words      (a long word has more than 6 letters)
//
// - A pattern is measured as shown: each branch of a plural or select block on its own, a
//   placeholder ({name}, {date}) or a plural's # counting as one short word.
// - A word is what stands between spaces and holds a letter, a digit, # or a placeholder; only
//   letters count towards its length, and a hyphenated word is one word ("CPR-nummer": 9 letters).
// - A sentence ends at . ! ? or : that ends the text or is followed by a space and a capital
//   letter ("kl. {time}" and "{name}: skriv" end none). A text without a final stop - a label,
//   a title - counts as one sentence.

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace lix {

inline constexpr double kMaxLix = 30;
// From this many words a text gets its own score: the shortest text in which a single long word
// still leaves room under 30 (4 + 100 / 4 = 29); shorter texts are scored together.
inline constexpr int kOwnScoreMinWords = 4;
inline constexpr int kLongWordLetters = 7;   // LIX's long word: more than 6 letters
inline constexpr int kMaxWordLetters = 14;   // longer compounds fail unless allowed below

// Words over kMaxWordLetters that may stay, each with the reason it cannot be said shorter (a
// fixed product or domain name the citizen also meets outside the kiosk). None are needed today.
struct AllowedWord {
  std::string word;    // lower case, letters only
  std::string reason;
};
inline const std::vector<AllowedWord>& allowedLongWords() {
  static const std::vector<AllowedWord> allowed{};
  return allowed;
}

struct Measure {
  int words = 0, sentences = 0;
  std::vector<std::string> longWords;      // more than 6 letters, as written
  std::vector<std::string> tooLongWords;   // more than kMaxWordLetters letters
  double score() const {
    return words == 0 ? 0 : static_cast<double>(words) / std::max(1, sentences) + 100.0 * static_cast<double>(longWords.size()) / words;
  }
};

// [SECTION] The text as shown: one string per branch of every plural or select block.
namespace detail {

inline std::vector<std::string> product(const std::vector<std::string>& heads, const std::vector<std::string>& tails) {
  std::vector<std::string> out;
  for (const auto& h : heads) for (const auto& t : tails) out.push_back(h + t);
  return out;
}

// Parses an ICU MessageFormat message from s[i] up to an unmatched '}' or the end. Apostrophe
// quoting follows ICU's default: '' is one apostrophe, '{' ... ' quotes syntax characters.
inline std::vector<std::string> message(std::string_view s, size_t& i) {
  std::vector<std::string> shown{""};
  auto append = [&](std::string_view piece) { for (auto& text : shown) text += piece; };
  while (i < s.size() && s[i] != '}') {
    const char c = s[i];
    if (c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      append("'");
      i += 2;
    } else if (c == '\'' && i + 1 < s.size() && (s[i + 1] == '{' || s[i + 1] == '}' || s[i + 1] == '#' || s[i + 1] == '|')) {
      const size_t end = s.find('\'', i + 1);
      append(s.substr(i + 1, (end == std::string_view::npos ? s.size() : end) - i - 1));
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if (c == '{') {
      // {name}, {name, type[, style]} or {name, plural|selectordinal|select, selector {message} ...}
      const size_t open = i++;
      size_t comma = s.find_first_of(",}", i);
      if (comma == std::string_view::npos) return shown;
      const std::string_view name = s.substr(i, comma - i);
      if (s[comma] == '}') {
        append(s.substr(open, comma + 1 - open));
        i = comma + 1;
        continue;
      }
      i = comma + 1;
      const size_t typeEnd = s.find_first_of(",}", i);
      if (typeEnd == std::string_view::npos) return shown;
      std::string type(s.substr(i, typeEnd - i));
      type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
      const bool branching = type == "plural" || type == "selectordinal" || type == "select";
      if (!branching) {
        // A formatted value (number, date, time): one placeholder, whatever its style says.
        int depth = 1;
        size_t j = i;
        for (; j < s.size() && depth > 0; ++j) depth += s[j] == '{' ? 1 : s[j] == '}' ? -1 : 0;
        append("{" + std::string(name) + "}");
        i = j;
        continue;
      }
      i = typeEnd + 1;
      std::vector<std::string> branches;
      while (i < s.size() && s[i] != '}') {
        if (s[i] != '{') {
          ++i;  // selector names, offset:n and spaces
          continue;
        }
        ++i;
        for (auto& branch : message(s, i)) branches.push_back(std::move(branch));
        if (i < s.size()) ++i;  // the branch's closing brace
      }
      if (i < s.size()) ++i;  // the block's closing brace
      shown = product(shown, branches.empty() ? std::vector<std::string>{""} : branches);
    } else {
      // Any other character, # too: in a plural branch it stands for the number, and measure()
      // counts it as a short word.
      append(s.substr(i, 1));
      ++i;
    }
  }
  return shown;
}

}  // namespace detail

inline std::vector<std::string> shownTexts(std::string_view pattern) {
  size_t i = 0;
  return detail::message(pattern, i);
}

// [SECTION] Counting
namespace detail {

struct CodePoint {
  char32_t c;
  size_t begin, end;  // its bytes in the UTF-8 text
};

inline std::vector<CodePoint> codePoints(std::string_view utf8) {
  std::vector<CodePoint> out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    const auto begin = static_cast<size_t>(i);
    UChar32 c = 0;
    U8_NEXT_OR_FFFD(bytes, i, length, c);
    out.push_back({static_cast<char32_t>(c), begin, static_cast<size_t>(i)});
  }
  return out;
}

inline bool isSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }
inline bool isStop(char32_t c) { return c == '.' || c == '!' || c == '?' || c == ':'; }

}  // namespace detail

inline Measure measure(std::string_view shown) {
  using detail::isSpace;
  using detail::isStop;
  const auto cps = detail::codePoints(shown);
  Measure m;
  // Words.
  for (size_t i = 0; i < cps.size();) {
    if (isSpace(cps[i].c)) {
      ++i;
      continue;
    }
    const size_t first = i;
    int letters = 0;
    bool counts = false;
    for (int depth = 0; i < cps.size() && (depth > 0 || !isSpace(cps[i].c)); ++i) {
      const char32_t c = cps[i].c;
      // A placeholder is one short word, however long its name.
      if (c == '{' || c == '}') {
        depth += c == '{' ? 1 : -1;
        counts = true;
      } else if (depth > 0) {
        continue;
      } else if (u_isalpha(static_cast<UChar32>(c))) {
        ++letters;
        counts = true;
      } else if (u_isdigit(static_cast<UChar32>(c)) || c == '#') {
        counts = true;
      }
    }
    if (!counts) continue;
    const std::string written(shown.substr(cps[first].begin, cps[i - 1].end - cps[first].begin));
    ++m.words;
    if (letters >= kLongWordLetters) m.longWords.push_back(written);
    if (letters > kMaxWordLetters) m.tooLongWords.push_back(written);
  }
  // Sentences.
  size_t end = cps.size();
  while (end > 0 && isSpace(cps[end - 1].c)) --end;
  for (size_t i = 0; i < end; ++i) {
    if (!isStop(cps[i].c)) continue;
    while (i + 1 < end && isStop(cps[i + 1].c)) ++i;  // "?!" ends one sentence
    if (i + 1 == end) {
      ++m.sentences;
    } else if (isSpace(cps[i + 1].c)) {
      size_t next = i + 1;
      while (next < end && isSpace(cps[next].c)) ++next;
      if (next < end && u_isupper(static_cast<UChar32>(cps[next].c))) ++m.sentences;
    }
  }
  if (end == 0 || !isStop(cps[end - 1].c)) ++m.sentences;
  return m;
}

// Letters only, lower case: how a word is looked up in allowedLongWords().
inline std::string plainWord(std::string_view written) {
  std::string out;
  for (const auto& cp : detail::codePoints(written)) {
    if (!u_isalpha(static_cast<UChar32>(cp.c))) continue;
    const UChar32 lower = u_tolower(static_cast<UChar32>(cp.c));
    char bytes[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, lower);
    out.append(bytes, static_cast<size_t>(n));
  }
  return out;
}

inline const AllowedWord* allowed(std::string_view written) {
  const std::string plain = plainWord(written);
  for (const auto& a : allowedLongWords()) if (a.word == plain) return &a;
  return nullptr;
}

// [SECTION] A whole catalog
struct Scored {
  std::string key;
  std::string shown;  // one branch of the pattern
  Measure measure;
};

struct CatalogResult {
  std::vector<Scored> own;     // texts of kOwnScoreMinWords words or more: each scored alone
  std::vector<Scored> short_;  // shorter texts: scored together
  Measure pooled;              // the short texts as one text (their words, sentences, long words)
  std::vector<Scored> tooLong; // texts with a word over kMaxWordLetters letters that is not allowed

  std::vector<const Scored*> overLimit() const {
    std::vector<const Scored*> out;
    for (const auto& s : own) if (s.measure.score() > kMaxLix + 1e-9) out.push_back(&s);
    return out;
  }
  bool pooledOverLimit() const { return pooled.score() > kMaxLix + 1e-9; }
};

// catalog: the JSON object of key -> pattern (i18n/da.json), in its own key order.
inline CatalogResult measureCatalog(const nlohmann::ordered_json& catalog) {
  CatalogResult result;
  for (const auto& [key, value] : catalog.items()) {
    if (!value.is_string()) continue;
    for (const auto& shown : shownTexts(value.get<std::string>())) {
      Scored s{key, shown, measure(shown)};
      bool tooLong = false;
      for (const auto& w : s.measure.tooLongWords) tooLong = tooLong || !allowed(w);
      if (tooLong) result.tooLong.push_back(s);
      if (s.measure.words >= kOwnScoreMinWords) {
        result.own.push_back(std::move(s));
      } else {
        result.pooled.words += s.measure.words;
        result.pooled.sentences += s.measure.sentences;
        result.pooled.longWords.insert(result.pooled.longWords.end(), s.measure.longWords.begin(), s.measure.longWords.end());
        result.short_.push_back(std::move(s));
      }
    }
  }
  return result;
}

}  // namespace lix
