#include "kiosk/i18n/languages.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk/i18n/load_error.h"

namespace kiosk::i18n {
namespace {

Script parseScript(const std::string& name, const std::string& where) {
  if (name == "latin") return Script::Latin;
  if (name == "cyrillic") return Script::Cyrillic;
  if (name == "arabic") return Script::Arabic;
  if (name == "ethiopic") return Script::Ethiopic;
  throw LoadError(where + ": unknown script \"" + name + "\"");
}

}  // namespace

const Language* LanguageList::find(std::string_view code) const {
  for (const auto& language : languages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

LanguageList loadLanguages(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw LoadError(file.string() + ": cannot be opened");
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("languages") || !json["languages"].is_array()) {
    throw LoadError(file.string() + ": expected an object with a \"languages\" array");
  }
  LanguageList list;
  list.sourceCode = json.value("source", "da");
  for (const auto& entry : json["languages"]) {
    const std::string where = file.string() + " [" + entry.value("code", "?") + "]";
    if (!entry.is_object() || !entry.contains("code") || !entry.contains("name")) {
      throw LoadError(where + ": every language needs \"code\" and \"name\"");
    }
    Language language;
    language.code = entry["code"].get<std::string>();
    language.nativeName = entry["name"].get<std::string>();
    const auto direction = entry.value("direction", "ltr");
    if (direction != "ltr" && direction != "rtl") throw LoadError(where + ": direction must be ltr or rtl");
    language.direction = direction == "rtl" ? text::Direction::RightToLeft : text::Direction::LeftToRight;
    language.script = parseScript(entry.value("script", "latin"), where);
    if (entry.contains("voice") && entry["voice"].is_string()) language.voice = entry["voice"].get<std::string>();
    list.languages.push_back(std::move(language));
  }
  if (!list.find(list.sourceCode)) throw LoadError(file.string() + ": source language is not in the list");
  return list;
}

}  // namespace kiosk::i18n
