// [SECTION] Index
// - Layouts: the rows of each keyboard
// - Geometry: where each key goes, how tall the rows are
// - Drawing: keys, the shift and backspace pictograms
// - Glyphs: what the atlas must hold

#include "kiosk/ui/keyboard.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/text/unicode.h"
#include "kiosk/ui/colors.h"
#include "kiosk/ui/touch_press.h"

namespace kiosk::ui {
namespace {

// Design pixels.
constexpr float kKeyGap = 12;          // between keys: visible, and wider than two touch paddings
constexpr float kCompactKeyGap = 8;
constexpr float kKeyPaddingX = 8;
constexpr float kKeyPaddingY = 10;
constexpr float kKeyHeight = 96;       // a letter key at 100 %; rows grow with the text size
constexpr float kMaxWidth = 1600;      // wider than this, the hand travels too far
constexpr float kPadKeyWidth = 260;    // the numeric pad's keys
constexpr float kPadKeyHeight = 112;
constexpr float kPadMaxStretch = 0.4f; // the pad may grow by this much to fill the room it is given

// [SECTION] Layouts
//
// Nothing on the keyboard mirrors in right-to-left languages, neither the letter rows nor the
// special keys. A physical Arabic keyboard has ض at the top left and Backspace, Enter and the
// space bar where every keyboard has them, and the Arabic keyboards on phones keep that order;
// a citizen who has typed Arabic anywhere reaches for Backspace at the right end and "done" at
// the bottom right, so that is where they are in every language (only the field's text and
// caret follow the reading direction). Laying the keys out once also keeps each key in one place
// when the citizen switches layouts to type a Latin booking code in an Arabic screen.

enum class KeyKind { Char, Shift, Backspace, Space, Layout, Enter };

struct Key {
  KeyKind kind = KeyKind::Char;
  std::string chars;  // what a character key types (lower case)
  float units = 1;    // width in letter keys
};
using Row = std::vector<Key>;

Row chars(std::string_view spaced) {
  Row row;
  size_t at = 0;
  while (at < spaced.size()) {
    const size_t end = std::min(spaced.find(' ', at), spaced.size());
    row.push_back({KeyKind::Char, std::string(spaced.substr(at, end - at)), 1});
    at = end + 1;
  }
  return row;
}

Row join(std::initializer_list<Row> parts) {
  Row row;
  for (const auto& part : parts) row.insert(row.end(), part.begin(), part.end());
  return row;
}

Row special(KeyKind kind, float units) { return {{kind, {}, units}}; }

// switchable: the Latin layout has a layout key only when the citizen's own letters are others.
std::vector<Row> rowsOf(KeyboardLayout layout, bool switchable = true) {
  using K = KeyKind;
  switch (layout) {
    case KeyboardLayout::Danish:
      return {chars("1 2 3 4 5 6 7 8 9 0"),
              chars("q w e r t y u i o p å"),
              chars("a s d f g h j k l æ ø"),
              join({special(K::Shift, 1.5f), chars("z x c v b n m -"), special(K::Backspace, 1.5f)}),
              switchable ? join({special(K::Layout, 2), special(K::Space, 5), chars(". @"), special(K::Enter, 2)})
                         : join({special(K::Space, 7), chars(". @"), special(K::Enter, 2)})};
    case KeyboardLayout::Arabic:
      // The standard Arabic (101) rows; ذ sits at the end of the home row instead of left of 1,
      // and the hamza forms of alef (shift keys on a physical keyboard) have keys of their own.
      // No shift: Arabic has no capitals, and the kiosk's Arabic carries no vowel marks.
      return {chars("1 2 3 4 5 6 7 8 9 0"),
              chars("ض ص ث ق ف غ ع ه خ ح ج د"),
              chars("ش س ي ب ل ا ت ن م ك ط ذ"),
              join({chars("ئ ء ؤ ر لا ى ة و ز ظ"), special(K::Backspace, 2)}),
              join({special(K::Layout, 2), chars("أ إ آ"), special(K::Space, 4), chars("."), special(K::Enter, 2)})};
    case KeyboardLayout::Ukrainian:
      // ЙЦУКЕН with ї, є, ґ at the ends of their rows and the apostrophe (м'ясо) by the space bar.
      return {chars("1 2 3 4 5 6 7 8 9 0"),
              chars("й ц у к е н г ш щ з х ї"),
              chars("ф і в а п р о л д ж є ґ"),
              join({special(K::Shift, 1.5f), chars("я ч с м и т ь б ю"), special(K::Backspace, 1.5f)}),
              join({special(K::Layout, 2), chars("'"), special(K::Space, 5), chars("- ."), special(K::Enter, 2)})};
    case KeyboardLayout::Numeric:
      // A telephone's order (1 at the top left), as on a card terminal's PIN pad.
      return {chars("1 2 3"), chars("4 5 6"), chars("7 8 9"),
              join({special(K::Backspace, 1), chars("0"), special(K::Enter, 1)})};
  }
  return {};
}

KeyboardLayout otherLayout(const KeyboardState& state) {
  return state.layout == KeyboardLayout::Danish ? state.own : KeyboardLayout::Danish;
}

bool switchable(const KeyboardState& state) { return state.own != KeyboardLayout::Danish && state.own != KeyboardLayout::Numeric; }

// The layout key shows the letters it switches to, named in those letters — the way the
// language chooser names each language in itself: an Arabic reader finds "عربي" on a Danish
// screen. They are the same in every language, so they are not in the catalogs.
std::string_view layoutName(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::Arabic: return "عربي";
    case KeyboardLayout::Ukrainian: return "АБВ";
    default: return "ABC";
  }
}

bool hasCapitals(KeyboardLayout layout) { return layout == KeyboardLayout::Danish || layout == KeyboardLayout::Ukrainian; }

std::string upper(std::string_view utf8) {
  std::string out;
  text::forEachCodePoint(utf8, [&](char32_t c) {
    char bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, u_toupper(static_cast<UChar32>(c)));
    out.append(bytes, static_cast<size_t>(length));
  });
  return out;
}

// What a key types, as shown on it.
std::string typedBy(const Key& key, const KeyboardState& state, KeyboardLayout layout) {
  return state.shift && hasCapitals(layout) ? upper(key.chars) : key.chars;
}

std::string_view catalogKey(KeyKind kind) {
  switch (kind) {
    case KeyKind::Shift: return "keyboard.shift";
    case KeyKind::Backspace: return "keyboard.backspace";
    case KeyKind::Space: return "keyboard.space";
    case KeyKind::Layout: return "keyboard.layout";
    case KeyKind::Enter: return "keyboard.enter";
    case KeyKind::Char: break;
  }
  return {};
}

std::string keyId(const Key& key) {
  switch (key.kind) {
    case KeyKind::Char: return "key." + key.chars;
    case KeyKind::Shift: return "key.shift";
    case KeyKind::Backspace: return "key.backspace";
    case KeyKind::Space: return "key.space";
    case KeyKind::Layout: return "key.layout";
    case KeyKind::Enter: return "key.enter";
  }
  return {};
}

// [SECTION] Geometry

struct PlacedKey {
  Key key;
  Rect rect;
  std::string label;  // drawn on the key; empty for a pictogram
  FontRole role = FontRole::Label;
  bool fits = true;   // the label fits the key
};

struct Arrangement {
  std::vector<PlacedKey> keys;
  float height = 0;
};

bool oneLine(Ui& ui, std::string_view text, FontRole role, float width) {
  const auto block = ui.text().layout(text, role, width);
  return !block.paragraph->overflows && block.paragraph->lines.size() == 1;
}

// Lays out a layout's keys from the top of area. Rows are as tall as their tallest label needs
// (keys grow with the text size, the keyboard gets taller); a digit-only pad may stretch to fill
// a taller area.
// compact: the room is short (low reach, large text): letters in the bar's size and rows only
// as tall as the touch minimum needs, so that every key stays in view.
Arrangement arrange(Ui& ui, KeyboardLayout layout, const KeyboardState& state, const Rect& area, bool compact = false) {
  const bool pad = layout == KeyboardLayout::Numeric;
  const std::vector<Row> rows = rowsOf(layout, switchable(state));
  // Compact, the keys stand a little closer: still more apart than two touch paddings.
  const float gap = compact ? ui.px(kCompactKeyGap) : ui.px(kKeyGap);
  float totalUnits = 0;
  for (const auto& row : rows) {
    float units = 0;
    for (const auto& key : row) units += key.units;
    totalUnits = std::max(totalUnits, units);
  }
  const float width = std::min(area.w, pad ? totalUnits * ui.px(kPadKeyWidth) + (totalUnits - 1) * gap : ui.px(kMaxWidth));
  const float left = area.x + (area.w - width) / 2;
  const float pitch = (width + gap) / totalUnits;
  const FontRole charRole = compact ? FontRole::Bar : pad ? FontRole::Title : FontRole::Label;
  const float minRow = compact ? ui.px(design::kMinTarget) : ui.px(pad ? kPadKeyHeight : kKeyHeight);
  // Compact rows are as tall as a letter's line (which has its own leading), never less than
  // the touch minimum.
  const float padY = compact ? 0.f : ui.px(kKeyPaddingY);

  Arrangement out;
  std::vector<float> rowHeights;
  for (const auto& row : rows) {
    float units = 0;
    for (const auto& key : row) units += key.units;
    float x = left + (totalUnits - units) * pitch / 2;  // shorter rows are centred
    float rowH = minRow;
    for (const auto& key : row) {
      PlacedKey placed;
      placed.key = key;
      placed.rect = {std::round(x), 0, std::round(key.units * pitch - gap), 0};
      x += key.units * pitch;
      const float inner = std::max(1.f, placed.rect.w - 2 * ui.px(kKeyPaddingX));
      switch (key.kind) {
        case KeyKind::Char:
          placed.label = typedBy(key, state, layout);
          placed.role = charRole;
          break;
        case KeyKind::Shift:
        case KeyKind::Backspace:
          placed.role = charRole;  // the pictogram is sized like a letter
          break;
        case KeyKind::Space:
        case KeyKind::Enter:
        case KeyKind::Layout: {
          placed.label = key.kind == KeyKind::Layout ? std::string(layoutName(otherLayout(state))) : ui.tr(catalogKey(key.kind));
          // The largest text that fits on one line; if none does, the smallest, wrapped.
          placed.role = FontRole::Hint;
          for (const FontRole role : {charRole, FontRole::Label, FontRole::Bar, FontRole::Hint}) {
            if (oneLine(ui, placed.label, role, inner)) {
              placed.role = role;
              break;
            }
          }
          break;
        }
      }
      float needed = ui.text().lineHeight(placed.role);
      if (!placed.label.empty()) {
        const auto block = ui.text().layout(placed.label, placed.role, inner);
        needed = block.size.y;
        placed.fits = !block.paragraph->overflows;
      }
      rowH = std::max(rowH, std::ceil(needed) + 2 * padY);
      out.keys.push_back(std::move(placed));
    }
    rowHeights.push_back(std::ceil(rowH));
  }

  float natural = gap * static_cast<float>(rows.size() - 1);
  for (const float h : rowHeights) natural += h;
  float stretch = 1;
  // Compact and still short of room: rows give up height down to the touch minimum.
  if (compact && area.h > 0 && natural > area.h) {
    const float gaps = gap * static_cast<float>(rows.size() - 1);
    stretch = std::max(minRow / *std::max_element(rowHeights.begin(), rowHeights.end()), (area.h - gaps) / (natural - gaps));
  }
  if (pad && area.h > natural) stretch = std::min(1 + kPadMaxStretch, (area.h - gap * static_cast<float>(rows.size() - 1)) /
                                                                          (natural - gap * static_cast<float>(rows.size() - 1)));
  size_t k = 0;
  float y = area.y;
  for (size_t r = 0; r < rows.size(); ++r) {
    const float h = std::max(compact ? minRow : 0.f, std::floor(rowHeights[r] * stretch));
    for (size_t i = 0; i < rows[r].size(); ++i, ++k) {
      out.keys[k].rect.y = y;
      out.keys[k].rect.h = h;
    }
    y += h + (r + 1 < rows.size() ? gap : 0);
  }
  out.height = y - area.y;
  return out;
}

KeyboardLayout shownLayout(const KeyboardState& state, const TextFieldState& field) {
  return field.digitsOnly ? KeyboardLayout::Numeric : state.layout;
}

// [SECTION] Drawing

// An upward block arrow, filled while shift is on.
void drawShift(ImDrawList& list, Vec2 c, float size, ImU32 ink, bool on, float thickness) {
  const float s = size;
  const ImVec2 tip(c.x, c.y - 0.5f * s), right(c.x + 0.5f * s, c.y + 0.02f * s), left(c.x - 0.5f * s, c.y + 0.02f * s);
  const ImVec2 stemTopRight(c.x + 0.22f * s, right.y), stemBottomRight(c.x + 0.22f * s, c.y + 0.45f * s);
  const ImVec2 stemBottomLeft(c.x - 0.22f * s, stemBottomRight.y), stemTopLeft(c.x - 0.22f * s, right.y);
  if (on) {
    list.AddTriangleFilled(tip, right, left, ink);
    list.AddRectFilled(stemTopLeft, stemBottomRight, ink);
    return;
  }
  const ImVec2 outline[] = {tip, right, stemTopRight, stemBottomRight, stemBottomLeft, stemTopLeft, left};
  list.AddPolyline(outline, 7, ink, ImDrawFlags_Closed, thickness);
}

// The erase-to-the-left key cap with a cross in it (⌫).
void drawBackspace(ImDrawList& list, Vec2 c, float size, ImU32 ink, float thickness) {
  const float s = size * 0.9f;
  const ImVec2 outline[] = {ImVec2(c.x - 0.62f * s, c.y), ImVec2(c.x - 0.25f * s, c.y - 0.38f * s),
                            ImVec2(c.x + 0.62f * s, c.y - 0.38f * s), ImVec2(c.x + 0.62f * s, c.y + 0.38f * s),
                            ImVec2(c.x - 0.25f * s, c.y + 0.38f * s)};
  list.AddPolyline(outline, 5, ink, ImDrawFlags_Closed, thickness);
  const float cx = c.x + 0.17f * s, d = 0.16f * s;
  list.AddLine(ImVec2(cx - d, c.y - d), ImVec2(cx + d, c.y + d), ink, thickness);
  list.AddLine(ImVec2(cx - d, c.y + d), ImVec2(cx + d, c.y - d), ink, thickness);
}

// Draws one key and registers it; true if it was tapped.
bool drawKey(Ui& ui, const PlacedKey& placed, const KeyboardState& state, const Rect& area) {
  const std::string id = keyId(placed.key);
  const Press p = press(id, placed.rect);
  const auto& c = ui.colors();
  const KeyKind kind = placed.key.kind;
  const bool on = kind == KeyKind::Shift && state.shift;
  const bool mainAction = kind == KeyKind::Enter;
  Rgb fill = kind == KeyKind::Char ? c.surface : c.barBackground;
  Rgb ink = c.text;
  Rgb border = c.border;
  if (mainAction || on) fill = c.primary, ink = c.onPrimary, border = c.primary;
  if (p.held) fill = c.pressed, ink = c.text, border = c.primary;

  const Rect& r = placed.rect;
  auto* list = ImGui::GetWindowDrawList();
  const float radius = ui.px(design::kRadius) / 2;
  const float b = ui.px(design::kBorder);
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(fill), radius);
  list->AddRect(ImVec2(r.x + b / 2, r.y + b / 2), ImVec2(r.right() - b / 2, r.bottom() - b / 2), packedColor(border), radius, 0, b);

  bool fits = placed.fits;
  const float iconSize = ui.text().fonts().size(placed.role);
  const float thickness = std::max(1.f, std::round(iconSize * 0.08f));
  if (kind == KeyKind::Shift) {
    drawShift(*list, r.center(), iconSize, packedColor(ink), on, thickness);
  } else if (kind == KeyKind::Backspace) {
    drawBackspace(*list, r.center(), iconSize, packedColor(ink), thickness);
  } else {
    const float insetY = std::min(ui.px(kKeyPaddingY), std::max(0.f, std::floor((r.h - std::ceil(ui.text().lineHeight(placed.role))) / 2)));
    const Rect box = r.inset(ui.px(kKeyPaddingX), insetY);
    fits = ui.text().draw(*list, placed.label, placed.role, ink, box, Align::Center, true) && fits;
  }
  fits = fits && r.bottom() <= area.bottom() + 0.5f && r.right() <= area.right() + 0.5f;

  AccessNode node;
  node.role = Role::Button;
  node.key = id;
  // Characters say themselves; the special keys their spoken names.
  node.text = kind == KeyKind::Char ? placed.label : ui.tr(catalogKey(kind));
  node.rect = r;
  node.visibleRect = p.visible;
  node.selected = on;
  node.clipped = !fits;
  ui.tree().add(std::move(node));
  return p.activated;
}

}  // namespace

KeyboardState keyboardFor(std::string_view language) {
  const KeyboardLayout own = keyboardLayoutFor(language);
  return {.layout = own, .own = own};
}

KeyboardLayout keyboardLayoutFor(std::string_view language) {
  if (language == "ar" || language == "fa") return KeyboardLayout::Arabic;
  if (language == "uk") return KeyboardLayout::Ukrainian;
  return KeyboardLayout::Danish;
}

float keyboardHeight(Ui& ui, const KeyboardState& state, float width) {
  const Rect area{0, 0, width, 0};
  const float padH = arrange(ui, KeyboardLayout::Numeric, state, area).height;
  if (state.layout == KeyboardLayout::Numeric) return padH;
  return std::max(padH, arrange(ui, state.layout, state, area).height);
}

float keyboardMinHeight(Ui& ui, const KeyboardState& state, float width) {
  const Rect area{0, 0, width, 0};  // compact, each row as tall as its letters need in the bar's size
  const float padH = arrange(ui, KeyboardLayout::Numeric, state, area, /*compact=*/true).height;
  if (state.layout == KeyboardLayout::Numeric) return padH;
  return std::max(padH, arrange(ui, state.layout, state, area, /*compact=*/true).height);
}

bool keyboard(Ui& ui, KeyboardState& state, TextFieldState& field, const Rect& rect) {
  const KeyboardLayout layout = shownLayout(state, field);
  Arrangement keys = arrange(ui, layout, state, rect);
  if (rect.h > 0 && keys.height > rect.h + 0.5f) keys = arrange(ui, layout, state, rect, /*compact=*/true);
  bool done = false;
  // Taps are applied after every key is drawn, so a frame draws one layout and one shift state.
  const PlacedKey* tapped = nullptr;
  for (const auto& placed : keys.keys) {
    if (drawKey(ui, placed, state, rect)) tapped = &placed;
  }
  if (!tapped) return false;
  switch (tapped->key.kind) {
    case KeyKind::Char: {
      const std::string typed = typedBy(tapped->key, state, layout);
      if (acceptsWhole(field, typed)) appendTyped(field, typed);
      state.shift = false;  // one capital, as on a phone
      break;
    }
    case KeyKind::Shift: state.shift = !state.shift; break;
    case KeyKind::Backspace: eraseLast(field); break;
    case KeyKind::Space: appendTyped(field, " "); break;
    case KeyKind::Layout:
      state.layout = otherLayout(state);
      state.shift = false;
      break;
    case KeyKind::Enter: done = true; break;
  }
  return done;
}

// [SECTION] Glyphs

std::string keyboardGlyphTexts() {
  std::string out;
  auto add = [&out](std::string_view text) { out.append(text).push_back('\n'); };
  constexpr std::string_view kTatweel = "\u0640";  // joins on both sides: shows the other forms
  for (const auto layout : {KeyboardLayout::Danish, KeyboardLayout::Arabic, KeyboardLayout::Ukrainian, KeyboardLayout::Numeric}) {
    add(layoutName(layout));
    for (const auto& row : rowsOf(layout)) {
      for (const auto& key : row) {
        if (key.kind != KeyKind::Char) continue;
        add(key.chars);
        if (hasCapitals(layout)) add(upper(key.chars));
        if (layout != KeyboardLayout::Arabic) continue;
        const std::string k = key.chars;
        add(k + std::string(kTatweel));                             // initial
        add(std::string(kTatweel) + k + std::string(kTatweel));     // medial
        add(std::string(kTatweel) + k);                             // final
      }
    }
  }
  // Lam typed before each alef becomes a ligature, alone or after a joining letter.
  for (const std::string_view alef : {"ا", "أ", "إ", "آ"}) {
    add("ل" + std::string(alef));
    add(std::string(kTatweel) + "ل" + std::string(alef));
  }
  return out;
}

}  // namespace kiosk::ui
