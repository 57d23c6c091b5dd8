// Step 3: who to meet — "no preference" first, then the consultants who meet in the chosen way
// and know the chosen topics, each with the languages they speak and what they help with.

#include <algorithm>

#include "kiosk/i18n/language_names.h"
#include "kiosk/screens/book_consultant.h"
#include "kiosk/screens/booking_steps.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

bool suits(const domain::Consultant& c, const BookingDraft& draft) {
  if (draft.contactForm && std::find(c.contactForms.begin(), c.contactForms.end(), *draft.contactForm) == c.contactForms.end()) return false;
  if (draft.topics.empty()) return true;
  return std::any_of(draft.topics.begin(), draft.topics.end(),
                     [&](const auto& t) { return std::find(c.competences.begin(), c.competences.end(), t) != c.competences.end(); });
}

}  // namespace

void BookConsultant::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::vector<ui::CardSpec> cards;
  std::vector<std::string> ids;
  ui::CardSpec anyone{
      .id = "consultant.any", .title = ui.tr("book.no_preference"), .lines = {ui.tr("book.no_preference.hint")}, .icon = ui::icon::kAnyone};
  anyone.selected = citizen.draft.consultantId && citizen.draft.consultantId->empty();
  cards.push_back(anyone);
  ids.emplace_back();
  if (citizen.consultants.ready()) {
    for (const auto& c : *citizen.consultants.value) {
      if (!suits(c, citizen.draft)) continue;
      std::string languages;
      for (const auto& code : c.languages) languages += (languages.empty() ? "" : ", ") + i18n::languageDisplayName(ui.language(), code);
      ui::CardSpec spec{.title = c.firstName, .icon = ui::icon::kInPerson};
      spec.lines.push_back(ui.format("book.speaks", {{"languages", languages}}));
      spec.lines.push_back(ui.format("book.helps_with", {{"topics", topicsText(ui, c.competences)}}));
      spec.selected = citizen.draft.consultantId == c.id;
      cards.push_back(spec);
      ids.push_back(c.id);
    }
  }
  const std::string status = remoteStatus(ui, citizen.consultants);
  const float statusH = status.empty() ? 0 : ui::textHeight(ui, status, ui::FontRole::Label, width) + gap;
  const int columns = ui.byTextSize(2, 1, 1);
  const float cardW = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  std::vector<std::string> cardIds;
  for (size_t i = 0; i < cards.size(); ++i) cardIds.push_back(i == 0 ? "consultant.any" : "consultant." + ids[i]);
  for (size_t i = 0; i < cards.size(); ++i) cards[i].id = cardIds[i];
  // Rows of equal height.
  std::vector<float> rowH;
  for (size_t i = 0; i < cards.size(); i += static_cast<size_t>(columns)) {
    float h = 0;
    for (size_t j = i; j < std::min(cards.size(), i + static_cast<size_t>(columns)); ++j) h = std::max(h, ui::cardHeight(ui, cards[j], cardW));
    rowH.push_back(h);
  }
  float contentH = statusH;
  for (float h : rowH) contentH += h + gap;

  const ui::Rect page = page_.begin(ui, {.key = "book.consultant_title", .shown = ui.tr("book.consultant_title"), .step = 3, .steps = kBookingSteps},
                                    area, contentH);
  float y = page.y;
  if (!status.empty()) y += ui::statusText(ui, "book-status", status, {page.x, y, width, 0}) + gap;
  for (size_t i = 0; i < cards.size(); ++i) {
    const size_t row = i / static_cast<size_t>(columns), col = i % static_cast<size_t>(columns);
    const ui::Rect r = ui.place({page.x + static_cast<float>(col) * (cardW + gap), y, cardW, rowH[row]}, page);
    if (ui::card(ui, cards[i], r)) out.push_back(PickConsultant{ids[i]});
    if (col + 1 == static_cast<size_t>(columns) || i + 1 == cards.size()) y += rowH[row] + gap;
  }
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
