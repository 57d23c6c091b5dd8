#pragma once
// Every visible string comes from here, by key. One JSON catalog per language under i18n/, each
// value an ICU MessageFormat pattern; patterns are parsed once at load, so a broken translation
// is found when the kiosk starts, never when a citizen reaches that screen.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "kiosk/i18n/languages.h"

namespace kiosk::i18n {

using Arg = std::variant<int64_t, double, std::string>;
using Args = std::vector<std::pair<std::string, Arg>>;

class Catalogs {
 public:
  // Loads languages.json and one <code>.json per language from dir; a failure names the file and
  // what is wrong with it.
  static Result<Catalogs> load(const std::filesystem::path& dir);

  Catalogs(Catalogs&&) noexcept;
  Catalogs& operator=(Catalogs&&) noexcept;
  ~Catalogs();

  const LanguageList& languages() const { return languages_; }

  // The text for key in lang. A key the language lacks falls back to the source language; a key
  // no catalog has comes back as the key itself, which the catalog tests make impossible.
  const std::string& text(std::string_view lang, std::string_view key) const;
  std::string format(std::string_view lang, std::string_view key, const Args& args) const;

  bool has(std::string_view lang, std::string_view key) const;
  std::vector<std::string> keys(std::string_view lang) const;

 private:
  struct Entry;
  struct Tables;
  Catalogs();
  const Entry* find(std::string_view lang, std::string_view key) const;

  LanguageList languages_;
  std::unique_ptr<Tables> tables_;  // language code -> key -> parsed pattern
};

}  // namespace kiosk::i18n
