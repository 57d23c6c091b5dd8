#include "kiosk/screens/menu.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

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

// The jobcenter's message of the day; marked with its language's own name when it is not in the
// language the screen shows ("Dansk: ...").
std::string messageOfTheDay(const ui::Ui& ui, const JobcenterView& jobcenter) {
  if (jobcenter.message.empty() || jobcenter.messageLanguage == ui.language()) return jobcenter.message;
  const auto* language = ui.catalogs().languages().find(jobcenter.messageLanguage);
  return (language ? language->nativeName : jobcenter.messageLanguage) + ": " + jobcenter.message;
}

}  // namespace

void MainMenu::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const JobcenterView& jobcenter = context.jobcenter;
  ui::Rect content = ui::header(ui, "menu.title");
  const float margin = ui.px(ui::design::kMargin);
  const float gap = ui.px(ui::design::kGap);

  // Said on the menu, before anyone logs in: every errand here needs the booking system.
  const bool down = jobcenter.bookingSystemDown;
  const std::string message = messageOfTheDay(ui, jobcenter);
  const float textW = area.w - 2 * margin;
  for (const auto& [key, shown] : {std::pair<std::string, std::string>{"menu.booking_system_down", down ? ui.tr("menu.booking_system_down") : ""},
                                   std::pair<std::string, std::string>{"menu-message", message}}) {
    if (shown.empty()) continue;
    const float h = ui::textHeight(ui, shown, ui::FontRole::Body, textW);
    if (key == "menu-message") {
      const auto* language = ui.catalogs().languages().find(jobcenter.messageLanguage);
      ui::TextPath::DirectionScope direction(ui.text(), language ? language->direction : text::Direction::LeftToRight);
      ui::paragraph(ui, key, shown, ui::FontRole::Body, ui.colors().text, {area.x + margin, content.y + gap / 2, textW, h});
    } else {
      ui::statusText(ui, key, shown, {area.x + margin, content.y + gap / 2, textW, h}, ui::FontRole::Body);
    }
    content.y += h + gap / 2;
  }

  // Only the errands the jobcenter offers at this kiosk.
  std::vector<ui::TileSpec> tiles;
  std::vector<ScreenId> targets;
  for (size_t i = 0; i < kServices.size(); ++i) {
    if (!jobcenter.offersService(kTargets[i])) continue;
    ui::TileSpec tile = kServices[i];
    if (down) tile.hintKey = "menu.not_now.hint";
    tiles.push_back(tile);
    targets.push_back(kTargets[i]);
  }
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const int columns = ui.byTextSize(3, 3, 2);
  auto measure = [&](size_t i, float w) { return ui::tileHeight(ui, tiles[i], w); };

  const Grid natural = layoutGrid(ui, tiles.size(), columns, area.w - 2 * margin, gap, measure);
  scroll_.begin(ui, "services", viewport, natural.height + 2 * margin);
  const Grid grid = layoutGrid(ui, tiles.size(), columns, scroll_.width() - 2 * margin, gap, measure);
  const ui::Vec2 o = scroll_.origin();
  for (size_t i = 0; i < tiles.size(); ++i) {
    const ui::Rect cell = grid.cells[i];
    if (ui::tile(ui, tiles[i], {o.x + margin + cell.x, o.y + margin + cell.y, cell.w, cell.h})) {
      out.push_back(ChooseService{targets[i]});
    }
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
