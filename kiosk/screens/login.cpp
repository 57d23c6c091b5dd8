#include "kiosk/screens/login.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

struct Step {
  const char* key;
  char32_t icon;
};
constexpr Step kSteps[] = {{"login.step_scan", ui::icon::kQrCode}, {"login.step_mitid", ui::icon::kPhone}, {"login.step_wait", ui::icon::kConfirmed}};

}  // namespace

void LoginWithPhone::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const auto& c = ui.colors();
  const CitizenView& citizen = context.citizen;
  const float gap = ui.px(ui::design::kGap);
  // The code and the three steps stay side by side at every size: the steps say what to do
  // with the code, so neither may be scrolled away from the other.
  const bool stacked = false;
  const float cardW = ui.px(ui::design::kLoginCardWidth);
  const float fullW = StepPage::contentWidth(ui, area);
  const float stepsW = stacked ? fullW : fullW - cardW - 2 * gap;
  const float badge = ui.px(ui::design::kStepBadge);

  // Measure the right-hand column: steps, the no-smartphone hint, the status and its actions.
  const bool waiting = citizen.stage == LoginStage::WaitingForPhone;
  const bool ended = citizen.stage == LoginStage::Expired || citizen.stage == LoginStage::Denied || citizen.stage == LoginStage::Failed;
  std::string status;
  if (citizen.stage == LoginStage::Expired) status = ui.tr("login.expired");
  else if (citizen.stage == LoginStage::Denied) status = ui.tr("login.denied");
  else if (citizen.stage == LoginStage::Failed) status = ui.tr(api::catalogKey(citizen.error));
  else if (waiting) status = ui.tr("login.waiting");
  else status = ui.tr("login.starting");
  const float stepIcon = ui.text().fonts().size(FontRole::BarIcon);
  const float textW = stepsW - badge - stepIcon - 2 * gap;
  float stepsH = 0;
  for (const auto& step : kSteps) stepsH += std::max(badge, ui::textHeight(ui, ui.tr(step.key), FontRole::Body, textW)) + gap;
  const float hintH = ui::textHeight(ui, ui.tr("login.no_phone"), FontRole::Hint, stepsW);
  const float statusH = ui::textHeight(ui, status, FontRole::Label, stepsW);
  std::vector<std::string> demoLabels;
  if (waiting) {
    for (const auto& [id, name] : citizen.demoCitizens) demoLabels.push_back(ui.format("login.demo_approve", {{"name", name}}));
  }
  float demoH = 0;
  for (const auto& label : demoLabels) demoH += ui::choiceHeight(ui, label, stepsW) + gap / 2;
  const float columnH = stepsH + hintH + gap + statusH + gap + demoH;

  const std::string codeHint = ui.tr("login.code_hint");
  const float qrSide = std::min(cardW - 2 * gap, ui.px(ui::design::kLoginQrMaxSide));
  const float cardH = waiting ? gap + qrSide + gap + ui::textHeight(ui, codeHint, FontRole::Hint, cardW - 2 * gap) +
                                    ui::textHeight(ui, citizen.verificationUri, FontRole::Hint, cardW - 2 * gap) +
                                    ui.text().lineHeight(FontRole::Title) + gap
                              : 0;
  const float contentH = stacked ? cardH + (waiting ? gap : 0) + columnH : std::max(cardH, columnH);

  // Co-service (a staff member signs in beside the citizen) and "try again" are docked below.
  StepFooter footer{.back = false, .more = {{.key = "login.staff_helps", .icon = ui::icon::kStaff}}};
  if (ended) footer.nextKey = "login.try_again", footer.nextIcon = ui::icon::kForward;
  const ui::Rect row = page_.begin(ui, {.key = "login.title", .shown = ui.tr("login.title")}, area, contentH, footer);
  auto* list = ImGui::GetWindowDrawList();
  float columnX = row.x, columnY = row.y;
  if (waiting) {
    const ui::Rect card = ui.place({row.x, row.y, stacked ? fullW : cardW, cardH}, row);
    list->AddRectFilled(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), ui::packedColor(c.surface),
                        ui.px(ui::design::kRadius));
    list->AddRect(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), ui::packedColor(c.border),
                  ui.px(ui::design::kRadius), 0, ui.px(ui::design::kBorder));
    float y = card.y + gap;
    ui::qrCode(ui, "qr-code", citizen.qr, {card.x + (card.w - qrSide) / 2, y, qrSide, qrSide});
    y += qrSide + gap;
    const float innerW = std::min(card.w, cardW) - 2 * gap;
    const float innerX = card.x + (card.w - innerW) / 2;
    y += ui::paragraph(ui, "login.code_hint", codeHint, FontRole::Hint, c.mutedText, {innerX, y, innerW, 0}, ui::Align::Center);
    {
      // Addresses and codes read left to right in every language.
      ui::TextPath::DirectionScope ltr(ui.text(), text::Direction::LeftToRight);
      y += ui::paragraph(ui, "login-address", citizen.verificationUri, FontRole::Hint, c.text, {innerX, y, innerW, 0}, ui::Align::Center);
      ui::paragraph(ui, "user-code", citizen.userCode, FontRole::Title, c.text, {innerX, y, innerW, 0}, ui::Align::Center);
    }
    if (stacked) columnY = card.bottom() + gap;
    else columnX = row.x + cardW + 2 * gap;
  }
  float y = columnY;
  int number = 1;
  for (const auto& step : kSteps) {
    const std::string& text = ui.tr(step.key);
    const float h = std::max(badge, ui::textHeight(ui, text, FontRole::Body, textW));
    const ui::Rect badgeRect = ui.place({columnX, y + (h - badge) / 2, badge, badge}, row);
    list->AddCircleFilled(ImVec2(badgeRect.center().x, badgeRect.center().y), badge / 2, ui::packedColor(c.primary));
    const std::string digit = std::to_string(number++);
    ui.text().draw(*list, digit, FontRole::Label, c.onPrimary, badgeRect, ui::Align::Center, true);
    const ui::Rect iconRect = ui.place({columnX + badge + gap, y + (h - stepIcon) / 2, stepIcon, stepIcon}, row);
    ui::drawIcon(ui, FontRole::BarIcon, step.icon, iconRect.center(), c.primary);
    const float textX = columnX + badge + stepIcon + 2 * gap;
    ui::paragraph(ui, step.key, text, FontRole::Body, c.text, ui.place({textX, y + (h - ui::textHeight(ui, text, FontRole::Body, textW)) / 2, textW, 0}, row));
    y += h + gap;
  }
  y += ui::paragraph(ui, "login.no_phone", ui.tr("login.no_phone"), FontRole::Hint, c.mutedText, ui.place({columnX, y, stepsW, 0}, row)) + gap;
  y += ui::statusText(ui, "login-status", status, ui.place({columnX, y, stepsW, 0}, row)) + gap;
  for (size_t i = 0; i < demoLabels.size(); ++i) {
    const float h = ui::choiceHeight(ui, demoLabels[i], stepsW);
    if (ui::choiceButton(ui, "demo-approve-" + citizen.demoCitizens[i].first, demoLabels[i], ui.place({columnX, y, stepsW, h}, row))) {
      out.push_back(DemoApprove{citizen.demoCitizens[i].first});
    }
    y += h + gap / 2;
  }
  switch (page_.end(ui)) {
    case StepAction::Next: out.push_back(RetryLogin{}); break;
    case StepAction::More: out.push_back(StaffHelpsMe{}); break;
    case StepAction::Back:
    case StepAction::None: break;
  }
}

}  // namespace kiosk::screens
