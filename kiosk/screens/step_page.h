#pragma once
// The frame of a question screen: the header with the question and the step counter, a page
// that scrolls when its content is taller than the screen (200 % text), and under it a footer
// that never scrolls away, with "Back" at the start and, when the step needs one, the main
// action at the end.

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/scroll_area.h"
#include "kiosk/ui/text_field.h"
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

// What a typing screen docks right above the footer, top to bottom: a status line ("we did not
// find that code"), the field with what is typed, and its keyboard (its full height, and the
// least it can be drawn in: rows at the touch minimum).
struct DockSpec {
  float statusH = 0, fieldH = 0, keyboardH = 0, keyboardMinH = 0;
  // The field's state: short of room the field shares its row with the footer's buttons, narrower
  // than the page, and is measured again at the width it gets there (fieldH is across the page).
  const ui::TextFieldState* field = nullptr;
  bool wanted() const { return fieldH > 0; }
};

// Where each part of the dock goes, in screen coordinates, already mirrored for right-to-left.
struct DockParts {
  ui::Rect status, field, keyboard;
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
  // A field and its keyboard, docked above the footer so that what is typed, what went wrong and
  // every key stay in view at every size; only the rest of the page scrolls. Short of room
  // (large text, low reach) the keyboard gives up height down to its touch minimum; shorter
  // still, "back" and "next" leave the footer for the field's row, at its two ends. Where even
  // that does not fit, the dock is the end of the page instead (docked() false).
  DockSpec dock;
  // The page holds text only, nothing to touch but its own "more below": in low reach, where it
  // does not show whole below the reach line, it rises into the band above the line (in place of
  // the low-reach note), since text there is read, not reached. Its pager stays within reach.
  bool pageIsText = false;
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
  // Where to draw what StepFooter::dock asked for. Docked, it is drawn after end(), outside the
  // page that scrolls; not docked, before end(), in the page.
  const DockParts& dock() const { return dockParts_; }
  bool docked() const { return docked_; }

  // The width content may use on this screen (measure with it before begin).
  static float contentWidth(const ui::Ui& ui, const ui::Rect& area);
  // The height content may take on this screen without the page scrolling (measure before
  // begin: a screen may place an action beside its content when all of it fits, in the footer
  // when not).
  static float room(ui::Ui& ui, const StepTitle& title, const ui::Rect& area, const StepFooter& footer);

 private:
  struct FooterItem {
    std::string key, shown;
    char32_t icon;
    bool primary, enabled;
  };
  static std::vector<FooterItem> footerItems(ui::Ui& ui, const StepFooter& footer);
  // Each button's share of the row, and the rows needed: one while they fit side by side.
  struct FooterGrid {
    int perRow = 1, rows = 0;
    float buttonW = 0, buttonH = 0;
  };
  static FooterGrid footerGrid(ui::Ui& ui, const StepFooter& footer, float width);
  static float footerHeight(ui::Ui& ui, const StepFooter& footer, const ui::Rect& area);
  // The footer's buttons at their places (left to right, mirrored against `against`).
  StepAction drawButtons(ui::Ui& ui, const std::vector<FooterItem>& items, const std::vector<ui::Rect>& places, const ui::Rect& against);

  ui::ScrollArea scroll_;
  StepFooter footer_;
  ui::Rect page_;
  ui::Rect footerRect_;
  // The dock's layout for this frame: see StepFooter::dock.
  void placeDock(ui::Ui& ui, const ui::Rect& area, float top, float pageContent, float& footerH);
  static float dockGap(const ui::Ui& ui);
  ui::Rect dock_;
  DockParts dockParts_;
  bool docked_ = false;
  bool joined_ = false;          // "back" and "next" are in the field's row, not in a footer
  bool pageLeftOut_ = false;     // the page above such a dock had no room to show at all
  size_t pageFirstNode_ = 0;
  std::vector<ui::Rect> joinedPlaces_;  // each footer item's place there (left to right)
  std::string tapped_;
};

}  // namespace kiosk::screens
