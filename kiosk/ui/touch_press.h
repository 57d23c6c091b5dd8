#pragma once
// The kiosk's touch semantics for one pressable rectangle, shared by every widget: a press
// counts when the finger lifts inside it, and not if the finger travelled (that was a drag or a
// scroll); while the finger is down it shows pressed. Call inside an ImGui window, while drawing.

#include <string_view>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

struct Press {
  bool activated = false;
  bool held = false;
  Rect visible;  // the part of the widget not scrolled out of view
};

// The part of r inside the current clip rectangle (empty when scrolled away).
Rect visiblePart(const Rect& r);

Press press(std::string_view id, const Rect& r, bool enabled = true);

}  // namespace kiosk::ui
