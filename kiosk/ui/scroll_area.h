#pragma once
// A region that scrolls when its content is taller than the screen allows — at 200 % text most
// screens need it. People with little IT experience do not know to drag, so content that does
// not fit shows large "more below" / "back up" buttons under it, each turning a page; a finger
// can also drag anywhere (no tiny scrollbar to hit), and a drag never counts as a tap on the item
// it started on.

#include <optional>
#include <string_view>

#include "kiosk/ui/ui.h"

namespace kiosk::ui {

// The page buttons' keys: the layout rule (layout_check.h) looks for them wherever content is
// scrolled out of view.
inline constexpr std::string_view kScrollMoreBelow = "scroll.more_below";
inline constexpr std::string_view kScrollBackUp = "scroll.back_up";

class ScrollArea {
 public:
  // Starts the region on viewport; content is laid out from origin() down, contentHeight tall.
  // When it does not fit, the page buttons take a row at the bottom of viewport.
  void begin(Ui& ui, std::string_view id, const Rect& viewport, float contentHeight);
  void end(Ui& ui);

  // Top-left of the content in screen coordinates, with the current scroll applied.
  Vec2 origin() const { return origin_; }
  float width() const { return width_; }

  // The row the page buttons take when content does not fit.
  static float pagerHeight(Ui& ui);

 private:
  void drawPager(Ui& ui, float scrollY, float scrollMax, float shownHeight);

  Vec2 origin_;
  float width_ = 0;
  Rect pagerRow_;  // empty when everything fits
  size_t firstNode_ = 0;
  bool dragging_ = false;
  bool fresh_ = true;  // not drawn yet: belongs to a screen just entered
  std::optional<float> turnTo_;  // a page button was pressed: scroll here next frame
};

}  // namespace kiosk::ui
