#pragma once
// The names of languages as a reader of another language says them ("arabisk", "العربية"), by
// ICU: what a consultant speaks, or the interpreter asked for.

#include <string>
#include <string_view>

namespace kiosk::i18n {

std::string languageDisplayName(std::string_view displayLanguage, std::string_view code);

// The names of every language a consultant or an interpreter is likely to speak, shown in
// displayLanguage: what the font atlas must hold for them.
std::string spokenLanguageVocabulary(std::string_view displayLanguage);

}  // namespace kiosk::i18n
