// Step 6: everything chosen, in one card, and one button that books it. "Booked" is shown only
// when the server confirmed; a time taken meanwhile offers the nearest free ones instead.

#include "kiosk/i18n/language_names.h"
#include "kiosk/screens/book_confirm.h"
#include "kiosk/screens/booking_steps.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void BookConfirm::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const BookingDraft& draft = citizen.draft;
  const Write& write = citizen.booking;

  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::vector<ui::CardSpec> lines;
  if (draft.slot) {
    lines.push_back({.id = "confirm-when", .title = whenText(ui, draft.slot->start), .icon = ui::icon::kWhen, .pressable = false});
    const auto form = draft.contactForm.value_or(domain::ContactForm::InPerson);
    std::string how = ui.tr(wordsFor(form).key);
    if (form == domain::ContactForm::InPerson && draft.slot->place) how += ": " + draft.slot->place->name + ", " + draft.slot->place->address;
    lines.push_back({.id = "confirm-how", .title = how, .icon = wordsFor(form).icon, .pressable = false});
    lines.push_back({.id = "confirm-who",
                     .title = ui.format("confirm.with", {{"name", draft.slot->consultantFirstName}}),
                     .icon = ui::icon::kInPerson,
                     .pressable = false});
    // This meeting's own deadlines, before booking it: never a surprise straight after.
    const auto once = draft.slot->onceBooked;
    std::string deadlines = changeDeadlineText(ui,
                                                 {.booked = false,
                                                  .movable = once == domain::ChangeOnceBooked::MoveAndCancel,
                                                  .cancellable = once != domain::ChangeOnceBooked::Neither,
                                                  .movableUntil = draft.slot->movableUntil,
                                                  .cancellableUntil = draft.slot->cancellableUntil});
    if (!deadlines.empty()) lines.push_back({.id = "confirm-deadlines", .title = std::move(deadlines), .icon = ui::icon::kMoveCancel, .pressable = false});
  }
  if (!draft.moving() && !draft.topics.empty()) {
    lines.push_back({.id = "confirm-topics", .title = topicsText(ui, draft.topics), .icon = ui::icon::kGuidance, .pressable = false});
  }
  if (!draft.interpreterLanguage.empty()) {
    lines.push_back({.id = "confirm-interpreter",
                     .title = ui.format("book.interpreter_language",
                                        {{"language", i18n::languageDisplayName(ui.language(), draft.interpreterLanguage)}}),
                     .icon = ui::icon::kInterpreter,
                     .pressable = false});
  }
  if (!draft.wishes.empty()) lines.push_back({.id = "confirm-wishes", .title = draft.wishes, .icon = ui::icon::kWishes, .pressable = false});

  std::string status;
  if (write.sending()) status = ui.tr("common.wait");
  else if (write.failed()) status = ui.tr(api::catalogKey(write.error));
  std::vector<ui::CardSpec> alternatives;
  for (const auto& s : write.alternatives) {
    ui::CardSpec alt{.id = "alternative." + s.id, .title = whenText(ui, s.start), .lines = {s.consultantFirstName}, .icon = ui::icon::kTime};
    if (s.afterDeadline) alt.lines.push_back(ui.tr("book.after_deadline"));
    alternatives.push_back(std::move(alt));
  }
  float contentH = 0;
  for (const auto& l : lines) contentH += ui::cardHeight(ui, l, width);
  const float statusH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  contentH += gap + statusH;
  for (const auto& a : alternatives) contentH += ui::cardHeight(ui, a, width) + gap / 2;

  const bool canConfirm = draft.slot && !write.sending() && write.error != api::ApiError::SlotTaken;
  // At the booking limit the one way on is to move the meeting the citizen already has.
  const bool offerMove = write.error == api::ApiError::BookingLimitReached && !write.existingBookings.empty();
  // Past a deadline (the meeting to move is too close now) trying again cannot help; staff can,
  // and are called with what the citizen was doing.
  const bool tooLate = write.error == api::ApiError::TooLateToMove || write.error == api::ApiError::TooLateToCancel;
  const std::string_view confirmKey = tooLate     ? "bookings.ask_staff"
                                      : offerMove ? "confirm.move_instead"
                                      : draft.moving() ? "confirm.move"
                                                       : (write.failed() ? "common.try_again" : "confirm.book");
  const std::string titleKey = draft.moving() ? "confirm.move_title" : "confirm.title";
  const ui::Rect page = page_.begin(ui, {.key = titleKey, .shown = ui.tr(titleKey), .step = bookingStep(draft, id()), .steps = bookingSteps(draft)},
                                    area, contentH,
                                    {.back = !write.sending(), .nextKey = confirmKey, .nextIcon = tooLate ? ui::icon::kHelp : ui::icon::kConfirmed, .nextEnabled = canConfirm || tooLate});
  // The summary reads as one card of lines, each with its pictogram.
  float y = page.y;
  for (auto& l : lines) {
    const float h = ui::cardHeight(ui, l, width);
    l.pressable = false;
    ui::PersonalData personal(ui.tree());
    ui::card(ui, l, {page.x, y, width, h});
    y += h;
  }
  y += gap;
  if (!status.empty()) y += ui::statusText(ui, "confirm-status", status, ui.place({page.x, y, width, 0}, page)) + gap;
  for (size_t i = 0; i < alternatives.size(); ++i) {
    const float h = ui::cardHeight(ui, alternatives[i], width);
    if (ui::card(ui, alternatives[i], {page.x, y, width, h})) out.push_back(PickSlot{write.alternatives[i]});
    y += h + gap / 2;
  }
  switch (page_.end(ui)) {
    case StepAction::Back: out.push_back(GoBack{}); break;
    case StepAction::Next:
      if (tooLate) out.push_back(AskStaff{domain::HelpReason::TooLateToChange});
      else if (offerMove) out.push_back(MoveExistingHere{});
      else out.push_back(ConfirmBooking{});
      break;
    case StepAction::None:
    case StepAction::More: break;
  }
}

}  // namespace kiosk::screens
