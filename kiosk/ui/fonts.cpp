#include "kiosk/ui/fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui.h>
#include <imgui_freetype.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iterator>
#include <tuple>

#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

struct RoleSpec {
  FontRole role;
  float designSize;
  const char* latinFile;
  const char* arabicFile;
  const char* ethiopicFile;
};

constexpr RoleSpec kTextRoles[] = {
    {FontRole::Display, design::kDisplayText, "NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansEthiopic-Bold.ttf"},
    {FontRole::Title, design::kTitleText, "NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansEthiopic-Bold.ttf"},
    {FontRole::Label, design::kLabelText, "NotoSans-SemiBold.ttf", "NotoSansArabic-SemiBold.ttf", "NotoSansEthiopic-SemiBold.ttf"},
    {FontRole::Body, design::kBodyText, "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf"},
    {FontRole::Hint, design::kHintText, "NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf"},
    {FontRole::Bar, design::kBarText, "NotoSans-SemiBold.ttf", "NotoSansArabic-SemiBold.ttf", "NotoSansEthiopic-SemiBold.ttf"},
};

// Glyph ranges live as long as the atlas build needs them; ImGui keeps only the pointer.
struct Ranges {
  ImVector<ImWchar> data;
};

void addShaped(ImFontGlyphRangesBuilder& builder, const std::string& texts) {
  // The atlas needs the glyphs that will be drawn, which for Arabic are the presentation forms
  // the shaper produces, not the letters in the catalog.
  const auto shaped = text::shapeArabic(text::toUtf16(texts));
  text::forEachCodePoint(text::toUtf8(shaped), [&](char32_t c) {
    if (c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
  });
}

// ImGui's FreeType builder takes a font's size as its line box (ascender + descender, FreeType's
// "real dimensions"), while the design's sizes are em sizes, as on the web. Asked for the em
// size as is, Noto Sans comes out about a quarter smaller than designed; this is the factor to
// ask for instead, read from the font itself.
float lineBoxPerEm(const std::vector<char>& bytes) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) return 1;
  float ratio = 1;
  FT_Face face = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0, &face) == 0) {
    if (face->units_per_EM > 0) ratio = static_cast<float>(face->ascender - face->descender) / static_cast<float>(face->units_per_EM);
    FT_Done_Face(face);
  }
  FT_Done_FreeType(library);
  return ratio;
}

}  // namespace

std::vector<char>* FontSet::fileBytes(const std::filesystem::path& file) {
  auto found = files_.find(file);
  if (found == files_.end()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return nullptr;
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.empty()) return nullptr;
    found = files_.emplace(file, std::move(bytes)).first;
  }
  return &found->second;
}

Result<FontAtlasBuilt> FontSet::build(ImFontAtlas& atlas, const FontPlan& plan, const FontFiles& files) {
  const auto started = std::chrono::steady_clock::now();
  std::string missing;  // which font file was missing or unreadable
  atlas.Clear();
  fonts_.fill(nullptr);
  ++generation_;

  for (const auto& spec : kTextRoles) {
    for (const char* file : {spec.latinFile, spec.arabicFile, spec.ethiopicFile}) {
      if (!fileBytes(files.dir / file)) missing = (files.dir / file).string() + " is missing (install fonts-noto-core)";
    }
  }
  if (!fileBytes(files.icons)) missing = files.icons.string() + " is missing (install fonts-materialdesignicons-webfont)";
  if (!missing.empty()) {
    ImFont* fallback = atlas.AddFontDefault();
    fonts_.fill(fallback);
    sizes_.fill(13);
    atlas.Build();
    return failure(missing);
  }

  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.TexDesiredWidth = plan.textScale * plan.pixelScale > 1.6f ? 4096 : 2048;
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;

  static constexpr ImWchar kBasicLatin[] = {0x0020, 0x007E, 0};
  // Names and places from the server are written in Latin letters with any European accents.
  static constexpr ImWchar kLatinNames[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x0218, 0x021B, 0};

  // Each role's glyph list: Display holds only the greeting texts; the roles that show names,
  // places and dates also hold all Latin letters with accents.
  std::array<Ranges, kFontRoleCount> ranges;  // must outlive Build()
  for (const auto& spec : kTextRoles) {
    ImFontGlyphRangesBuilder builder;
    const bool display = spec.role == FontRole::Display;
    const bool showsData = spec.role == FontRole::Body || spec.role == FontRole::Label || spec.role == FontRole::Title;
    builder.AddRanges(showsData ? kLatinNames : kBasicLatin);
    addShaped(builder, display ? plan.displayTexts : plan.texts);
    builder.BuildRanges(&ranges[static_cast<size_t>(spec.role)].data);
  }

  for (const auto& spec : kTextRoles) {
    const float em = (spec.role == FontRole::Bar ? barTextSize(plan.textScale) : textSize(spec.designSize, plan.textScale)) * plan.pixelScale;
    const float px = std::round(em * lineBoxPerEm(*fileBytes(files.dir / spec.latinFile)));
    const ImWchar* glyphs = ranges[static_cast<size_t>(spec.role)].data.Data;
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    config.FontDataOwnedByAtlas = false;  // the bytes stay in files_ for the next rebuild
    auto add = [&](const char* file, float size) {
      auto* bytes = fileBytes(files.dir / file);
      return atlas.AddFontFromMemoryTTF(bytes->data(), static_cast<int>(bytes->size()), size, &config, glyphs);
    };
    ImFont* font = add(spec.latinFile, px);
    config.MergeMode = true;
    add(spec.arabicFile, std::round(px * kArabicSizeFactor));
    add(spec.ethiopicFile, px);
    fonts_[static_cast<size_t>(spec.role)] = font;
    sizes_[static_cast<size_t>(spec.role)] = px;
  }

  // Icon fonts: a handful of glyphs at two fixed sizes.
  {
    ImFontGlyphRangesBuilder builder;
    for (const char32_t icon : plan.icons) builder.AddChar(static_cast<ImWchar>(icon));
    auto& iconRanges = ranges[static_cast<size_t>(FontRole::TileIcon)];
    builder.BuildRanges(&iconRanges.data);
    for (const auto& [role, designSize, scales] : {std::tuple{FontRole::TileIcon, design::kTileIcon, false},
                                                    std::tuple{FontRole::BarIcon, design::kBarIcon, false},
                                                    std::tuple{FontRole::InlineIcon, design::kInlineIcon, true}}) {
      const float px = std::round(designSize * plan.pixelScale * (scales ? plan.textScale : 1.f));
      ImFontConfig config;
      config.OversampleH = 1;
      config.OversampleV = 1;
      config.FontDataOwnedByAtlas = false;
      auto* bytes = fileBytes(files.icons);
      fonts_[static_cast<size_t>(role)] =
          atlas.AddFontFromMemoryTTF(bytes->data(), static_cast<int>(bytes->size()), px, &config, iconRanges.data.Data);
      sizes_[static_cast<size_t>(role)] = px;
    }
    if (!atlas.Build()) return failure("the font atlas could not be built");
  }

  FontAtlasBuilt built;
  built.atlasWidth = atlas.TexWidth;
  built.atlasHeight = atlas.TexHeight;
  built.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return built;
}

}  // namespace kiosk::ui
