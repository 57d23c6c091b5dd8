#include "kiosk/screens/help.h"

#include "kiosk/i18n/language_names.h"
#include "kiosk/screens/grid.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

struct Reason {
  domain::HelpReason reason;
  std::string_view key;
  char32_t icon;
};
constexpr Reason kReasons[] = {
    {domain::HelpReason::Interpreter, "help.interpreter", ui::icon::kInterpreter},
    {domain::HelpReason::CannotRead, "help.cannot_read", ui::icon::kCannotRead},
    {domain::HelpReason::PhysicalHelp, "help.physical", ui::icon::kPhysicalHelp},
    {domain::HelpReason::Other, "help.other", ui::icon::kHelp},
};

}  // namespace

void StaffHelp::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const auto& c = ui.colors();
  // Without a booking system the kiosk cannot call anyone: it sends the citizen to the desk.
  if (!citizen.apiAvailable || citizen.help.done()) {
    // Once a staff member took the call, the citizen is told who is coming.
    const bool named = citizen.help.done() && !citizen.helpTakenBy.empty();
    const std::string_view bodyKey = named ? "help.on_the_way" : citizen.help.done() ? "help.coming" : "help.body";
    const std::string body = named ? ui.format("help.on_the_way", {{"name", citizen.helpTakenBy}}) : ui.tr(bodyKey);
    const float iconH = ui.text().fonts().size(FontRole::TileIcon);
    const float contentH = iconH + gap + ui::textHeight(ui, body, FontRole::Label, width);
    const ui::Rect page = page_.begin(ui, {.key = "help.title", .shown = ui.tr("help.title")}, area, contentH);
    ui::drawIcon(ui, FontRole::TileIcon, citizen.help.done() ? ui::icon::kStaff : ui::icon::kHelp, {page.center().x, page.y + iconH / 2}, c.primary);
    ui::paragraph(ui, bodyKey, body, FontRole::Label, c.text, {page.x, page.y + iconH + gap, width, 0}, ui::Align::Center);
    if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
    return;
  }
  const std::string& question = ui.tr("help.why");
  std::string status;
  if (citizen.help.sending()) status = ui.tr("common.wait");
  else if (citizen.help.failed()) status = ui.tr(api::catalogKey(citizen.help.error)) + " " + ui.tr("help.body");
  // The interpreter is for the language on screen: nobody has to say which.
  const bool source = ui.language() == context.catalogs.languages().sourceCode;
  auto label = [&](const Reason& r) {
    if (r.reason != domain::HelpReason::Interpreter) return ui.tr(r.key);
    if (source) return ui.tr("book.interpreter");  // "an interpreter in Danish" helps nobody
    return ui.format("help.interpreter", {{"language", i18n::languageDisplayName(ui.language(), ui.language())}});
  };
  const int columns = ui.byTextSize(2, 2, 1);
  std::vector<ui::CardSpec> cards;
  for (const auto& r : kReasons) cards.push_back({.id = std::string(r.key), .title = label(r), .icon = r.icon, .enabled = !citizen.help.sending()});
  const Grid grid = layoutGrid(ui, cards.size(), columns, width, gap, [&](size_t i, float w) { return ui::cardHeight(ui, cards[i], w) + ui.px(ui::design::kHelpReasonExtra); });
  const float questionH = ui::textHeight(ui, question, FontRole::Label, width);
  const float statusH = status.empty() ? 0 : ui::textHeight(ui, status, FontRole::Label, width) + gap;
  const ui::Rect page = page_.begin(ui, {.key = "help.title", .shown = ui.tr("help.title")},
                                    area, questionH + gap + grid.height + gap + statusH);
  float y = page.y;
  y += ui::paragraph(ui, "help.why", question, FontRole::Label, c.text, ui.place({page.x, y, width, 0}, page)) + gap;
  for (size_t i = 0; i < cards.size(); ++i) {
    const ui::Rect cell = grid.cells[i];
    if (ui::card(ui, cards[i], {page.x + cell.x, y + cell.y, cell.w, cell.h})) out.push_back(CallStaff{kReasons[i].reason});
  }
  y += grid.height + gap;
  if (!status.empty()) ui::statusText(ui, "help-status", status, ui.place({page.x, y, width, 0}, page));
  if (page_.end(ui) == StepAction::Back) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
