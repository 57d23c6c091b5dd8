#include "kiosk/app/more_time.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::app {

void drawMoreTime(ui::Ui& ui, int secondsLeft, const ui::Rect& area, screens::Intents& out) {
  using ui::FontRole;
  const ui::Vec2 display = ui.displaySize();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(display.x, display.y));
  ImGui::SetNextWindowFocus();
  ImGui::Begin("more-time", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(0, 0), ImVec2(display.x, display.y), IM_COL32(0, 0, 0, 150));

  const float gap = ui.px(ui::design::kGap);
  const float width = std::min(display.x - 2 * ui.px(ui::design::kMargin), ui.px(ui::design::kDialogWidth));
  const std::string& question = ui.tr("idle.question");
  const std::string countdown = ui.format("idle.countdown", {{"seconds", int64_t{secondsLeft}}});
  const std::string& yes = ui.tr("idle.more_time");
  const std::string& leave = ui.tr("idle.log_out");
  const float inner = width - 4 * gap;
  const float questionH = ui::textHeight(ui, question, FontRole::Title, inner);
  const float countdownH = ui::textHeight(ui, countdown, FontRole::Label, inner);
  const ui::Vec2 yesSize = ui::buttonSize(ui, yes, ui::icon::kWaiting, inner);
  const ui::Vec2 leaveSize = ui::buttonSize(ui, leave, ui::icon::kLogOut, inner);
  const float height = 2 * gap + questionH + gap + countdownH + 2 * gap + yesSize.y + gap + leaveSize.y + 2 * gap;
  // Centred on the screen's area (the lower part in the low-reach layout), on the display if taller.
  const float top = height <= area.h ? area.y + (area.h - height) / 2 : (display.y - height) / 2;
  const ui::Rect box{(display.x - width) / 2, std::max(gap, top), width, height};
  list->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), ui::packedColor(c.surface),
                      ui.px(ui::design::kRadius));
  list->AddRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), ui::packedColor(c.border),
                ui.px(ui::design::kRadius), 0, ui.px(ui::design::kBorder));
  float y = box.y + 2 * gap;
  const float x = box.x + 2 * gap;
  y += ui::paragraph(ui, "idle.question", question, FontRole::Title, c.text, {x, y, inner, 0}, ui::Align::Center, ui::Role::Heading) + gap;
  y += ui::paragraph(ui, "idle.countdown", countdown, FontRole::Label, c.text, {x, y, inner, 0}, ui::Align::Center) + 2 * gap;
  if (ui::primaryButton(ui, "idle.more_time", yes, ui::icon::kWaiting, {box.center().x - yesSize.x / 2, y, yesSize.x, yesSize.y})) {
    out.push_back(screens::MoreTime{});
  }
  y += yesSize.y + gap;
  if (ui::outlineButton(ui, "idle.log_out", leave, ui::icon::kLogOut, {box.center().x - leaveSize.x / 2, y, leaveSize.x, leaveSize.y})) {
    out.push_back(screens::StartOver{});
  }
  ImGui::End();
}

}  // namespace kiosk::app
