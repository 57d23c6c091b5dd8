#pragma once
// The one text path: every string on screen is laid out and drawn here — shaped, wrapped in
// logical order, reordered per line, aligned to the reading direction — and reports whether it
// fitted the room it was given, which is what the accessibility tree's "clipped" flag is.

#include <string>
#include <string_view>
#include <unordered_map>

#include "kiosk/text/line_breaking.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/geometry.h"
#include "kiosk/ui/theme.h"

struct ImDrawList;

namespace kiosk::ui {

// Start and End follow the reading direction: Start is the right edge in Arabic.
enum class Align { Start, Center, End };

struct TextBlock {
  const text::LaidOutParagraph* paragraph = nullptr;
  float lineHeight = 0;
  Vec2 size;  // widest line x all lines
};

class TextPath {
 public:
  // Call after the fonts are rebuilt, the language changes or a citizen leaves: drops every cached
  // layout, overwritten first (it holds what the citizen was shown and typed).
  void reset(const FontSet* fonts, text::Direction direction);
  text::Direction direction() const { return direction_; }
  const FontSet& fonts() const { return *fonts_; }

  TextBlock layout(std::string_view logical, FontRole role, float maxWidth);

  // Lays text out in another direction than the current language's while it lives (a greeting
  // in Arabic on a Danish screen).
  class DirectionScope {
   public:
    DirectionScope(TextPath& path, text::Direction direction) : path_(path), saved_(path.direction_) {
      path.direction_ = direction;
    }
    ~DirectionScope() { path_.direction_ = saved_; }
    DirectionScope(const DirectionScope&) = delete;
    DirectionScope& operator=(const DirectionScope&) = delete;

   private:
    TextPath& path_;
    text::Direction saved_;
  };
  float lineHeight(FontRole role) const;

  // Draws text inside box; true if everything fitted (no word too wide, no line below the box).
  bool draw(ImDrawList& list, std::string_view logical, FontRole role, Rgb color, const Rect& box,
            Align align = Align::Start, bool centerVertically = false);

 private:
  const FontSet* fonts_ = nullptr;
  text::Direction direction_ = text::Direction::LeftToRight;
  std::unordered_map<std::string, text::LaidOutParagraph> cache_;
};

}  // namespace kiosk::ui
