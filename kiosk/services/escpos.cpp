// [SECTION] Index: fonts, raster renderer, PC865, the command writer, the card layout.

#include "kiosk/services/escpos.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/brkiter.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <tuple>

#include "kiosk/text/line_breaking.h"
#include "kiosk/text/unicode.h"

namespace kiosk::services {
namespace {

// [SECTION] Fonts

enum Script { kLatin, kArabic, kEthiopic, kScriptCount };
constexpr const char* kFontFiles[2][kScriptCount] = {
    {"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf"},
    {"NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansEthiopic-Bold.ttf"},
};
// Noto Sans Arabic draws smaller than Noto Sans at the same size (kiosk/ui/fonts.h, same factor).
constexpr float kArabicSizeFactor = 1.55f;

bool isArabic(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}
bool isEthiopic(char32_t c) { return (c >= 0x1200 && c <= 0x139F) || (c >= 0x2D80 && c <= 0x2DDF) || (c >= 0xAB00 && c <= 0xAB2F); }
// Direction marks, isolates, joiners: they steer shaping and bidi and draw nothing.
bool isInvisibleControl(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace

struct CardFonts::Files {
  std::array<std::array<std::vector<unsigned char>, kScriptCount>, 2> bytes;  // [bold][script]
};

CardFonts CardFonts::load(const std::filesystem::path& dir) {
  CardFonts fonts;
  auto files = std::make_shared<Files>();
  for (int bold = 0; bold < 2; ++bold) {
    for (int script = 0; script < kScriptCount; ++script) {
      const auto path = dir / kFontFiles[bold][script];
      std::ifstream in(path, std::ios::binary | std::ios::ate);
      const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
      auto& bytes = files->bytes[static_cast<size_t>(bold)][static_cast<size_t>(script)];
      if (size > 0) {
        bytes.resize(static_cast<size_t>(size));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(bytes.data()), size);
      }
      if (size <= 0 || !in) {
        fonts.error_ = path.string() + " is missing (install fonts-noto-core)";
        return fonts;
      }
    }
  }
  fonts.files_ = std::move(files);
  return fonts;
}

size_t Bitmap::ink() const {
  size_t n = 0;
  for (const uint8_t b : bits) n += static_cast<size_t>(std::popcount(b));
  return n;
}

// [SECTION] Raster renderer

struct RasterRenderer::Impl {
  struct Glyph {
    int left = 0, top = 0, width = 0, rows = 0, advance = 0;  // whole dots
    std::vector<uint8_t> coverage;                            // width × rows, 0..255
  };

  std::shared_ptr<const CardFonts::Files> files;  // the faces read from these bytes
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
    if (!files || FT_Init_FreeType(&library) != 0) return false;
    for (size_t bold = 0; bold < 2; ++bold) {
      for (size_t script = 0; script < kScriptCount; ++script) {
        const auto& bytes = files->bytes[bold][script];
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
  impl_->files = fonts.files_;
  if (!impl_->open()) impl_->files.reset();
}

RasterRenderer::~RasterRenderer() = default;

bool RasterRenderer::ok() const { return impl_->files != nullptr; }

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

std::string sentencesOnLines(std::string_view utf8) {
  // Making the iterator is the costly part, so each thread keeps one (as text/line_breaking does).
  thread_local std::unique_ptr<icu::BreakIterator> sentences = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    return U_SUCCESS(status) ? std::move(it) : nullptr;
  }();
  if (!sentences) return std::string(utf8);
  const std::u16string all = text::toUtf16(utf8);
  const icu::UnicodeString view(false, all.data(), static_cast<int32_t>(all.size()));
  sentences->setText(view);
  std::u16string out;
  int32_t start = sentences->first();
  for (int32_t end = sentences->next(); end != icu::BreakIterator::DONE; start = end, end = sentences->next()) {
    std::u16string_view sentence(all.data() + start, static_cast<size_t>(end - start));
    while (!sentence.empty() && (sentence.back() == u' ' || sentence.back() == u'\n')) sentence.remove_suffix(1);
    if (sentence.empty()) continue;
    if (!out.empty()) out += u'\n';
    out += sentence;
  }
  return text::toUtf8(out);
}

// [SECTION] PC865

namespace {

// PC865 (Nordic) 0x80..0xAF: the letters, as the code page table defines them.
constexpr std::u16string_view kPc865Letters =
    u"ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤";
constexpr uint8_t kPc865HorizontalLine = 0xC4;  // ─, for rules

std::optional<uint8_t> pc865Byte(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return static_cast<uint8_t>(c);
  for (size_t i = 0; i < kPc865Letters.size(); ++i) {
    if (kPc865Letters[i] == c) return static_cast<uint8_t>(0x80 + i);
  }
  switch (c) {
    case U'ß': return 0xE1;
    case U'µ': return 0xE6;
    case U'±': return 0xF1;
    case U'°': return 0xF8;
    case U'·': return 0xFA;
    case U'²': return 0xFD;
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> toPc865(std::string_view utf8) {
  std::string out;
  bool ok = true;
  text::forEachCodePoint(utf8, [&](char32_t c) {
    if (isInvisibleControl(c)) return;
    switch (c) {
      case 0x00A0: case 0x2007: case 0x2009: case 0x202F: out += ' '; return;  // no-break and thin spaces
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: out += '-'; return;
      case 0x2018: case 0x2019: case 0x201A: out += '\''; return;
      case 0x201C: case 0x201D: case 0x201E: out += '"'; return;
      case 0x2026: out += "..."; return;
      default: break;
    }
    if (const auto b = pc865Byte(c)) out += static_cast<char>(*b);
    else ok = false;
  });
  if (!ok) return std::nullopt;
  return out;
}

// [SECTION] The command writer

namespace {

constexpr uint8_t ESC = 0x1B, GS = 0x1D, LF = 0x0A;

class Writer {
 public:
  // Room for a whole card up front: the stream holds meeting details, and a vector that grows
  // leaves copies of them behind in memory nobody wipes.
  Writer() { out.reserve(512 * 1024); }

  std::vector<uint8_t> out;

  void put(std::initializer_list<uint8_t> bytes) { out.insert(out.end(), bytes); }
  void initialise() {
    put({ESC, '@'});           // reset
    put({ESC, 't', 5});        // character code table: PC865 Nordic
    put({ESC, 'R', 0});        // international set USA: no ASCII position replaced
    put({ESC, '2'});           // default line spacing
  }
  void align(uint8_t n) { put({ESC, 'a', n}); }  // 0 left, 1 centre, 2 right
  void bold(bool on) { put({ESC, 'E', static_cast<uint8_t>(on)}); }
  void fontB(bool on) { put({ESC, 'M', static_cast<uint8_t>(on)}); }
  void size(uint8_t n) { put({GS, '!', n}); }  // high nibble width, low nibble height, 0 = ×1
  void feedDots(int dots) {
    while (dots > 0) {
      const int n = std::min(dots, 255);
      put({ESC, 'J', static_cast<uint8_t>(n)});
      dots -= n;
    }
  }
  void feedLines(uint8_t n) { put({ESC, 'd', n}); }
  void line(std::string_view pc865) {
    out.insert(out.end(), pc865.begin(), pc865.end());
    out.push_back(LF);
  }
  // GS v 0 in bands, so no printer's image buffer is overrun; bands print without a seam.
  void raster(const Bitmap& image) {
    constexpr int kBandRows = 256;
    const int rowBytes = image.width / 8;
    for (int y0 = 0; y0 < image.height; y0 += kBandRows) {
      const int rows = std::min(kBandRows, image.height - y0);
      put({GS, 'v', '0', 0, static_cast<uint8_t>(rowBytes & 0xFF), static_cast<uint8_t>(rowBytes >> 8),
           static_cast<uint8_t>(rows & 0xFF), static_cast<uint8_t>(rows >> 8)});
      const auto from = image.bits.begin() + static_cast<std::ptrdiff_t>(y0 * rowBytes);
      out.insert(out.end(), from, from + static_cast<std::ptrdiff_t>(rows * rowBytes));
    }
  }
  // GS ( k: QR model 2, module size, error correction M, store the data, print it.
  void qr(std::string_view data, uint8_t moduleDots) {
    put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});
    put({GS, '(', 'k', 3, 0, 49, 67, moduleDots});
    put({GS, '(', 'k', 3, 0, 49, 69, 49});
    const size_t length = data.size() + 3;
    put({GS, '(', 'k', static_cast<uint8_t>(length & 0xFF), static_cast<uint8_t>(length >> 8), 49, 80, 48});
    out.insert(out.end(), data.begin(), data.end());
    put({GS, '(', 'k', 3, 0, 49, 81, 48});
  }
  void partialCut() { put({GS, 'V', 66, 0}); }  // feed to the cutter, cut leaving one point
};

// [SECTION] The card layout

// How a line of each kind looks: as printer text (Danish) and as a raster (the citizen's
// language, or a Danish line PC865 cannot hold).
struct Look {
  int columns;      // characters per line at this printer size (Font A 48, double width 24, Font B 64)
  uint8_t size;     // GS !
  bool bold, fontB, centred;
  bool sentencePerLine;  // see RasterStyle
  RasterStyle citizen;  // the citizen's line, a little larger than the printer's own letters
  RasterStyle danish;   // a Danish line drawn by us, matched to the printer's letters
  int gapBefore;        // dots fed before the line (pair)
};

Look lookOf(CardLineKind kind) {
  switch (kind) {
    case CardLineKind::Jobcenter: return {24, 0x11, true, false, true, false, {40, true, true}, {40, true, true}, 0};
    case CardLineKind::Title: return {24, 0x11, true, false, false, false, {40, true, false}, {40, true, false}, 12};
    case CardLineKind::When: return {48, 0x01, true, false, false, false, {27, true, false}, {26, true, false}, 10};
    case CardLineKind::Sentence: return {48, 0x00, false, false, false, true, {26, false, false, true}, {24, false, false, true}, 14};
    case CardLineKind::Data: return {48, 0x00, true, false, false, false, {26, true, false}, {24, true, false}, 0};
    case CardLineKind::Note: return {64, 0x00, false, true, false, true, {22, false, false, true}, {18, false, false, true}, 10};
    case CardLineKind::Rule:
    case CardLineKind::Qr: break;
  }
  return {48, 0x00, false, false, false, false, {26, false, false}, {24, false, false}, 10};
}

// Wraps PC865 text at word boundaries (ICU line breaking, one column per character); a word
// longer than a line is cut into pieces — an address or a link is never lost off the edge.
std::vector<std::string> wrapColumns(const std::string& utf8, int columns) {
  const auto laid = text::layoutParagraph(utf8, text::Direction::LeftToRight, static_cast<float>(columns), [](std::string_view run) {
    float n = 0;
    text::forEachCodePoint(run, [&](char32_t c) { n += isInvisibleControl(c) ? 0.f : 1.f; });
    return n;
  });
  std::vector<std::string> lines;
  for (const auto& line : laid.lines) {
    const auto encoded = toPc865(line.visual).value_or(std::string());
    if (encoded.empty()) lines.emplace_back();
    for (size_t at = 0; at < encoded.size(); at += static_cast<size_t>(columns)) {
      lines.push_back(encoded.substr(at, static_cast<size_t>(columns)));
    }
  }
  return lines;
}

size_t codePoints(std::string_view utf8) {
  size_t n = 0;
  text::forEachCodePoint(utf8, [&](char32_t c) { n += isInvisibleControl(c) ? 0 : 1; });
  return n;
}

// QR modules as large as the paper allows for the data (versions grow with the data; the
// printer picks the version, we pick the dots per module).
uint8_t moduleDotsFor(size_t bytes) {
  if (bytes <= 330) return 6;   // up to version 13, 69 modules: 414 dots
  if (bytes <= 770) return 5;   // up to version 22, 105 modules: 525 dots
  if (bytes <= 1250) return 4;  // up to version 29, 133 modules: 532 dots
  return 3;
}
constexpr size_t kQrMaxBytes = 2331;  // model 2, version 40, level M, byte mode

class CardWriter {
 public:
  CardWriter(const AppointmentCard& card, const CardFonts& fonts) : card_(card), raster_(fonts) {}

  std::vector<uint8_t> write() {
    w_.initialise();
    bool afterRule = true;
    for (const CardLine& line : card_.lines) {
      switch (line.kind) {
        case CardLineKind::Rule:
          w_.feedDots(8);
          plain();
          w_.line(std::string(48, static_cast<char>(kPc865HorizontalLine)));
          afterRule = true;
          continue;
        case CardLineKind::Qr:
          if (card_.calendar.empty() || card_.calendar.size() > kQrMaxBytes) continue;
          w_.feedDots(16);
          w_.align(1);
          w_.qr(card_.calendar, moduleDotsFor(card_.calendar.size()));
          w_.align(0);
          afterRule = false;
          continue;
        default: break;
      }
      const Look look = lookOf(line.kind);
      if (!afterRule) w_.feedDots(look.gapBefore);
      afterRule = false;
      if (card_.bilingual() && !line.citizen.empty()) drawn(line.citizen, card_.direction, look.citizen);
      if (line.kind == CardLineKind::Data || line.kind == CardLineKind::Jobcenter) dataLine(line.danish, look);
      else danishLine(line.danish, look);
    }
    w_.feedLines(3);
    w_.partialCut();
    return std::move(w_.out);
  }

 private:
  void plain() {
    w_.align(0);
    w_.bold(false);
    w_.fontB(false);
    w_.size(0);
  }

  void drawn(const std::string& text, text::Direction direction, const RasterStyle& style) {
    if (!raster_.ok()) return;
    Bitmap image = raster_.paragraph(text, direction, style);
    if (image.height > 0) w_.raster(image);
    if (!image.bits.empty()) explicit_bzero(image.bits.data(), image.bits.size());  // a picture of the text is still the text
  }

  void printed(const std::string& text, const Look& look) {
    w_.align(look.centred ? 1 : 0);
    w_.fontB(look.fontB);
    w_.bold(look.bold);
    w_.size(look.size);
    const bool oneLine = codePoints(text) <= static_cast<size_t>(look.columns);
    for (const auto& row : wrapColumns(look.sentencePerLine && !oneLine ? sentencesOnLines(text) : text, look.columns)) w_.line(row);
    plain();
  }

  void danishLine(const std::string& text, const Look& look) {
    if (toPc865(text)) printed(text, look);
    else drawn(text, text::Direction::LeftToRight, look.danish);
  }

  // A place, an address, a link: printer text when the code page holds it, otherwise drawn in
  // its own direction (an address written in Arabic stays right to left).
  void dataLine(const std::string& text, const Look& look) {
    if (toPc865(text)) printed(text, look);
    else drawn(text, text::directionOf(text, text::Direction::LeftToRight), look.danish);
  }

  const AppointmentCard& card_;
  RasterRenderer raster_;
  Writer w_;
};

}  // namespace

std::vector<uint8_t> encodeAppointmentCard(const AppointmentCard& card, const CardFonts& fonts) {
  return CardWriter(card, fonts).write();
}

}  // namespace kiosk::services
