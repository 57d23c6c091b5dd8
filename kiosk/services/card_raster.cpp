// [SECTION] Index: FreeType faces and glyphs, the paragraph.

#include "kiosk/services/card_raster.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

#include "kiosk/services/card_scripts.h"
#include "kiosk/services/sentence_lines.h"
#include "kiosk/text/line_breaking.h"
#include "kiosk/text/unicode.h"

namespace kiosk::services {
namespace {

// Noto Sans Arabic draws smaller than Noto Sans at the same size (kiosk/ui/fonts.h, same factor).
constexpr float kArabicSizeFactor = 1.55f;

}  // namespace

// [SECTION] FreeType faces and glyphs

struct RasterRenderer::Impl {
  struct Glyph {
    int left = 0, top = 0, width = 0, rows = 0, advance = 0;  // whole dots
    std::vector<uint8_t> coverage;                            // width × rows, 0..255
  };

  CardFonts fonts;  // holds the bytes the faces are read from
  bool opened = false;
  FT_Library library = nullptr;
  std::array<std::array<FT_Face, kScriptCount>, 2> faces{};
  std::map<std::tuple<int, int, int, FT_UInt>, Glyph> cache;  // bold, size, script, glyph index
  int sizeBold = -1, sizePx = 0;

  ~Impl() {
    for (auto& weight : faces) {
      for (FT_Face face : weight) {
        if (face) FT_Done_Face(face);
      }
    }
    if (library) FT_Done_FreeType(library);
  }

  bool open() {
    if (!fonts.available() || FT_Init_FreeType(&library) != 0) return false;
    for (size_t bold = 0; bold < 2; ++bold) {
      for (size_t script = 0; script < kScriptCount; ++script) {
        const auto& bytes = fonts.bytes(bold == 1, static_cast<CardScript>(script));
        if (FT_New_Memory_Face(library, bytes.data(), static_cast<FT_Long>(bytes.size()), 0, &faces[bold][script]) != 0) return false;
      }
    }
    return true;
  }

  void setSize(int bold, int px) {
    if (bold == sizeBold && px == sizePx) return;
    const auto& weight = faces[static_cast<size_t>(bold)];
    FT_Set_Pixel_Sizes(weight[kLatin], 0, static_cast<FT_UInt>(px));
    FT_Set_Pixel_Sizes(weight[kArabic], 0, static_cast<FT_UInt>(std::lround(static_cast<float>(px) * kArabicSizeFactor)));
    FT_Set_Pixel_Sizes(weight[kEthiopic], 0, static_cast<FT_UInt>(px));
    sizeBold = bold;
    sizePx = px;
  }

  // The glyph for c at the current size, from the first font that has it — Latin first, as the
  // screen's merged atlas does, except for Arabic and Ethiopic letters. nullptr for controls.
  const Glyph* glyph(char32_t c) {
    if (isInvisibleControl(c) || c == '\n' || c == '\r') return nullptr;
    const auto& weight = faces[static_cast<size_t>(sizeBold)];
    const int preferred = isArabic(c) ? kArabic : isEthiopic(c) ? kEthiopic : kLatin;
    int script = kLatin;
    FT_UInt index = 0;
    for (const int s : {preferred, static_cast<int>(kLatin), static_cast<int>(kArabic), static_cast<int>(kEthiopic)}) {
      index = FT_Get_Char_Index(weight[static_cast<size_t>(s)], c);
      if (index != 0) {
        script = s;
        break;
      }
    }  // none has it: the Latin font's missing-glyph box, honestly visible
    const auto key = std::make_tuple(sizeBold, sizePx, script, index);
    auto found = cache.find(key);
    if (found != cache.end()) return &found->second;
    Glyph g;
    FT_Face face = weight[static_cast<size_t>(script)];
    if (FT_Load_Glyph(face, index, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT) == 0 &&
        FT_Render_Glyph(face->glyph, FT_RENDER_MODE_NORMAL) == 0) {
      const FT_Bitmap& bm = face->glyph->bitmap;
      g.left = face->glyph->bitmap_left;
      g.top = face->glyph->bitmap_top;
      g.width = static_cast<int>(bm.width);
      g.rows = static_cast<int>(bm.rows);
      g.advance = static_cast<int>(std::lround(static_cast<double>(face->glyph->advance.x) / 64.0));
      g.coverage.resize(static_cast<size_t>(g.width * g.rows));
      for (int y = 0; y < g.rows; ++y) {
        for (int x = 0; x < g.width; ++x) {
          g.coverage[static_cast<size_t>(y * g.width + x)] = bm.buffer[y * bm.pitch + x];
        }
      }
    }
    return &cache.emplace(key, std::move(g)).first->second;
  }

  int measure(std::string_view utf8) {
    int width = 0;
    text::forEachCodePoint(utf8, [&](char32_t c) {
      if (const Glyph* g = glyph(c)) width += g->advance;
    });
    return width;
  }
};

RasterRenderer::RasterRenderer(const CardFonts& fonts) : impl_(std::make_unique<Impl>()) {
  impl_->fonts = fonts;
  impl_->opened = impl_->open();
}

RasterRenderer::~RasterRenderer() = default;

bool RasterRenderer::ok() const { return impl_->opened; }

// [SECTION] The paragraph

Bitmap RasterRenderer::paragraph(std::string_view logicalUtf8, text::Direction direction, const RasterStyle& style, int width) {
  Bitmap out;
  out.width = (width + 7) / 8 * 8;
  if (!ok() || logicalUtf8.empty()) return out;
  Impl& r = *impl_;
  const int px = static_cast<int>(std::lround(style.pixelSize));
  r.setSize(style.bold ? 1 : 0, px);
  const auto& latin = r.faces[static_cast<size_t>(r.sizeBold)][kLatin]->size->metrics;
  const int nominalAscent = static_cast<int>((latin.ascender + 63) / 64);
  const int nominalDescent = static_cast<int>((-latin.descender + 63) / 64);
  const int leading = static_cast<int>(std::lround(style.pixelSize * 0.12f));

  const auto measure = [&r](std::string_view run) { return static_cast<float>(r.measure(run)); };
  auto laid = text::layoutParagraph(logicalUtf8, direction, static_cast<float>(width), measure);
  if (style.sentencePerLine && laid.lines.size() > 1) {
    laid = text::layoutParagraph(sentencesOnLines(logicalUtf8), direction, static_cast<float>(width), measure);
  }

  // Lines as tall as the ink needs (Arabic at ×1.55 reaches above and below the Latin metrics),
  // never less than the Latin line: nothing is clipped, lines never touch.
  struct Placed {
    std::vector<const Impl::Glyph*> glyphs;
    int width = 0, above = 0, below = 0;
  };
  std::vector<Placed> lines;
  for (const auto& line : laid.lines) {
    Placed p;
    p.above = nominalAscent;
    p.below = nominalDescent;
    text::forEachCodePoint(line.visual, [&](char32_t c) {
      const Impl::Glyph* g = r.glyph(c);
      if (!g) return;
      p.glyphs.push_back(g);
      p.width += g->advance;
      if (g->rows > 0) {
        p.above = std::max(p.above, g->top);
        p.below = std::max(p.below, g->rows - g->top);
      }
    });
    lines.push_back(std::move(p));
  }
  // One line height for the whole paragraph, so its lines are evenly spaced.
  int above = 0, below = 0;
  for (const auto& line : lines) {
    above = std::max(above, line.above);
    below = std::max(below, line.below);
  }
  out.height = static_cast<int>(lines.size()) * (above + below + leading);
  out.bits.assign(static_cast<size_t>(out.width / 8 * out.height), 0);

  constexpr uint8_t kInkThreshold = 112;  // a little under half coverage: thermal dots stay crisp but strokes keep their weight
  int top = 0;
  for (const auto& line : lines) {
    int x = 0;
    if (style.centred) x = (width - line.width) / 2;
    else if (direction == text::Direction::RightToLeft) x = width - line.width;
    x = std::max(0, x);  // a word wider than the paper keeps its start
    const int baseline = top + above;
    for (const Impl::Glyph* g : line.glyphs) {
      for (int gy = 0; gy < g->rows; ++gy) {
        const int y = baseline - g->top + gy;
        if (y < 0 || y >= out.height) continue;
        for (int gx = 0; gx < g->width; ++gx) {
          const int dx = x + g->left + gx;
          if (dx < 0 || dx >= width) continue;
          if (g->coverage[static_cast<size_t>(gy * g->width + gx)] >= kInkThreshold) out.set(dx, y);
        }
      }
      x += g->advance;
    }
    top += above + below + leading;
  }
  return out;
}

}  // namespace kiosk::services
