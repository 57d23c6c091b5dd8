#pragma once
// What every screen must hold to, read from the accessibility tree: no clipped text, nothing
// off the side, every touch target at least 60 x 60 px, no two touchable targets overlapping,
// no catalog key shown as text. One rule set for the screen matrix, scripted runs
// ({"expect_layout": true}) and the flow tests on real data. With reachTop set (the low-reach
// layout), no control that can be touched may lie above that line either.
//
// Two rules keep what a citizen needs in sight without knowing how to scroll: every action (a
// control that moves them on, AccessNode::action) is wholly on screen and not scrolled, and
// content that is scrolled partly out of view shows the "more below" / "back up" buttons.

#include <string>
#include <vector>

#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

std::vector<std::string> layoutProblems(const AccessTree& tree, Vec2 display, float reachTop = 0);

}  // namespace kiosk::ui
