#pragma once
// The kiosk's widgets, in ImGui's own idiom: free functions that draw, register themselves in
// the accessibility tree, and return true on the frame they are activated. Each has a matching
// measure function so screens can lay out before drawing.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

// [SECTION] Frame parts
// The header band with the screen's question; returns the rectangle below it.
Rect header(Ui& ui, std::string_view titleKey);
Rect header(Ui& ui, std::string_view titleKey, std::string_view shown);  // a formatted title ("Hej Freja")
// A header with the step counter at its end ("Trin 2 af 6" and a dot per step, the done ones filled).
Rect header(Ui& ui, std::string_view titleKey, std::string_view shown, int step, int steps);
// Where content may start below such a header (the reach line, in low reach), before drawing it.
float headerBottom(Ui& ui, std::string_view shown, int step = 0, int steps = 0);

// [SECTION] Big choices
struct TileSpec {
  std::string_view key;      // label key, also the widget's identity
  std::string_view hintKey;  // the smaller line under the label
  char32_t icon = 0;
};
float tileHeight(Ui& ui, const TileSpec& tile, float width);
// Without the minimum height: for rows of many small choices (topics).
float tileContentHeight(Ui& ui, const TileSpec& tile, float width);
bool tile(Ui& ui, const TileSpec& tile, const Rect& rect);
// A tile that is one of several that can be on together (topics): on shows filled with a check mark.
bool tile(Ui& ui, const TileSpec& tile, const Rect& rect, bool selected);

// A choice whose content is data (a consultant, a time, a booking, an activity): a title line,
// a few lines under it, an optional pictogram at the start. id must be stable.
struct CardSpec {
  std::string id;
  std::string title;
  std::vector<std::string> lines;
  char32_t icon = 0;
  bool selected = false;
  bool enabled = true;
  bool pressable = true;  // false: a card that only shows (a summary)
  FontRole lineRole = FontRole::Body;  // Hint: the lines only say more about the title (home's services)
};
float cardHeight(Ui& ui, const CardSpec& card, float width);
bool card(Ui& ui, const CardSpec& card, const Rect& rect);

// A choice whose text is data, not a catalog key (a language's own name): id must be stable.
float choiceHeight(Ui& ui, std::string_view text, float width);
// Name what differs from a plain choice: {.selected = code == current}.
struct ChoiceOptions {
  bool selected = false;  // the one chosen now: filled
};
bool choiceButton(Ui& ui, std::string_view id, std::string_view text, const Rect& rect, const ChoiceOptions& options = {});

// The one main action of a screen (rounded, primary or on-primary coloured). shown is the label
// as displayed: usually ui.tr(key), but the attract screen shows it in the greeting's language.
Vec2 pillSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth);
struct PillOptions {
  bool onPrimary = false;  // on a primary-coloured background (the attract screen): drawn in the surface colour
};
bool pillButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& rect, const PillOptions& options = {});
// Buttons inside a page (next, back, print, move, sign up): a label with a pictogram, smaller
// than the one big pill of a screen but never under the touch minimum. Primary is the step's
// main action; outline its quieter companions (back, log out, cancel). A disabled button is
// drawn outlined and greyed, and registered as not usable.
// Every such button is an action (AccessNode::action) unless it is part of the content.
Vec2 buttonSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth);
// Whether the label fits a button maxWidth wide whole: no word cut, at most two lines.
bool buttonFits(Ui& ui, std::string_view shown, char32_t icon, float maxWidth);
struct ButtonOptions {
  bool enabled = true;
  // Part of the page's content, which may scroll ("sign up" under each activity, "remember my
  // settings"): not an action, so not held in view by the layout rule.
  bool inContent = false;
};
bool primaryButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& rect, const ButtonOptions& options = {});
bool outlineButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& rect, const ButtonOptions& options = {});

// "More below" and "back up" under content that scrolls (ScrollArea draws them): outlined,
// lower than a page's buttons, never under the touch minimum; not actions.
Vec2 pagerSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth);
bool pagerButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& rect);

// An invisible target covering rect ("touch anywhere"). Submit it after the visible controls on
// top of it: ImGui gives a touch to the first item submitted under the finger.
bool touchArea(std::string_view id, const Rect& rect);

// [SECTION] Persistent bar
// A bar button is one of three kinds, told apart by more than colour: a plain button; a toggle
// that is on (selected: a light fill, a strong outline and a check mark in its corner); and
// help (emphasised: always filled, so it is found first).
struct BarButtonSpec {
  std::string_view key;
  char32_t icon = 0;
  bool enabled = true;
  bool selected = false;
  bool emphasised = false;  // help: always filled so it is found first
  int steps = 0;            // >0: shows a step indicator (text size) with `step` of `steps` lit
  int step = 0;
  std::string_view labelKey = {};  // the text shown, when not the key's own ("no reading aloud" on a greyed button)
  // The pictogram above the label rather than beside it: a row's buttons all take one layout,
  // the other as soon as one label needs it (barRowStacked).
  bool iconAbove = false;

  std::string_view shownKey() const { return labelKey.empty() ? key : labelKey; }
};
float barButtonHeight(Ui& ui, const BarButtonSpec& spec, float width);
// Whether a row of such buttons, each width wide, needs every pictogram above its label.
bool barRowStacked(Ui& ui, const std::vector<BarButtonSpec>& specs, float width);
bool barButton(Ui& ui, const BarButtonSpec& spec, const Rect& rect);

// [SECTION] Text
// Draws a catalog string in rect (wrapping), registers it, and returns the height it used.
float textHeight(Ui& ui, std::string_view shown, FontRole role, float width);
float paragraph(Ui& ui, std::string_view key, std::string_view shown, FontRole role, Rgb color, const Rect& rect,
                Align align = Align::Start, Role accessRole = Role::Text);
// A status message in answer to what the citizen did ("wait", "not found", "printed"): a
// paragraph in the text colour registered as Role::Status, which speech says as it appears.
float statusText(Ui& ui, std::string_view key, std::string_view shown, const Rect& rect, FontRole role = FontRole::Label);

// [SECTION] Pictograms
// Draws one icon centred on centre; mirrored draws it flipped left-right (pointing hands and
// arrows in right-to-left layouts). size > 0: that many pixels instead of the role's size.
void drawIcon(Ui& ui, FontRole role, char32_t icon, Vec2 centre, Rgb color, bool mirrored = false, float size = 0);

}  // namespace kiosk::ui
