#include "kiosk/ui/text.h"

#include <imgui.h>

#include <cmath>
#include <cstring>

#include "kiosk/ui/colors.h"

namespace kiosk::ui {
namespace {

constexpr size_t kCacheLimit = 4000;  // far above one screen's strings; bounds memory on long runs

void wipe(std::string& s) {
  if (!s.empty()) explicit_bzero(s.data(), s.size());
}

// Laid-out text holds what a citizen was shown and typed (a name, a wish): overwritten before
// it is freed, so it does not linger in freed memory.
void wipeAll(std::unordered_map<std::string, text::LaidOutParagraph>& cache) {
  while (!cache.empty()) {
    auto node = cache.extract(cache.begin());
    wipe(node.key());
    for (auto& line : node.mapped().lines) wipe(line.visual);
  }
}

}  // namespace

void TextPath::reset(const FontSet* fonts, text::Direction direction) {
  fonts_ = fonts;
  direction_ = direction;
  wipeAll(cache_);
}

float TextPath::lineHeight(FontRole role) const {
  // Arabic glyphs are drawn ~1.5x larger than the Latin font they are merged into, so every line
  // gets room for their ascenders and descenders, in any language (names can be Arabic anywhere).
  return std::ceil(fonts_->size(role) * 1.42f);
}

TextBlock TextPath::layout(std::string_view logical, FontRole role, float maxWidth) {
  ImFont* font = fonts_->font(role);
  std::string key;
  key.reserve(logical.size() + 16);
  key.append(reinterpret_cast<const char*>(&font), sizeof font);
  const int width = static_cast<int>(std::floor(maxWidth));
  key.append(reinterpret_cast<const char*>(&width), sizeof width);
  key.push_back(direction_ == text::Direction::RightToLeft ? 'r' : 'l');
  key.append(logical);

  auto found = cache_.find(key);
  if (found == cache_.end()) {
    if (cache_.size() > kCacheLimit) wipeAll(cache_);
    const float size = font->FontSize;
    auto measure = [font, size](std::string_view run) {
      return font->CalcTextSizeA(size, FLT_MAX, 0, run.data(), run.data() + run.size()).x;
    };
    found = cache_.emplace(std::move(key), text::layoutParagraph(logical, direction_, static_cast<float>(width), measure)).first;
  }
  TextBlock block;
  block.paragraph = &found->second;
  block.lineHeight = lineHeight(role);
  block.size = {found->second.widest, block.lineHeight * static_cast<float>(found->second.lines.size())};
  return block;
}

bool TextPath::draw(ImDrawList& list, std::string_view logical, FontRole role, Rgb color, const Rect& box,
                    Align align, bool centerVertically) {
  const TextBlock block = layout(logical, role, box.w);
  ImFont* font = fonts_->font(role);
  const float size = font->FontSize;
  float y = box.y;
  if (centerVertically && block.size.y < box.h) y += std::floor((box.h - block.size.y) / 2);
  const bool rtl = direction_ == text::Direction::RightToLeft;
  for (const auto& line : block.paragraph->lines) {
    float x = box.x;
    const bool toRight = (align == Align::End) != rtl;  // End in LTR, Start in RTL
    if (align == Align::Center) x += std::floor((box.w - line.width) / 2);
    else if (toRight) x += box.w - line.width;
    const float top = y + std::floor((block.lineHeight - size) / 2);
    list.AddText(font, size, ImVec2(std::round(x), top), packedColor(color), line.visual.data(),
                 line.visual.data() + line.visual.size());
    y += block.lineHeight;
  }
  return !block.paragraph->overflows && block.size.y <= box.h + 0.5f;
}

}  // namespace kiosk::ui
