// Step 1: what the meeting is about — one or more topics, so the consultant can prepare.

#include <algorithm>

#include "kiosk/screens/book_topics.h"
#include "kiosk/screens/booking_steps.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/grid.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void BookTopics::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  const auto& picked = citizen.draft.topics;
  // The server says which topics this jobcenter offers; the kiosk has the words and pictograms.
  std::vector<ui::TileSpec> tiles;
  for (const auto& t : topicWords()) {
    const bool offered = !citizen.topics.ready() ||
                         std::any_of(citizen.topics.value->begin(), citizen.topics.value->end(), [&](const auto& o) { return o.id == t.id; });
    if (offered) tiles.push_back({t.key, "", t.icon});
  }
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const int columns = ui.byTextSize(3, 3, 2);
  const std::string status = remoteStatus(ui, citizen.topics);
  const std::string& hint = ui.tr("book.topics_hint");
  const float hintH = ui::textHeight(ui, hint, ui::FontRole::Body, width);
  auto measure = [&](size_t i, float w) { return ui::tileContentHeight(ui, tiles[i], w); };
  const Grid grid = layoutGrid(ui, tiles.size(), columns, width, gap, measure);
  const float statusH = status.empty() ? 0 : ui::textHeight(ui, status, ui::FontRole::Label, width) + gap;
  const float contentH = hintH + gap + statusH + (citizen.topics.ready() ? grid.height : 0);

  StepFooter footer{.nextKey = "common.next", .nextIcon = ui::icon::kForward, .nextEnabled = !picked.empty()};
  const ui::Rect page = page_.begin(ui, {.key = "book.topics_title", .shown = ui.tr("book.topics_title"), .step = 1, .steps = kBookingSteps},
                                    area, contentH, footer);
  float y = page.y;
  y += ui::paragraph(ui, "book.topics_hint", hint, ui::FontRole::Body, ui.colors().text, {page.x, y, width, 0}) + gap;
  if (!status.empty()) y += ui::statusText(ui, "book-status", status, {page.x, y, width, 0}) + gap;
  if (citizen.topics.ready()) {
    for (size_t i = 0; i < tiles.size(); ++i) {
      const ui::Rect cell = grid.cells[i];
      const TopicWords& t = *std::find_if(topicWords().begin(), topicWords().end(), [&](const auto& w) { return w.key == tiles[i].key; });
      const bool on = std::find(picked.begin(), picked.end(), t.id) != picked.end();
      if (ui::tile(ui, tiles[i], {page.x + cell.x, y + cell.y, cell.w, cell.h}, on)) out.push_back(ToggleTopic{std::string(t.id)});
    }
  }
  switch (page_.end(ui)) {
    case StepAction::Back: out.push_back(GoBack{}); break;
    case StepAction::Next: out.push_back(Next{}); break;
    case StepAction::None:
    case StepAction::More: break;
  }
}

}  // namespace kiosk::screens
