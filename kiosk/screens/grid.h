#pragma once
// Lays equal-width cells in rows, each row as tall as its tallest cell, mirrored for
// right-to-left languages. Used by every screen that offers a set of big choices.

#include <functional>
#include <vector>

#include "kiosk/ui/ui.h"

namespace kiosk::screens {

struct Grid {
  std::vector<ui::Rect> cells;  // relative to the grid's top-left, already mirrored
  float height = 0;
};

// measure(i, cellWidth) gives cell i's natural height; minHeight is applied to every cell.
Grid layoutGrid(const ui::Ui& ui, size_t count, int columns, float width, float gap,
                const std::function<float(size_t, float)>& measure);

}  // namespace kiosk::screens
