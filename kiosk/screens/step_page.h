#pragma once
// The frame of a question screen: the header with the question and the step counter, a page
// that scrolls when its content is taller than the screen (200 % text), and under it a footer
// that never scrolls away, with "Back" at the start and, when the step needs one, the main
// action at the end.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/ui.h"

namespace kiosk::screens {

// The question in the header, and where it stands in its errand ("Trin 2 af 6", a dot per step).
struct StepTitle {
  std::string_view key;    // the catalog key: also the page's identity
  std::string_view shown;  // as displayed, usually ui.tr(key)
  int step = 0, steps = 0;  // steps 0: a page of its own, no counter
};

// One more of a screen's actions, docked in the footer beside "next" ("move", "cancel", "print").
struct FooterButton {
  std::string key;  // also its label's catalog key unless shown is given
  char32_t icon = 0;
  bool primary = false;
  bool enabled = true;
  std::string shown = {};
};

// Name the fields that differ from the defaults: {.nextKey = "common.next", .nextIcon = ...}.
// Every action of a screen belongs here, never in the page that scrolls: at 200 % text the page
// shows little, and what moves the citizen on must stay in view (the layout rule checks it).
struct StepFooter {
  bool back = true;
  std::string_view nextKey;  // empty: no main action (tapping a choice moves on)
  char32_t nextIcon = 0;
  bool nextEnabled = true;
  std::vector<FooterButton> more;  // between "back" and "next", in this order
  // >0: a band this tall docked right above the footer, for a text field and its keyboard, so
  // that the field with what is typed and every key stay in view (dock()); only the rest
  // scrolls. Where it does not fit, it is the end of the page instead (docked() false).
  float dock = 0;
};

enum class StepAction { None, Back, Next, More };

class StepPage {
 public:
  // Draws the header and starts the page; contentHeight is what the screen will draw. Returns
  // the rectangle to draw the content in (screen coordinates, scrolled, left to right: mirror
  // with ui.place against it).
  ui::Rect begin(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, float contentHeight, const StepFooter& footer = {});
  // Closes the page and draws the footer. StepAction::More: tappedKey() says which.
  StepAction end(ui::Ui& ui);
  const std::string& tappedKey() const { return tapped_; }
  // The band asked for with StepFooter::dock (screen coordinates, left to right). Docked, it is
  // drawn after end(), outside the page that scrolls; not docked, before end(), in the page.
  const ui::Rect& dock() const { return dock_; }
  bool docked() const { return docked_; }

  // The width content may use on this screen (measure with it before begin).
  static float contentWidth(const ui::Ui& ui, const ui::Rect& area);

 private:
  struct FooterItem {
    std::string key, shown;
    char32_t icon;
    bool primary, enabled;
  };
  std::vector<FooterItem> footerItems(ui::Ui& ui) const;
  // Each button's share of the row, and the rows needed: one while they fit side by side.
  struct FooterGrid {
    int perRow = 1, rows = 0;
    float buttonW = 0, buttonH = 0;
  };
  FooterGrid footerGrid(ui::Ui& ui, float width) const;

  ui::ScrollArea scroll_;
  StepFooter footer_;
  ui::Rect page_;
  ui::Rect footerRect_;
  ui::Rect dock_;
  bool docked_ = false;
  std::string tapped_;
};

}  // namespace kiosk::screens
