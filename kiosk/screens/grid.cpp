#include "kiosk/screens/grid.h"

#include <algorithm>

namespace kiosk::screens {

Grid layoutGrid(const ui::Ui& ui, size_t count, int columns, float width, float gap,
                const std::function<float(size_t, float)>& measure) {
  Grid grid;
  const auto cols = static_cast<size_t>(std::max(1, columns));
  const float cellW = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  const ui::Rect container{0, 0, width, 0};
  float y = 0;
  for (size_t rowStart = 0; rowStart < count; rowStart += cols) {
    const size_t rowEnd = std::min(count, rowStart + cols);
    float rowH = 0;
    for (size_t i = rowStart; i < rowEnd; ++i) rowH = std::max(rowH, measure(i, cellW));
    for (size_t i = rowStart; i < rowEnd; ++i) {
      const float x = static_cast<float>(i - rowStart) * (cellW + gap);
      grid.cells.push_back(ui.place({x, y, cellW, rowH}, container));
    }
    y += rowH + gap;
  }
  grid.height = count ? y - gap : 0;
  return grid;
}

}  // namespace kiosk::screens
