// Our shaping (ICU presentation forms + bidi) must draw what a real shaper draws. For every
// Arabic-script string in the catalogs, HarfBuzz (hb-shape) shapes it with Noto Sans Arabic; we map
// our visual-order code points through the same font's cmap. The glyph sequences must match,
// glyph for glyph — the same glyph, or one with an identical outline and advance (the font keeps
// separate copies for presentation-form code points, e.g. U+FE8D and the isolated U+0627).
#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <array>
#include <set>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <regex>
#include <sstream>

#include "kiosk/i18n/catalogs.h"
#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"

namespace {

const char* kArabicFont = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
constexpr char32_t kZwnj = 0x200C;  // breaks a join; drawn as nothing by both sides

std::string shellQuote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Glyph ids from hb-shape in visual order, leaving out the glyphs of zero-width non-joiners.
std::vector<unsigned> harfbuzzGlyphs(const std::string& text) {
  std::set<unsigned> zwnjIndices;  // hb-shape numbers clusters by code point
  unsigned index = 0;
  kiosk::text::forEachCodePoint(text, [&](char32_t c) {
    if (c == kZwnj) zwnjIndices.insert(index);
    ++index;
  });
  // Optional typographic ligatures (liga, dlig: lam + alef maksura and the like) are the font's
  // style, not shaping; the required ones (rlig: lam-alef) stay on.
  const std::string command = std::string(HB_SHAPE) + " --no-glyph-names --no-positions --direction=rtl --script=arab" +
                              " --features=-liga,-dlig " + kArabicFont + " " + shellQuote(text);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string output;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe.get())) output += buffer.data();
  std::vector<unsigned> glyphs;
  const std::regex glyph("(\\d+)=(\\d+)");
  for (std::sregex_iterator it(output.begin(), output.end(), glyph), end; it != end; ++it) {
    if (zwnjIndices.contains(static_cast<unsigned>(std::stoul((*it)[2].str())))) continue;
    glyphs.push_back(static_cast<unsigned>(std::stoul((*it)[1].str())));
  }
  return glyphs;
}

struct Font {
  Font() {
    REQUIRE(FT_Init_FreeType(&library) == 0);
    REQUIRE(FT_New_Face(library, kArabicFont, 0, &face) == 0);
  }
  ~Font() {
    FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
  FT_Library library{};
  FT_Face face{};
};

// Noto Sans Arabic joins lam + alef maksura into one ligature glyph (uniFC43 isolated, uniFC86
// final) as a *required* ligature, but gives those glyphs no code point, so a cmap-only renderer
// like ours cannot draw them; we draw the two joined letters instead — correct, legible Arabic.
// This is the one difference accepted, glyph by glyph: HarfBuzz's ligature stands for our
// alef maksura final + lam (visual order, left to right).
std::vector<unsigned> expandUncodedLigatures(const Font& font, const std::vector<unsigned>& glyphs) {
  std::vector<unsigned> out;
  for (const unsigned g : glyphs) {
    std::array<char, 64> name{};
    FT_Get_Glyph_Name(font.face, g, name.data(), name.size());
    const std::string n(name.data());
    if (n == "uniFC43" || n == "uniFC86") {
      out.push_back(FT_Get_Char_Index(font.face, 0xFEF0));                         // alef maksura final
      out.push_back(FT_Get_Char_Index(font.face, n == "uniFC43" ? 0xFEDF : 0xFEE0));  // lam initial / medial
    } else {
      out.push_back(g);
    }
  }
  return out;
}

std::vector<unsigned> ourGlyphs(const Font& font, const std::string& text) {
  std::vector<unsigned> glyphs;
  kiosk::text::forEachCodePoint(kiosk::text::visualLine(text, kiosk::text::Direction::RightToLeft), [&](char32_t c) {
    if (c != kZwnj) glyphs.push_back(FT_Get_Char_Index(font.face, c));
  });
  return glyphs;
}

struct Drawing {
  long advance = 0;
  std::vector<FT_Vector> points;
  std::vector<short> contours;
  std::vector<char> tags;
  bool operator==(const Drawing& o) const {
    auto samePoints = [&] {
      for (size_t i = 0; i < points.size(); ++i) {
        if (points[i].x != o.points[i].x || points[i].y != o.points[i].y) return false;
      }
      return true;
    };
    return advance == o.advance && contours == o.contours && tags == o.tags && points.size() == o.points.size() && samePoints();
  }
};

Drawing drawing(const Font& font, unsigned glyph) {
  REQUIRE(FT_Load_Glyph(font.face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0);
  const FT_Outline& outline = font.face->glyph->outline;
  Drawing d;
  d.advance = font.face->glyph->advance.x;
  d.points.assign(outline.points, outline.points + outline.n_points);
  d.contours.assign(outline.contours, outline.contours + outline.n_contours);
  d.tags.assign(outline.tags, outline.tags + outline.n_points);
  return d;
}

// Empty when both draw the same; otherwise where they part.
std::string difference(const Font& font, const std::vector<unsigned>& ours, const std::vector<unsigned>& theirs) {
  std::ostringstream out;
  if (ours.size() != theirs.size()) out << ours.size() << " glyphs against HarfBuzz's " << theirs.size() << "; ";
  for (size_t i = 0; i < std::min(ours.size(), theirs.size()); ++i) {
    if (ours[i] != theirs[i] && !(drawing(font, ours[i]) == drawing(font, theirs[i]))) {
      out << "glyph " << i << ": ours " << ours[i] << ", HarfBuzz " << theirs[i] << "; ";
    }
  }
  return out.str();
}

}  // namespace

TEST_CASE("every Arabic and Farsi catalog string shapes to the glyphs HarfBuzz chooses") {
  const auto catalogs = kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value();
  const Font font;
  int compared = 0;
  for (const auto& language : catalogs.languages().languages) {
    if (language.script != kiosk::i18n::Script::Arabic) continue;
    std::vector<std::string> texts{language.nativeName};
    for (const auto& key : catalogs.keys(language.code)) texts.push_back(catalogs.text(language.code, key));
    for (const auto& text : texts) {
      INFO(language.code << ": " << text);
      CHECK(difference(font, ourGlyphs(font, text), expandUncodedLigatures(font, harfbuzzGlyphs(text))) == "");
      ++compared;
    }
  }
  CHECK(compared > 40);
}
