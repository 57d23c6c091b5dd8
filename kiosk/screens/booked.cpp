#include "kiosk/screens/booked.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/i18n/date_format.h"
#include "kiosk/screens/booking_words.h"
#include "kiosk/services/appointment_card.h"
#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {

void Booked::onEnter(const ScreenContext& context) {
  const auto& booking = context.citizen.confirmed;
  if (booking && booking->status != domain::BookingStatus::Cancelled) {
    calendar_ = ui::encodeQr(services::appointmentCalendarEntry(*booking, context.catalogs, context.preferences.language,
                                                                std::string(context.jobcenterName)));
  }
}

void Booked::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  if (!citizen.confirmed) {
    ui::header(ui, "booked.title");
    return;
  }
  const domain::Booking& b = *citizen.confirmed;
  const bool cancelled = b.status == domain::BookingStatus::Cancelled;
  const std::string titleKey = cancelled ? "booked.cancelled_title" : (citizen.draft.moving() ? "booked.moved_title" : "booked.title");
  const auto& c = ui.colors();
  const float gap = ui.px(ui::design::kGap);
  const float fullW = StepPage::contentWidth(ui, area);
  const bool stacked = ui.textSizeStep() >= ui::TextSizeStep::Large || cancelled;
  const float qrW = cancelled ? 0 : ui.px(ui::design::kReceiptQrWidth);
  const float cardW = stacked ? fullW : fullW - qrW - gap;

  struct Line {
    std::string key, text;
    char32_t icon;
  };
  std::vector<Line> lines;
  lines.push_back({"booked-when", whenText(ui, b.start), ui::icon::kWhen});
  // A place gets the map pin; a phone or video meeting the pictogram of how it is held.
  lines.push_back({"booked-where", whereText(ui, b), b.contactForm == domain::ContactForm::InPerson ? ui::icon::kPlace : wordsFor(b.contactForm).icon});
  lines.push_back({"booked-who", ui.format("confirm.with", {{"name", b.consultantFirstName}}), ui::icon::kInPerson});
  lines.push_back({"booked.reference", ui.format("booked.reference", {{"reference", b.reference}}), ui::icon::kCode});
  if (!cancelled) lines.push_back({"booked.joblog_reminder", ui.tr("booked.joblog_reminder"), ui::icon::kJoblog});
  // Cancelled: the rule still holds, so say by when a meeting is still needed.
  if (cancelled && citizen.summary && !citizen.summary->nextRequiredContact.empty()) {
    lines.push_back({"booked.still_required",
                     ui.format("booked.still_required", {{"date", i18n::formatIsoDate(ui.language(), citizen.summary->nextRequiredContact)}}),
                     ui::icon::kBook});
  }
  const float icon = ui.text().fonts().size(FontRole::BarIcon);
  const float textW = cardW - 3 * gap - icon - gap;
  const std::string& confirmedWord = ui.tr(cancelled ? "booked.cancelled" : "booked.confirmed");
  float cardH = 2 * gap + std::max(icon, ui::textHeight(ui, confirmedWord, FontRole::Title, textW)) + gap;
  for (const auto& l : lines) cardH += std::max(icon, ui::textHeight(ui, l.text, FontRole::Body, textW)) + gap;
  std::string printStatus;
  switch (citizen.printing) {
    case CitizenView::Printing::Printing: printStatus = ui.tr("booked.printing"); break;
    case CitizenView::Printing::Printed: printStatus = ui.tr("booked.printed"); break;
    case CitizenView::Printing::Failed: printStatus = ui.tr("booked.print_failed"); break;
    case CitizenView::Printing::Idle: break;
  }
  cardH += printStatus.empty() ? 0 : ui::textHeight(ui, printStatus, FontRole::Body, textW) + gap;
  const std::string& scanHint = ui.tr("booked.scan_hint");
  const float qrSide = std::min(qrW - 2 * gap, ui.px(ui::design::kReceiptQrMaxSide));
  const float qrCardH = cancelled ? 0 : gap + qrSide + gap + ui::textHeight(ui, scanHint, FontRole::Body, qrW - 2 * gap) + gap;
  const float contentH = stacked ? cardH + (cancelled ? 0 : gap + qrCardH) : std::max(cardH, qrCardH);

  // Print and home are docked under the receipt: in view at every text size. Logging out is the
  // bar's, as on every screen of a logged-in citizen.
  StepFooter footer{.back = false, .more = {{.key = "common.to_home", .icon = ui::icon::kBack}}};
  if (!cancelled) footer.nextKey = "booked.print", footer.nextIcon = ui::icon::kPrint;
  const ui::Rect row = page_.begin(ui, {.key = titleKey, .shown = ui.tr(titleKey)}, area, contentH, footer);
  auto* list = ImGui::GetWindowDrawList();
  auto box = [&](const ui::Rect& r) {
    list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), ui::packedColor(c.surface), ui.px(ui::design::kRadius));
    list->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), ui::packedColor(c.border), ui.px(ui::design::kRadius), 0,
                  ui.px(ui::design::kBorder));
  };
  const ui::Rect cardRect = ui.place({row.x, row.y, cardW, cardH}, row);
  box(cardRect);
  const float x = cardRect.x + 2 * gap;
  const ui::Rect inner{x, cardRect.y, cardW - 4 * gap, cardH};
  float y = cardRect.y + 2 * gap;
  {
    const float h = std::max(icon, ui::textHeight(ui, confirmedWord, FontRole::Title, textW));
    ui::drawIcon(ui, FontRole::BarIcon, cancelled ? ui::icon::kCancel : ui::icon::kConfirmed, ui.place({x, y, icon, h}, inner).center(), c.primary);
    ui::paragraph(ui, cancelled ? "booked.cancelled" : "booked.confirmed", confirmedWord, FontRole::Title, c.text, ui.place({x + icon + gap, y, textW, h}, inner));
    y += h + gap;
  }
  for (const auto& l : lines) {
    const float h = std::max(icon, ui::textHeight(ui, l.text, FontRole::Body, textW));
    ui::drawIcon(ui, FontRole::BarIcon, l.icon, ui.place({x, y, icon, h}, inner).center(), c.primary);
    ui::PersonalData personal(ui.tree());
    ui::paragraph(ui, l.key, l.text, FontRole::Body, c.text, ui.place({x + icon + gap, y, textW, h}, inner));
    y += h + gap;
  }
  if (!printStatus.empty()) {
    y += ui::statusText(ui, "print-status", printStatus, ui.place({x + icon + gap, y, textW, 0}, inner), FontRole::Body) + gap;
  }

  if (!cancelled) {
    const ui::Rect qrCard = ui.place(stacked ? ui::Rect{row.x, row.y + cardH + gap, fullW, qrCardH} : ui::Rect{row.x + cardW + gap, row.y, qrW, qrCardH}, row);
    box(qrCard);
    ui::qrCode(ui, "calendar-qr", calendar_, {qrCard.center().x - qrSide / 2, qrCard.y + gap, qrSide, qrSide});
    const float hintW = std::min(qrCard.w, qrW) - 2 * gap;
    ui::paragraph(ui, "booked.scan_hint", scanHint, FontRole::Body, c.text, {qrCard.center().x - hintW / 2, qrCard.y + 2 * gap + qrSide, hintW, 0},
                  ui::Align::Center);
  }
  switch (page_.end(ui)) {
    case StepAction::Next: out.push_back(PrintCard{}); break;
    case StepAction::More: out.push_back(ToHome{}); break;
    case StepAction::Back:
    case StepAction::None: break;
  }
}

}  // namespace kiosk::screens
