#include "kiosk/screens/admin_pin.h"

#include <algorithm>

#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

constexpr size_t kMaxDigits = 12;  // services::isAcceptableAdminPin: 6 to 12 digits

// What the pad says under the dots.
std::string padStatus(const ui::Ui& ui, const AdminView& admin) {
  switch (admin.pad) {
    case AdminView::Pad::Ready: return ui.tr("admin.pin.hint");
    case AdminView::Pad::Checking: return ui.tr("admin.pin.checking");
    case AdminView::Pad::Wrong: return ui.format("admin.pin.wrong", {{"tries", int64_t{admin.triesLeft}}});
    case AdminView::Pad::Locked: return ui.format("admin.pin.locked", {{"time", admin.lockedUntil}});
    case AdminView::Pad::NoPin: return ui.tr("admin.pin.no_pin");
  }
  return {};
}

}  // namespace

void AdminPin::wipe() {
  std::fill(typed_.begin(), typed_.end(), '\0');
  typed_.clear();
}

void AdminPin::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const AdminView& admin = context.admin;
  const float gap = ui.px(ui::design::kGap);
  const bool usable = admin.pad == AdminView::Pad::Ready || admin.pad == AdminView::Pad::Wrong;

  // Three columns of keys, as on a phone; the column is as wide as three keys.
  // As wide as "erase" and "open" need in every language, at least the design's key.
  const float fit = std::max(ui::buttonSize(ui, ui.tr("admin.pin.erase"), ui::icon::kBack, area.w / 4).x,
                             ui::buttonSize(ui, ui.tr("admin.pin.open"), ui::icon::kForward, area.w / 4).x);
  const float key = std::max(ui.px(ui::design::kAdminPinKey) * std::min(1.5f, ui.textScale()), fit);
  const float keyH = std::max({ui.px(ui::design::kMinTarget), key * 0.6f, ui::choiceHeight(ui, "0", key)});
  const float width = 3 * key + 2 * gap;
  std::string shownDots;
  for (size_t i = 0; i < typed_.size(); ++i) shownDots += "\u25CF ";  // one dot per digit, never the digit
  const std::string status = padStatus(ui, admin);
  const float dotsH = ui::textHeight(ui, "\u25CF", FontRole::Title, width);
  const float statusW = std::max(width, std::min(area.w - 2 * ui.px(ui::design::kMargin), ui.px(ui::design::kReadingWidth)));
  const float statusH = ui::textHeight(ui, status, FontRole::Label, statusW);
  const float total = dotsH + gap + statusH + gap + 4 * keyH + 3 * gap;
  // "Close" is docked in the footer: in view however tall the pad grows.
  const StepFooter footer{.back = false, .more = {{.key = "admin.close", .icon = ui::icon::kBack}}};
  const ui::Rect page = page_.begin(ui, {.key = "admin.pin.title", .shown = ui.tr("admin.pin.title")}, area, total, footer);
  const float left = page.x + (page.w - width) / 2;
  float y = page.y;

  // The dots' line keeps its place while empty, so the pad does not jump at the first digit.
  if (!shownDots.empty()) ui::paragraph(ui, "admin-pin-dots", shownDots, FontRole::Title, ui.colors().text, {left, y, width, dotsH}, ui::Align::Center);
  y += dotsH + gap;
  ui::paragraph(ui, "admin-pin-status", status, FontRole::Label, ui.colors().text, {page.x + (page.w - statusW) / 2, y, statusW, statusH},
                ui::Align::Center, ui::Role::Status);
  y += statusH + gap;

  static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "open"};
  for (int i = 0; i < 12; ++i) {
    const ui::Rect r{left + static_cast<float>(i % 3) * (key + gap), y + static_cast<float>(i / 3) * (keyH + gap), key, keyH};
    const std::string k = kKeys[i];
    if (k == "erase") {
      if (ui::outlineButton(ui, "admin.pin.erase", ui.tr("admin.pin.erase"), ui::icon::kBack, r, {.enabled = usable && !typed_.empty(), .inContent = true}) && !typed_.empty()) {
        typed_.back() = '\0';
        typed_.pop_back();
      }
    } else if (k == "open") {
      const bool ready = usable && typed_.size() >= 6;
      if (ui::primaryButton(ui, "admin.pin.open", ui.tr("admin.pin.open"), ui::icon::kForward, r, {.enabled = ready, .inContent = true}) && ready) {
        out.push_back(SubmitAdminPin{typed_});
        wipe();
      }
    } else if (ui::choiceButton(ui, "pin-key-" + k, k, r) && usable && typed_.size() < kMaxDigits) {
      typed_ += k;
    }
  }
  if (page_.end(ui) == StepAction::More) {
    wipe();
    out.push_back(StartOver{});
  }
}

}  // namespace kiosk::screens
