// Step 2: how to meet — in person, by phone or by video.

#include "kiosk/screens/book_form.h"
#include "kiosk/screens/booking_steps.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/screens/grid.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void BookContactForm::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const auto& forms = formWords();
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const int columns = ui.byTextSize(3, 3, 1);
  auto spec = [&](size_t i) { return ui::TileSpec{forms[i].key, forms[i].hintKey, forms[i].icon}; };
  const Grid grid = layoutGrid(ui, forms.size(), columns, width, gap, [&](size_t i, float w) { return ui::tileHeight(ui, spec(i), w); });
  const ui::Rect page = page_.begin(ui, {.key = "book.form_title", .shown = ui.tr("book.form_title"), .step = 2, .steps = kBookingSteps},
                                    area, grid.height);
  const auto chosen = context.citizen.draft.contactForm;
  for (size_t i = 0; i < forms.size(); ++i) {
    const ui::Rect cell = grid.cells[i];
    if (ui::tile(ui, spec(i), {page.x + cell.x, page.y + cell.y, cell.w, cell.h}, chosen == forms[i].form)) {
      out.push_back(PickContactForm{forms[i].form});
    }
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
