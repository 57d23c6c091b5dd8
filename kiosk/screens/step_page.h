#pragma once
// The frame of a question screen: the header with the question and the step counter, a page
// that scrolls when its content is taller than the screen (200 % text), and under it a footer
// that never scrolls away, with "Back" at the start and, when the step needs one, the main
// action at the end.

#include <string>
#include <string_view>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

// The question in the header, and where it stands in its errand ("Trin 2 af 6", a dot per step).
struct StepTitle {
  std::string_view key;    // the catalog key: also the page's identity
  std::string_view shown;  // as displayed, usually ui.tr(key)
  int step = 0, steps = 0;  // steps 0: a page of its own, no counter
};

// Name the fields that differ from the defaults: {.nextKey = "common.next", .nextIcon = ...}.
struct StepFooter {
  bool back = true;
  std::string_view nextKey;  // empty: no main action (tapping a choice moves on)
  char32_t nextIcon = 0;
  bool nextEnabled = true;
};

enum class StepAction { None, Back, Next };

class StepPage {
 public:
  // Draws the header and starts the page; contentHeight is what the screen will draw. Returns
  // the rectangle to draw the content in (screen coordinates, scrolled, left to right: mirror
  // with ui.place against it).
  ui::Rect begin(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, float contentHeight, const StepFooter& footer = {});
  // Closes the page and draws the footer.
  StepAction end(ui::Ui& ui);

  // The width content may use on this screen (measure with it before begin).
  static float contentWidth(const ui::Ui& ui, const ui::Rect& area);

 private:
  float footerHeight(ui::Ui& ui, float width) const;

  ui::ScrollArea scroll_;
  StepFooter footer_;
  ui::Rect page_;
  ui::Rect footerRect_;
};

}  // namespace kiosk::screens
