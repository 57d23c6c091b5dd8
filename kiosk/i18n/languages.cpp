#include "kiosk/i18n/languages.h"

#include <fstream>
#include <nlohmann/json.hpp>


namespace kiosk::i18n {
namespace {

std::optional<Script> parseScript(const std::string& name) {
  if (name == "latin") return Script::Latin;
  if (name == "cyrillic") return Script::Cyrillic;
  if (name == "arabic") return Script::Arabic;
  if (name == "ethiopic") return Script::Ethiopic;
  return std::nullopt;
}

}  // namespace

const Language* LanguageList::find(std::string_view code) const {
  for (const auto& language : languages) {
    if (language.code == code) return &language;
  }
  return nullptr;
}

Result<LanguageList> loadLanguages(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return failure(file.string() + ": cannot be opened");
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("languages") || !json["languages"].is_array()) {
    return failure(file.string() + ": expected an object with a \"languages\" array");
  }
  LanguageList list;
  list.sourceCode = json.value("source", "da");
  for (const auto& entry : json["languages"]) {
    if (!entry.is_object() || !entry.contains("code") || !entry.contains("name") || !entry["code"].is_string() || !entry["name"].is_string()) {
      return failure(file.string() + ": every language needs \"code\" and \"name\", both text");
    }
    const std::string where = file.string() + " [" + entry["code"].get<std::string>() + "]";
    Language language;
    language.code = entry["code"].get<std::string>();
    language.nativeName = entry["name"].get<std::string>();
    const auto direction = entry.value("direction", "ltr");
    if (direction != "ltr" && direction != "rtl") return failure(where + ": direction must be ltr or rtl");
    language.direction = direction == "rtl" ? text::Direction::RightToLeft : text::Direction::LeftToRight;
    const std::string scriptName = entry.value("script", "latin");
    const auto script = parseScript(scriptName);
    if (!script) return failure(where + ": unknown script \"" + scriptName + "\"");
    language.script = *script;
    if (entry.contains("voice") && entry["voice"].is_string()) language.voice = entry["voice"].get<std::string>();
    list.languages.push_back(std::move(language));
  }
  if (!list.find(list.sourceCode)) return failure(file.string() + ": source language is not in the list");
  return list;
}

}  // namespace kiosk::i18n
