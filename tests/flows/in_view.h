#pragma once
// Whether a control or text is on screen whole: not scrolled even partly out of view, and its
// text not cut. What "in view without scrolling" means in the flow tests.
#include "kiosk/ui/access_tree.h"

inline bool whollyInView(const kiosk::ui::AccessNode& node) {
  return node.visibleRect.h >= node.rect.h - 0.5f && node.visibleRect.w >= node.rect.w - 0.5f && !node.clipped;
}
