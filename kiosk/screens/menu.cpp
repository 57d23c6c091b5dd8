#include "kiosk/screens/menu.h"

#include <array>

#include "kiosk/screens/grid.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

// Check-in first: it is the most common errand and needs no login.
constexpr std::array<ui::TileSpec, 6> kServices{{
    {"menu.check_in", "menu.check_in.hint", ui::icon::kCheckIn},
    {"menu.book", "menu.book.hint", ui::icon::kBook},
    {"menu.move_cancel", "menu.move_cancel.hint", ui::icon::kMoveCancel},
    {"menu.activities", "menu.activities.hint", ui::icon::kActivities},
    {"menu.joblog", "menu.joblog.hint", ui::icon::kJoblog},
    {"menu.plan", "menu.plan.hint", ui::icon::kPlan},
}};

// Where each tile leads once the citizen is known.
constexpr std::array<ScreenId, 6> kTargets{ScreenId::CheckIn, ScreenId::BookTopics, ScreenId::MyBookings,
                                           ScreenId::Activities, ScreenId::Joblog, ScreenId::Plan};

}  // namespace

void MainMenu::draw(ui::Ui& ui, const ScreenContext&, const ui::Rect& area, Intents& out) {
  const ui::Rect content = ui::header(ui, "menu.title");
  const float margin = ui.px(ui::design::kMargin);
  const float gap = ui.px(ui::design::kGap);
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const int columns = ui.byTextSize(3, 3, 2);
  auto measure = [&](size_t i, float w) { return ui::tileHeight(ui, kServices[i], w); };

  const Grid natural = layoutGrid(ui, kServices.size(), columns, area.w - 2 * margin, gap, measure);
  scroll_.begin(ui, "services", viewport, natural.height + 2 * margin);
  const Grid grid = layoutGrid(ui, kServices.size(), columns, scroll_.width() - 2 * margin, gap, measure);
  const ui::Vec2 o = scroll_.origin();
  for (size_t i = 0; i < kServices.size(); ++i) {
    const ui::Rect cell = grid.cells[i];
    if (ui::tile(ui, kServices[i], {o.x + margin + cell.x, o.y + margin + cell.y, cell.w, cell.h})) {
      out.push_back(ChooseService{kTargets[i]});
    }
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
