#pragma once
// A region that scrolls when its content is taller than the screen allows — at 200 % text most
// screens need it. Scrolls by dragging anywhere with a finger (no tiny scrollbar to hit); a drag
// never counts as a tap on the item it started on.

#include <string_view>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

class ScrollArea {
 public:
  // Starts the region on viewport; content is laid out from origin() down, contentHeight tall.
  void begin(Ui& ui, std::string_view id, const Rect& viewport, float contentHeight);
  void end(Ui& ui);

  // Top-left of the content in screen coordinates, with the current scroll applied.
  Vec2 origin() const { return origin_; }
  float width() const { return width_; }

 private:
  Vec2 origin_;
  float width_ = 0;
  size_t firstNode_ = 0;
  bool dragging_ = false;
  bool fresh_ = true;  // not drawn yet: belongs to a screen just entered
};

}  // namespace kiosk::ui
