#pragma once
// A text field for a touch screen that also takes a physical keyboard or a barcode scanner (which
// types like a keyboard and ends with Enter). The value is shown through the one text path —
// Arabic shaped and joined, bidi in order, wrapped onto more lines instead of clipped — with a
// caret at its end; a PIN shows dots. Editing is plain functions on plain state, shared by the
// field (keys typed on a keyboard) and the on-screen keyboard (keyboard.h).

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

struct TextFieldState {
  std::string value;        // UTF-8, in logical (typing) order
  size_t maxBytes = 200;    // never exceeded; a character that does not fit whole is refused
  bool masked = false;      // a PIN: drawn and registered as dots, never as the value
  bool digitsOnly = false;  // only 0-9 (Arabic-Indic digits from an Arabic keyboard become 0-9)
};

// [SECTION] Editing
// Appends what is allowed, one code point at a time, until one does not fit (control characters
// and line breaks are dropped); returns how many code points were taken.
size_t appendTyped(TextFieldState& state, std::string_view utf8);
// True if all of utf8 would be taken: an on-screen key types its whole text or nothing (lam-alef
// is two code points).
bool acceptsWhole(const TextFieldState& state, std::string_view utf8);
// Removes the last user-perceived character: a whole grapheme cluster (a letter with its marks),
// and lam + alef together, because they are drawn as one ligature. False if there was none.
bool eraseLast(TextFieldState& state);

// [SECTION] Drawing
// The height the field needs at this width: one line at least, more as the value wraps.
float textFieldHeight(Ui& ui, const TextFieldState& state, float width);

// Draws the field and registers it (Role::Field; its text is the value, or dots when masked).
// While focused, it takes the characters typed on a keyboard (io.InputQueueCharacters) and
// Backspace, and returns true on the frame Enter is pressed. tapped (if given) is set when a
// finger taps the field, so a screen with several fields can move the focus.
bool textField(Ui& ui, std::string_view key, TextFieldState& state, const Rect& rect, bool focused,
               bool* tapped = nullptr);

}  // namespace kiosk::ui
