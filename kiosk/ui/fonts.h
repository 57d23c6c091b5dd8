#pragma once
// Builds the ImGui font atlas at exactly the pixel sizes shown — text size steps rebuild fonts,
// never scale them — and only with the glyphs the current language and screen texts use, so a
// 200 % atlas with Arabic still fits one texture and rebuilds in tens of milliseconds.

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "kiosk/result.h"

struct ImFont;
struct ImFontAtlas;

namespace kiosk::ui {

// TileIcon and BarIcon keep their size at every text size (targets never shrink, and they are
// large already); InlineIcon sits beside Title text and grows with it.
enum class FontRole { Display, Title, Label, Body, Hint, Bar, TileIcon, BarIcon, InlineIcon };
inline constexpr size_t kFontRoleCount = 9;

// Installed paths of Debian's font packages (fonts-noto-core, fonts-materialdesignicons-webfont).
struct FontFiles {
  std::filesystem::path dir = "/usr/share/fonts/truetype/noto";
  std::filesystem::path icons = "/usr/share/fonts/truetype/materialdesignicons-webfont/materialdesignicons-webfont.ttf";
};

// What the atlas must be able to draw.
struct FontPlan {
  float pixelScale = 1;    // display pixels per design pixel
  float textScale = 1;     // 1, 1.5 or 2: the citizen's text size
  std::string texts;       // every string any text role may draw (logical order, unshaped)
  std::string displayTexts;  // the few strings drawn in the huge Display role
  std::vector<char32_t> icons;
};

struct FontAtlasBuilt {
  int atlasWidth = 0, atlasHeight = 0;
  double milliseconds = 0;
};

class FontSet {
 public:
  // Clears the atlas and fills it for plan. On failure the atlas holds ImGui's built-in font so
  // the kiosk can still show an error, and the failure names the missing file. Font files are
  // read once, on the first build (at start-up); later rebuilds — a language or text size
  // change — touch no disk.
  Result<FontAtlasBuilt> build(ImFontAtlas& atlas, const FontPlan& plan, const FontFiles& files = {});

  ImFont* font(FontRole role) const { return fonts_[static_cast<size_t>(role)]; }
  float size(FontRole role) const { return sizes_[static_cast<size_t>(role)]; }
  int generation() const { return generation_; }

 private:
  // The bytes of a font file, read on first use; nullptr if it cannot be read.
  std::vector<char>* fileBytes(const std::filesystem::path& file);

  std::map<std::filesystem::path, std::vector<char>> files_;
  std::array<ImFont*, kFontRoleCount> fonts_{};
  std::array<float, kFontRoleCount> sizes_{};
  int generation_ = 0;
};

// Noto Sans Arabic draws smaller than Noto Sans at the same pixel size; this makes them match.
inline constexpr float kArabicSizeFactor = 1.55f;

}  // namespace kiosk::ui
