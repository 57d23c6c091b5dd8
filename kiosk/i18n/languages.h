#pragma once
// Language metadata from i18n/languages.json: what the language chooser shows and what the text
// path, fonts and speech need to know about each language.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/result.h"
#include "kiosk/text/bidi_shaping.h"

namespace kiosk::i18n {

enum class Script { Latin, Cyrillic, Arabic, Ethiopic };

struct Language {
  std::string code;                  // BCP 47, also the catalog file name
  std::string nativeName;            // in its own script, as the chooser shows it
  text::Direction direction = text::Direction::LeftToRight;
  Script script = Script::Latin;
  std::optional<std::string> voice;  // espeak-ng voice; none when espeak-ng has no voice for it

  bool rightToLeft() const { return direction == text::Direction::RightToLeft; }
};

struct LanguageList {
  std::string sourceCode;  // the language every other catalog is translated from
  std::vector<Language> languages;

  const Language* find(std::string_view code) const;
};

// Fails naming the file and the problem.
Result<LanguageList> loadLanguages(const std::filesystem::path& file);

}  // namespace kiosk::i18n
