#pragma once
// The kiosk's widgets, in ImGui's own idiom: free functions that draw, register themselves in
// the accessibility tree, and return true on the frame they are activated. Each has a matching
// measure function so screens can lay out before drawing.

#include <string>
#include <string_view>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

// [SECTION] Frame parts
// The header band with the screen's question; returns the rectangle below it.
Rect header(Ui& ui, std::string_view titleKey);
Rect header(Ui& ui, std::string_view titleKey, std::string_view shown);  // a formatted title ("Hej Freja")

// [SECTION] Big choices
struct TileSpec {
  std::string_view key;      // label key, also the widget's identity
  std::string_view hintKey;  // the smaller line under the label
  char32_t icon = 0;
};
float tileHeight(Ui& ui, const TileSpec& tile, float width);
bool tile(Ui& ui, const TileSpec& tile, const Rect& rect);

// A choice whose text is data, not a catalog key (a language's own name): id must be stable.
float choiceHeight(Ui& ui, std::string_view text, float width);
bool choiceButton(Ui& ui, std::string_view id, std::string_view text, const Rect& rect, bool selected);

// The one main action of a screen (rounded, primary or on-primary coloured). shown is the label
// as displayed: usually ui.tr(key), but the attract screen shows it in the greeting's language.
Vec2 pillSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth);
bool pillButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& rect, bool onPrimary);

// An invisible target covering rect ("touch anywhere"). Submit it after the visible controls on
// top of it: ImGui gives a touch to the first item submitted under the finger.
bool touchArea(std::string_view id, const Rect& rect);

// [SECTION] Persistent bar
struct BarButtonSpec {
  std::string_view key;
  char32_t icon = 0;
  bool enabled = true;
  bool selected = false;
  bool emphasised = false;  // help: always filled so it is found first
  int steps = 0;            // >0: shows a step indicator (text size) with `step` of `steps` lit
  int step = 0;
};
float barButtonHeight(Ui& ui, const BarButtonSpec& spec, float width);
bool barButton(Ui& ui, const BarButtonSpec& spec, const Rect& rect);

// [SECTION] Text
// Draws a catalog string in rect (wrapping), registers it, and returns the height it used.
float textHeight(Ui& ui, std::string_view shown, FontRole role, float width);
float paragraph(Ui& ui, std::string_view key, std::string_view shown, FontRole role, Rgb color, const Rect& rect,
                Align align = Align::Start, Role accessRole = Role::Text);

// [SECTION] Pictograms
// Draws one icon centred on centre; mirrored draws it flipped left-right (pointing hands and
// arrows in right-to-left layouts).
void drawIcon(Ui& ui, FontRole role, char32_t icon, Vec2 centre, Rgb color, bool mirrored = false);

}  // namespace kiosk::ui
