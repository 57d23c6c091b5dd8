#pragma once
// The on-screen keyboard: Danish (with æ ø å), Arabic and Ukrainian letter layouts, and a large
// numeric pad for digit-only fields (codes, PINs). It edits a TextFieldState directly, the same
// way a physical keyboard does through textField().

#include <string>
#include <string_view>

#include "kiosk/ui/text_field.h"
#include "kiosk/ui/ui.h"

namespace kiosk::ui {

enum class KeyboardLayout { Danish, Arabic, Ukrainian, Numeric };

// The letters a citizen reading this language expects first: ar, fa -> Arabic; uk -> Ukrainian;
// everything else -> Danish.
KeyboardLayout keyboardLayoutFor(std::string_view language);

// The layout key switches between two layouts only: the citizen's own letters and Latin (for a
// booking code or an e-mail address), and names the one it switches to ("ABC", "عربي", "АБВ").
// A citizen whose own letters are Latin gets no layout key: a Danish keyboard offering Arabic
// letters to a Danish reader only puzzles.
struct KeyboardState {
  KeyboardLayout layout = KeyboardLayout::Danish;  // the letters shown
  KeyboardLayout own = KeyboardLayout::Danish;     // the citizen's: the layout key's other side
  bool shift = false;  // the next letter is a capital (Danish, Ukrainian); off again after it
};

// A keyboard showing the letters of language's readers.
KeyboardState keyboardFor(std::string_view language);

// The height the keyboard needs at this width for the state's layout — tall enough for the
// numeric pad too, so moving between a staff number and a PIN field does not move the screen.
float keyboardHeight(Ui& ui, const KeyboardState& state, float width);
// The least it can be drawn in without clipping a letter: letters in the bar's size, rows no
// taller than they need and never under the touch minimum (low reach at large text). Given less
// than keyboardHeight, the keyboard shrinks towards this.
float keyboardMinHeight(Ui& ui, const KeyboardState& state, float width);

// Draws the keys in rect and applies a tapped key to field: its character, space, backspace,
// shift, the other layout. A digits-only field gets the numeric pad whatever state.layout says.
// Returns true on the frame the Enter ("done") key is tapped. Keys register as buttons:
// "key.<char>" for characters ("key.q", "key.ض", "key.لا"; the id stays lower case under shift),
// "key.backspace", "key.space", "key.shift", "key.layout", "key.enter" with their spoken names.
bool keyboard(Ui& ui, KeyboardState& state, TextFieldState& field, const Rect& rect);

// Every text the font atlas must hold so that any layout can be shown and whatever is typed on it
// can be drawn: the keys' characters (with capitals), each Arabic letter in its isolated,
// initial, medial and final forms, the lam-alef ligatures. One string per line (see font_plan.cpp
// for why they must not run together).
std::string keyboardGlyphTexts();

}  // namespace kiosk::ui
