#include "kiosk/i18n/catalogs.h"

#include <unicode/msgfmt.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "kiosk/text/unicode.h"

namespace kiosk::i18n {

struct Catalogs::Entry {
  std::unique_ptr<icu::MessageFormat> format;
  std::string plain;  // the pattern formatted without arguments, ready to show
};

struct Catalogs::Tables {
  using Catalog = std::map<std::string, Entry, std::less<>>;
  std::map<std::string, Catalog, std::less<>> byLanguage;
};

namespace {

icu::UnicodeString toIcu(std::string_view utf8) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

std::string fromIcu(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::Formattable toFormattable(const Arg& arg) {
  if (const auto* i = std::get_if<int64_t>(&arg)) return icu::Formattable(static_cast<int64_t>(*i));
  if (const auto* d = std::get_if<double>(&arg)) return icu::Formattable(*d);
  return icu::Formattable(toIcu(std::get<std::string>(arg)));
}

}  // namespace

Catalogs::Catalogs() : tables_(std::make_unique<Tables>()) {}
Catalogs::Catalogs(Catalogs&&) noexcept = default;
Catalogs& Catalogs::operator=(Catalogs&&) noexcept = default;
Catalogs::~Catalogs() = default;

Result<Catalogs> Catalogs::load(const std::filesystem::path& dir) {
  Catalogs result;
  auto languages = loadLanguages(dir / "languages.json");
  if (!languages) return languages.failure();
  result.languages_ = std::move(*languages);
  for (const auto& language : result.languages_.languages) {
    const auto file = dir / (language.code + ".json");
    std::ifstream in(file);
    if (!in) return failure(file.string() + ": cannot be opened");
    const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return failure(file.string() + ": not a JSON object of key -> text");
    Tables::Catalog catalog;
    const icu::Locale locale(language.code.c_str());
    for (const auto& [key, value] : json.items()) {
      if (!value.is_string()) return failure(file.string() + ": \"" + key + "\" is not a string");
      UErrorCode status = U_ZERO_ERROR;
      UParseError where{};
      auto format = std::make_unique<icu::MessageFormat>(toIcu(value.get<std::string>()), locale, where, status);
      if (U_FAILURE(status)) {
        return failure(file.string() + ": \"" + key + "\" is not a valid ICU message (offset " +
                        std::to_string(where.offset) + ")");
      }
      Entry entry;
      icu::UnicodeString plain;
      icu::FieldPosition ignore;
      format->format(nullptr, 0, plain, ignore, status);
      entry.plain = U_SUCCESS(status) ? fromIcu(plain) : value.get<std::string>();
      entry.format = std::move(format);
      catalog.emplace(key, std::move(entry));
    }
    result.tables_->byLanguage.emplace(language.code, std::move(catalog));
  }
  return result;
}

const Catalogs::Entry* Catalogs::find(std::string_view lang, std::string_view key) const {
  for (const std::string_view code : {lang, std::string_view(languages_.sourceCode)}) {
    const auto catalog = tables_->byLanguage.find(code);
    if (catalog == tables_->byLanguage.end()) continue;
    const auto entry = catalog->second.find(key);
    if (entry != catalog->second.end()) return &entry->second;
  }
  return nullptr;
}

const std::string& Catalogs::text(std::string_view lang, std::string_view key) const {
  if (const auto* entry = find(lang, key)) return entry->plain;
  thread_local std::string missing;
  missing.assign(key);
  return missing;
}

std::string Catalogs::format(std::string_view lang, std::string_view key, const Args& args) const {
  const auto* entry = find(lang, key);
  if (!entry) return std::string(key);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(toIcu(name));
    values.push_back(toFormattable(value));
  }
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  entry->format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
  return U_SUCCESS(status) ? fromIcu(out) : entry->plain;
}

bool Catalogs::has(std::string_view lang, std::string_view key) const {
  const auto catalog = tables_->byLanguage.find(lang);
  return catalog != tables_->byLanguage.end() && catalog->second.contains(key);
}

std::vector<std::string> Catalogs::keys(std::string_view lang) const {
  std::vector<std::string> out;
  if (const auto catalog = tables_->byLanguage.find(lang); catalog != tables_->byLanguage.end()) {
    for (const auto& [key, entry] : catalog->second) out.push_back(key);
  }
  return out;
}

}  // namespace kiosk::i18n
