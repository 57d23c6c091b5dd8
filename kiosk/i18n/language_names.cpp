#include "kiosk/i18n/language_names.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace kiosk::i18n {
namespace {

// Languages of Denmark's jobcenter users and their interpreters (Danish authorities' common
// interpreting languages) beyond the kiosk's own ten.
constexpr const char* kSpoken[] = {"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro", "ru", "de", "ur", "ku",
                                   "ps", "fr", "es", "lt", "bg", "sr", "bs", "vi", "th", "ta", "prs", "am", "it", "hu"};

}  // namespace

std::string languageDisplayName(std::string_view displayLanguage, std::string_view code) {
  const icu::Locale shown(std::string(code).c_str());
  const icu::Locale reader(std::string(displayLanguage).c_str());
  icu::UnicodeString name;
  shown.getDisplayLanguage(reader, name);
  std::string utf8;
  name.toUTF8String(utf8);
  return utf8.empty() ? std::string(code) : utf8;
}

std::string spokenLanguageVocabulary(std::string_view displayLanguage) {
  std::string all;
  for (const char* code : kSpoken) all += languageDisplayName(displayLanguage, code) + "\n";
  return all;
}

}  // namespace kiosk::i18n
