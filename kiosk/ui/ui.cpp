#include "kiosk/ui/ui.h"

#include <algorithm>

namespace kiosk::ui {

void Ui::beginFrame(const FrameSetup& setup) {
  setup_ = setup;
  palette_ = &palette(setup.contrast);
  scale_ = std::min(setup.displaySize.x / design::kWidth, setup.displaySize.y / design::kHeight);
  headerBottom_ = 0;
  reachBandTaken_ = false;
  roomAsked_ = roomNeeded_ = false;
  tree_.clear();
}

Rect Ui::place(const Rect& logical, const Rect& container) const {
  if (!rightToLeft()) return logical;
  Rect mirrored = logical;
  mirrored.x = container.x + (container.right() - logical.right());
  return mirrored;
}

}  // namespace kiosk::ui
