// The atlas built for a language holds a glyph for every character its screens draw — no '?'
// boxes — after Arabic shaping, in every text role; and draws each role at its designed size.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>
#include <filesystem>

#include "kiosk/app/font_plan.h"
#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"
#include "kiosk/ui/theme.h"

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

// The design's text sizes are em sizes, as in the mockups' CSS: Noto Sans's capital H is 0.714
// em, so body text at 32 px has an H 23 px tall. ImGui's FreeType builder reads a size as the
// line box (ascender + descender), which drew every role about a quarter smaller than designed.
TEST_CASE("each text role draws its capital H as tall as its design size says, at every text size") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  ImGuiContext* context = ImGui::CreateContext();
  kiosk::ui::FontSet fonts;
  constexpr float kNotoCapHeightPerEm = 0.714f;  // Noto Sans: capHeight 714 of 1000 units
  struct Designed {
    kiosk::ui::FontRole role;
    float em;
  };
  const Designed roles[] = {{kiosk::ui::FontRole::Title, kiosk::ui::design::kTitleText}, {kiosk::ui::FontRole::Label, kiosk::ui::design::kLabelText},
                            {kiosk::ui::FontRole::Body, kiosk::ui::design::kBodyText}, {kiosk::ui::FontRole::Hint, kiosk::ui::design::kHintText},
                            {kiosk::ui::FontRole::Bar, kiosk::ui::design::kBarText}};
  for (const int size : kiosk::ui::kTextSizes) {
    REQUIRE(fonts.build(*ImGui::GetIO().Fonts, kiosk::app::planFonts(catalogs, "da", size, 1)).ok());
    for (const auto& [role, em] : roles) {
      const ImFontGlyph* h = fonts.font(role)->FindGlyphNoFallback('H');
      REQUIRE(h != nullptr);
      const float scale = static_cast<float>(size) / 100;
      const float designed = role == kiosk::ui::FontRole::Bar ? kiosk::ui::barTextSize(scale) : kiosk::ui::textSize(em, scale);
      const float expected = designed * kNotoCapHeightPerEm;
      INFO("role " << static_cast<int>(role) << " at " << size << " %: H drawn " << (h->Y1 - h->Y0) << " px, designed " << expected);
      CHECK(std::abs((h->Y1 - h->Y0) - expected) <= 1.5f);
    }
  }
  ImGui::DestroyContext(context);
}
