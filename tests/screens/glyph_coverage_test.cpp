// The atlas built for a language holds a glyph for every character its screens draw — no '?'
// boxes — after Arabic shaping, in every text role.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>

#include "kiosk/app/font_plan.h"
#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"

TEST_CASE("every character of every language's texts has a glyph in its font atlas") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  ImGuiContext* context = ImGui::CreateContext();
  kiosk::ui::FontSet fonts;
  for (const auto& language : catalogs.languages().languages) {
    const auto plan = kiosk::app::planFonts(catalogs, language.code, 100, 1);
    const auto built = fonts.build(*ImGui::GetIO().Fonts, plan);
    REQUIRE(built.ok());
    std::vector<std::string> texts;
    for (const auto& key : catalogs.keys(language.code)) texts.push_back(catalogs.text(language.code, key));
    for (const auto& other : catalogs.languages().languages) texts.push_back(other.nativeName);
    for (const auto& text : texts) {
      const auto shown = kiosk::text::visualLine(text, language.direction);
      kiosk::text::forEachCodePoint(shown, [&](char32_t c) {
        for (const auto role : {kiosk::ui::FontRole::Title, kiosk::ui::FontRole::Label, kiosk::ui::FontRole::Body,
                                kiosk::ui::FontRole::Hint, kiosk::ui::FontRole::Bar}) {
          INFO(language.code << ": U+" << std::hex << static_cast<unsigned>(c) << " in \"" << text << "\"");
          CHECK(fonts.font(role)->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
      });
    }
  }
  ImGui::DestroyContext(context);
}

TEST_CASE("a 200 % Arabic atlas fits one 4096 x 4096 texture") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  ImGuiContext* context = ImGui::CreateContext();
  kiosk::ui::FontSet fonts;
  const auto built = fonts.build(*ImGui::GetIO().Fonts, kiosk::app::planFonts(catalogs, "ar", 200, 1));
  REQUIRE(built.ok());
  CHECK(built->atlasWidth <= 4096);
  CHECK(built->atlasHeight <= 4096);
  ImGui::DestroyContext(context);
}

TEST_CASE("missing font files are named, and the kiosk falls back to a built-in font") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  ImGuiContext* context = ImGui::CreateContext();
  kiosk::ui::FontSet fonts;
  kiosk::ui::FontFiles nowhere;
  nowhere.dir = "/nonexistent/noto";
  const auto built = fonts.build(*ImGui::GetIO().Fonts, kiosk::app::planFonts(catalogs, "da", 100, 1), nowhere);
  REQUIRE_FALSE(built.ok());
  CHECK_THAT(built.failure().detail, Catch::Contains("/nonexistent/noto") && Catch::Contains("fonts-noto-core"));
  for (size_t role = 0; role < kiosk::ui::kFontRoleCount; ++role) CHECK(fonts.font(static_cast<kiosk::ui::FontRole>(role)) != nullptr);
  ImGui::DestroyContext(context);
}
