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
  const ui::Rect content = ui::header(ui, "login.title");
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kGap);
  const ui::Rect viewport{area.x, content.y, area.w, area.bottom() - content.y};
  const bool stacked = ui.textSizeStep() == ui::TextSizeStep::Largest;
  const float cardW = ui.px(ui::design::kLoginCardWidth);
  const float fullW = area.w - 2 * margin;
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
  const std::string& retry = ui.tr("login.try_again");
  const ui::Vec2 retrySize = ui::pillSize(ui, retry, 0, stepsW);
  std::vector<std::string> demoLabels;
  if (waiting) {
    for (const auto& [id, name] : citizen.demoCitizens) demoLabels.push_back(ui.format("login.demo_approve", {{"name", name}}));
  }
  float demoH = 0;
  for (const auto& label : demoLabels) demoH += ui::choiceHeight(ui, label, stepsW) + gap / 2;
  const std::string& staffLabel = ui.tr("login.staff_helps");
  const ui::Vec2 staffSize = ui::buttonSize(ui, staffLabel, ui::icon::kStaff, stepsW);
  const float columnH = stepsH + hintH + gap + staffSize.y + gap + statusH + gap + (ended ? retrySize.y + gap : 0) + demoH;

  const std::string codeHint = ui.tr("login.code_hint");
  const float qrSide = std::min(cardW - 2 * gap, ui.px(ui::design::kLoginQrMaxSide));
  const float cardH = waiting ? gap + qrSide + gap + ui::textHeight(ui, codeHint, FontRole::Hint, cardW - 2 * gap) +
                                    ui::textHeight(ui, citizen.verificationUri, FontRole::Hint, cardW - 2 * gap) +
                                    ui.text().lineHeight(FontRole::Title) + gap
                              : 0;
  const float contentH = stacked ? cardH + (waiting ? gap : 0) + columnH : std::max(cardH, columnH);

  scroll_.begin(ui, "login", viewport, contentH + 2 * margin);
  const ui::Vec2 o = scroll_.origin();
  const ui::Rect row{o.x + margin, o.y + margin, fullW, contentH};
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
  // Co-service: a staff member signs in beside the citizen and identifies them.
  if (ui::outlineButton(ui, "login.staff_helps", staffLabel, ui::icon::kStaff, ui.place({columnX, y, staffSize.x, staffSize.y}, row))) {
    out.push_back(StaffHelpsMe{});
  }
  y += staffSize.y + gap;
  y += ui::statusText(ui, "login-status", status, ui.place({columnX, y, stepsW, 0}, row)) + gap;
  if (ended) {
    if (ui::pillButton(ui, "login.try_again", retry, 0, ui.place({columnX, y, retrySize.x, retrySize.y}, row))) out.push_back(RetryLogin{});
    y += retrySize.y + gap;
  }
  for (size_t i = 0; i < demoLabels.size(); ++i) {
    const float h = ui::choiceHeight(ui, demoLabels[i], stepsW);
    if (ui::choiceButton(ui, "demo-approve-" + citizen.demoCitizens[i].first, demoLabels[i], ui.place({columnX, y, stepsW, h}, row))) {
      out.push_back(DemoApprove{citizen.demoCitizens[i].first});
    }
    y += h + gap / 2;
  }
  scroll_.end(ui);
}

}  // namespace kiosk::screens
