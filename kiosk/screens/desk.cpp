#include "kiosk/screens/desk.h"

#include <optional>

#include "kiosk/screens/booking_words.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::screens {
namespace {

// Shared by the three screens: a question, a field with its keyboard, a status line.
struct TypingLayout {
  float hintH, fieldH, keyboardH, statusH;
  float total(float gap) const { return hintH + gap + fieldH + gap + keyboardH + (statusH > 0 ? gap + statusH : 0); }
};

TypingLayout measureTyping(ui::Ui& ui, const std::string& hint, const ui::TextFieldState& field, const ui::KeyboardState& keyboard,
                           const std::string& status, float width) {
  return {ui::textHeight(ui, hint, ui::FontRole::Body, width), ui::textFieldHeight(ui, field, width), ui::keyboardHeight(ui, keyboard, width),
          status.empty() ? 0 : ui::textHeight(ui, status, ui::FontRole::Label, width)};
}

// Returns true when Enter was pressed (on the keyboard, a physical one or a scanner).
bool drawTyping(ui::Ui& ui, const ui::Rect& page, const TypingLayout& l, std::string_view hintKey, const std::string& hint,
                std::string_view fieldKey, ui::TextFieldState& field, ui::KeyboardState& keyboard, const std::string& status) {
  const float gap = ui.px(ui::design::kGap);
  const auto& c = ui.colors();
  float y = page.y;
  ui::paragraph(ui, hintKey, hint, ui::FontRole::Body, c.text, ui.place({page.x, y, page.w, l.hintH}, page));
  y += l.hintH + gap;
  bool enter = ui::textField(ui, fieldKey, field, {page.x, y, page.w, l.fieldH}, true);
  y += l.fieldH + gap;
  if (!status.empty()) {
    ui::statusText(ui, std::string(fieldKey) + ".status", status, ui.place({page.x, y, page.w, l.statusH}, page));
    y += l.statusH + gap;
  }
  enter = ui::keyboard(ui, keyboard, field, {page.x, y, page.w, l.keyboardH}) || enter;
  return enter;
}

}  // namespace

// [SECTION] Check-in

void CheckIn::onEnter(const ScreenContext& context) {
  code_.maxBytes = 16;
  keyboard_.layout = ui::KeyboardLayout::Danish;  // booking codes are letters and digits
  (void)context;
}

void CheckIn::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  using ui::FontRole;
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  const auto& c = ui.colors();
  if (sent_ && citizen.checkIn.ready()) {
    // Checked in: who to wait for, and where. The code or number typed is gone.
    const domain::CheckIn& done = *citizen.checkIn.value;
    std::vector<ui::CardSpec> lines{
        {"checkin-done", ui.format(done.alreadyCheckedIn ? "checkin.already" : "checkin.welcome", {{"name", done.firstName}}), {}, ui::icon::kConfirmed},
        {"checkin-when", whenText(ui, done.start), {ui.format("confirm.with", {{"name", done.consultantFirstName}})}, ui::icon::kWhen},
        {"checkin-wait", ui.tr("checkin.take_a_seat"), {}, ui::icon::kWaiting},
    };
    if (done.place) lines.insert(lines.begin() + 2, ui::CardSpec{"checkin-where", done.place->name, {done.place->address}, ui::icon::kPlace});
    float contentH = 0;
    for (auto& l : lines) {
      l.pressable = false;
      contentH += ui::cardHeight(ui, l, width);
    }
    const ui::Rect page = page_.begin(ui, "checkin.done_title", ui.tr("checkin.done_title"), 0, 0, area, contentH,
                                      {false, "common.done", ui::icon::kConfirmed, true});
    float y = page.y;
    for (const auto& l : lines) {
      const float h = ui::cardHeight(ui, l, width);
      std::optional<ui::PersonalData> personal;
      if (l.id != "checkin-wait") personal.emplace(ui.tree());
      ui::card(ui, l, {page.x, y, width, h});
      y += h;
    }
    if (page_.end(ui) == StepAction::Next) out.push_back(StartOver{});
    return;
  }
  std::string status;
  if (citizen.checkIn.loading()) status = ui.tr("common.wait");
  else if (sent_ && citizen.checkIn.failed()) {
    status = ui.tr(citizen.checkIn.error == api::ApiError::NotFound ? "checkin.not_found" : api::catalogKey(citizen.checkIn.error));
  }
  const std::string& hint = ui.tr("checkin.hint");
  const TypingLayout l = measureTyping(ui, hint, code_, keyboard_, status, width);
  const ui::Rect page = page_.begin(ui, "checkin.title", ui.tr("checkin.title"), 0, 0, area, l.total(gap),
                                    {true, "checkin.confirm", ui::icon::kCheckIn, !code_.value.empty() && !citizen.checkIn.loading()});
  const bool enter = drawTyping(ui, page, l, "checkin.hint", hint, "checkin-code", code_, keyboard_, status);
  const StepAction action = page_.end(ui);
  if ((enter || action == StepAction::Next) && !code_.value.empty() && !citizen.checkIn.loading()) {
    out.push_back(CheckInWith{code_.value});
    code_.value.assign(code_.value.size(), '\0');
    code_.value.clear();
    sent_ = true;
  }
  if (action == StepAction::Back) out.push_back(GoBack{});
  (void)c;
}

// [SECTION] Co-service

void StaffLogin::onEnter(const ScreenContext&) {
  number_.maxBytes = 12;
  pin_.maxBytes = 12;
  pin_.masked = true;
  pin_.digitsOnly = true;
  keyboard_.layout = ui::KeyboardLayout::Danish;
}

void StaffLogin::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  if (citizen.staffLogin.done() && citizen.assisted()) {
    out.push_back(GoTo{ScreenId::AssistedCitizen});
    return;
  }
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::string status;
  if (citizen.staffLogin.sending()) status = ui.tr("common.wait");
  else if (citizen.staffLogin.failed()) status = ui.tr(api::catalogKey(citizen.staffLogin.error));
  ui::TextFieldState& field = onPin_ ? pin_ : number_;
  const std::string& hint = ui.tr(onPin_ ? "staff.pin_hint" : "staff.number_hint");
  const TypingLayout l = measureTyping(ui, hint, field, keyboard_, status, width);
  const bool ready = onPin_ ? pin_.value.size() >= 4 : !number_.value.empty();
  const ui::Rect page = page_.begin(ui, "staff.title", ui.tr("staff.title"), onPin_ ? 2 : 1, 2, area, l.total(gap),
                                    {true, onPin_ ? "staff.sign_in" : "common.next", ui::icon::kForward, ready && !citizen.staffLogin.sending()});
  const bool enter = drawTyping(ui, page, l, onPin_ ? "staff.pin_hint" : "staff.number_hint", hint, onPin_ ? "staff-pin" : "staff-number", field,
                                keyboard_, status);
  const StepAction action = page_.end(ui);
  if ((enter || action == StepAction::Next) && ready) {
    if (!onPin_) {
      onPin_ = true;
    } else {
      out.push_back(StaffSignIn{number_.value, pin_.value});
      pin_.value.assign(pin_.value.size(), '\0');
      pin_.value.clear();
    }
  }
  if (action == StepAction::Back) {
    if (onPin_) onPin_ = false;
    else out.push_back(GoBack{});
  }
}

void AssistedCitizen::onEnter(const ScreenContext&) {
  cpr_.maxBytes = 11;
  cpr_.digitsOnly = true;
  cpr_.masked = true;  // said aloud or shown, a CPR number is read by everyone in the room
}

void AssistedCitizen::draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) {
  const CitizenView& citizen = context.citizen;
  const float width = StepPage::contentWidth(ui, area);
  const float gap = ui.px(ui::design::kGap);
  std::string status;
  if (citizen.assistedLogin.sending() || citizen.stage == LoginStage::FetchingSummary) status = ui.tr("common.wait");
  else if (citizen.assistedLogin.failed()) status = ui.tr(api::catalogKey(citizen.assistedLogin.error));
  const std::string hint = ui.format("staff.cpr_hint", {{"name", citizen.staffName}});
  const TypingLayout l = measureTyping(ui, hint, cpr_, keyboard_, status, width);
  const bool ready = cpr_.value.size() == 10 && !citizen.assistedLogin.sending();
  const ui::Rect page = page_.begin(ui, "staff.cpr_title", ui.tr("staff.cpr_title"), 0, 0, area, l.total(gap),
                                    {true, "staff.find_citizen", ui::icon::kForward, ready});
  const bool enter = drawTyping(ui, page, l, "staff.cpr_hint", hint, "staff-cpr", cpr_, keyboard_, status);
  const StepAction action = page_.end(ui);
  if ((enter || action == StepAction::Next) && ready) {
    out.push_back(AssistCitizen{cpr_.value});
    cpr_.value.assign(cpr_.value.size(), '\0');
    cpr_.value.clear();
  }
  if (action == StepAction::Back) out.push_back(StartOver{});
}

}  // namespace kiosk::screens
