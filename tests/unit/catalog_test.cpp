// The catalogs: every language complete, every key used, every pattern valid ICU, no Arabic
// vowel marks (the pre-shaper cannot place them).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/i18n/catalogs.h"
#include "kiosk/text/unicode.h"

using kiosk::i18n::Catalogs;

namespace {

const Catalogs& catalogs() {
  static const Catalogs loaded = Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  return loaded;
}

std::string join(const std::set<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Every string literal in the kiosk's sources that looks like a catalog key.
std::set<std::string> keysUsedInSource(const std::set<std::string>& prefixes) {
  std::set<std::string> used;
  const std::regex literal("\"([a-z_]+)\\.([a-z0-9_.]*)\"");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "kiosk")) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
      const std::string key = (*it)[1].str() + "." + (*it)[2].str();
      // "language." + code builds a widget id, not a catalog key.
      if (prefixes.contains((*it)[1].str()) && key.back() != '.') used.insert(key);
    }
  }
  // "Show me how" narrates by key from its step file.
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets" / "tour")) {
    std::ifstream in(entry.path());
    const auto tour = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    for (const auto& step : tour.value("steps", nlohmann::json::array())) {
      if (step.contains("say")) used.insert(step["say"].get<std::string>());
    }
  }
  return used;
}

}  // namespace

TEST_CASE("ten languages, each with its own name and direction") {
  const auto& languages = catalogs().languages().languages;
  REQUIRE(languages.size() == 10);
  std::set<std::string> codes;
  for (const auto& language : languages) codes.insert(language.code);
  CHECK(codes == std::set<std::string>{"da", "en", "ar", "fa", "uk", "so", "tr", "pl", "ti", "ro"});
  CHECK(catalogs().languages().find("ar")->rightToLeft());
  CHECK(catalogs().languages().find("fa")->rightToLeft());
  CHECK_FALSE(catalogs().languages().find("uk")->rightToLeft());
  CHECK(catalogs().languages().find("ti")->script == kiosk::i18n::Script::Ethiopic);
}

TEST_CASE("every language has exactly the keys of the Danish source catalog") {
  const auto source = catalogs().keys("da");
  const std::set<std::string> sourceKeys(source.begin(), source.end());
  for (const auto& language : catalogs().languages().languages) {
    const auto keys = catalogs().keys(language.code);
    const std::set<std::string> have(keys.begin(), keys.end());
    std::set<std::string> missing, extra;
    for (const auto& key : sourceKeys) if (!have.contains(key)) missing.insert(key);
    for (const auto& key : have) if (!sourceKeys.contains(key)) extra.insert(key);
    INFO("language " << language.code);
    CHECK(join(missing) == "");
    CHECK(join(extra) == "");
  }
}

TEST_CASE("every key the code uses exists, and every key in the catalog is used") {
  const auto source = catalogs().keys("da");
  const std::set<std::string> catalogKeys(source.begin(), source.end());
  std::set<std::string> prefixes;
  for (const auto& key : catalogKeys) prefixes.insert(key.substr(0, key.find('.')));
  const auto used = keysUsedInSource(prefixes);
  std::set<std::string> missing, unused;
  for (const auto& key : used) if (!catalogKeys.contains(key)) missing.insert(key);
  for (const auto& key : catalogKeys) if (!used.contains(key)) unused.insert(key);
  INFO("used in code but missing from i18n/da.json: " << join(missing));
  CHECK(missing.empty());
  INFO("in i18n/da.json but used nowhere: " << join(unused));
  CHECK(unused.empty());
}

TEST_CASE("no text is empty or padded with spaces") {
  for (const auto& language : catalogs().languages().languages) {
    for (const auto& key : catalogs().keys(language.code)) {
      const std::string& text = catalogs().text(language.code, key);
      INFO(language.code << " " << key);
      CHECK_FALSE(text.empty());
      CHECK(text.front() != ' ');
      CHECK(text.back() != ' ');
    }
  }
}

TEST_CASE("Arabic and Farsi strings carry no vowel marks or tatweel") {
  for (const char* code : {"ar", "fa"}) {
    for (const auto& key : catalogs().keys(code)) {
      bool marks = false;
      kiosk::text::forEachCodePoint(catalogs().text(code, key), [&](char32_t c) {
        if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) marks = true;
      });
      INFO(code << " " << key << ": " << catalogs().text(code, key));
      CHECK_FALSE(marks);
    }
  }
}

TEST_CASE("a missing key falls back to Danish, an unknown key shows itself") {
  CHECK(catalogs().text("xx", "menu.book") == "Book et møde");
  CHECK(catalogs().text("da", "no.such.key") == "no.such.key");
}

TEST_CASE("a broken catalog is refused with the file and key named") {
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-broken-catalog";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "languages.json") << R"({"source":"da","languages":[{"code":"da","name":"Dansk"}]})";
  std::ofstream(dir / "da.json") << R"({"menu.book": "Book {when"})";
  const auto broken = Catalogs::load(dir);
  REQUIRE_FALSE(broken.ok());
  CHECK_THAT(broken.failure().detail, Catch::Contains("da.json") && Catch::Contains("menu.book"));
  std::ofstream(dir / "da.json") << "not json";
  const auto notJson = Catalogs::load(dir);
  REQUIRE_FALSE(notJson.ok());
  CHECK_THAT(notJson.failure().detail, Catch::Contains("not a JSON object"));
  std::ofstream(dir / "languages.json") << R"({"source":"da","languages":[{"code":7,"name":"Dansk"}]})";
  const auto badCode = Catalogs::load(dir);  // once an exception from inside the JSON library
  REQUIRE_FALSE(badCode.ok());
  CHECK_THAT(badCode.failure().detail, Catch::Contains("languages.json"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("ICU MessageFormat formats plurals and numbers per language") {
  const auto dir = std::filesystem::temp_directory_path() / "kiosk-plural-catalog";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "languages.json") << R"({"source":"da","languages":[{"code":"da","name":"Dansk"},{"code":"uk","name":"Українська"}]})";
  std::ofstream(dir / "da.json") << R"({"n": "{count, plural, one {# ansøgning} other {# ansøgninger}}"})";
  std::ofstream(dir / "uk.json") << R"({"n": "{count, plural, one {# заявка} few {# заявки} many {# заявок} other {# заявки}}"})";
  const auto plural = Catalogs::load(dir).value();
  CHECK(plural.format("da", "n", {{"count", int64_t{1}}}) == "1 ansøgning");
  CHECK(plural.format("da", "n", {{"count", int64_t{3}}}) == "3 ansøgninger");
  CHECK(plural.format("uk", "n", {{"count", int64_t{3}}}) == "3 заявки");
  CHECK(plural.format("uk", "n", {{"count", int64_t{5}}}) == "5 заявок");
  std::filesystem::remove_all(dir);
}
