// Step 5 (optional): the citizen's own wishes for the meeting, and "I need an interpreter" in the
// language the kiosk is showing — so nobody has to ask for what the kiosk already knows.

#include "kiosk/i18n/language_names.h"
#include "kiosk/screens/book_wishes.h"

#include <algorithm>
#include "kiosk/screens/booking_steps.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void BookWishes::onEnter(const ScreenContext& context) {
  wishes_.value = context.citizen.draft.wishes;
  wishes_.maxBytes = 1000;
  interpreter_ = !context.citizen.draft.interpreterLanguage.empty();
  keyboard_ = ui::keyboardFor(context.preferences.language);
  typing_ = !wishes_.value.empty();
}

void BookWishes::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const std::string& language = context.preferences.language;
  // Danish on screen: the meeting is in Danish; an interpreter is asked for at the desk.
  const bool offerInterpreter = language != context.catalogs.languages().sourceCode;

  ui::CardSpec write{
      .id = "book.write_wish", .title = ui.tr("book.write_wish"), .lines = {ui.tr("book.write_wish.hint")}, .icon = ui::icon::kWishes};
  ui::CardSpec interpreter{.id = "book.interpreter",
                           .title = ui.tr("book.interpreter"),
                           .lines = {ui.format("book.interpreter_language", {{"language", i18n::languageDisplayName(language, language)}})},
                           .icon = ui::icon::kInterpreter};
  if (!wishes_.value.empty()) write.lines = {wishes_.value};
  interpreter.selected = interpreter_;
  float contentH = 0;
  if (offerInterpreter) contentH += ui::cardHeight(ui, interpreter, width) + gap;
  // Typing, the field and its keyboard are docked above the footer: in view at every size.
  const float fieldH = ui::textFieldHeight(ui, wishes_, width);
  const float keyboardH = ui::keyboardHeight(ui, keyboard_, width);
  if (typing_) {
    contentH += ui::textHeight(ui, ui.tr("book.write_wish"), FontRole::Label, width) + gap / 2;
  } else {
    contentH += ui::cardHeight(ui, write, width);
  }

  const ui::Rect page = page_.begin(ui, {.key = "book.wishes_title", .shown = ui.tr("book.wishes_title"), .step = 5, .steps = kBookingSteps},
                                    area, contentH,
                                    {.nextKey = "common.next",
                                     .nextIcon = ui::icon::kForward,
                                     .dock = typing_ ? DockSpec{.fieldH = fieldH, .keyboardH = keyboardH, .keyboardMinH = ui::keyboardMinHeight(ui, keyboard_, width), .field = &wishes_}
                                                     : DockSpec{}});
  float y = page.y;
  if (offerInterpreter) {
    const float h = ui::cardHeight(ui, interpreter, width);
    if (ui::card(ui, interpreter, {page.x, y, width, h})) interpreter_ = !interpreter_;
    y += h + gap;
  }
  if (typing_) {
    ui::paragraph(ui, "book.write_wish", ui.tr("book.write_wish"), FontRole::Label, ui.colors().text, ui.place({page.x, y, width, 0}, page));
  } else {
    const float h = ui::cardHeight(ui, write, width);
    if (ui::card(ui, write, {page.x, y, width, h})) typing_ = true;
  }
  auto drawDock = [&] {
    ui::textField(ui, "wishes-field", wishes_, page_.dock().field, true);
    if (ui::keyboard(ui, keyboard_, wishes_, page_.dock().keyboard)) typing_ = false;
  };
  const bool typed = typing_;
  if (typed && !page_.docked()) drawDock();
  const StepAction action = page_.end(ui);
  if (typed && page_.docked()) drawDock();
  switch (action) {
    case StepAction::Back: out.push_back(GoBack{}); break;
    case StepAction::Next:
      out.push_back(SetWishes{wishes_.value, interpreter_ && offerInterpreter ? language : std::string()});
      out.push_back(Next{});
      break;
    case StepAction::None:
    case StepAction::More: break;
  }
}

}  // namespace kiosk::screens
