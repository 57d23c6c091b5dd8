#pragma once
// A sentence that says where the citizen stands, above what they can do about it. Not a button:
// a heavier outline than a control's and no pressed state. "Done" (a tick, green) means nothing
// more is needed; "to do" (an alert sign, the primary colour) comes with the action beside it.
// The pictogram and the words carry the meaning, never the colour alone.

#include <string_view>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

enum class NoticeTone { Done, ToDo };

float noticeHeight(Ui& ui, std::string_view shown, float width);
// Registered as a status, so speech reads it first among what the screen says.
void notice(Ui& ui, std::string_view key, std::string_view shown, NoticeTone tone, const Rect& rect);

}  // namespace kiosk::ui
