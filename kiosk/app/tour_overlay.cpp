#include "kiosk/app/tour_overlay.h"

#include <imgui.h>

#include <algorithm>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::app {

void drawTourOverlay(ui::Ui& ui, const GuidedTour& tour, const ui::Rect& area) {
  const auto& c = ui.colors();
  // A window of its own, above the screen, that takes no input: the widgets' one text path
  // draws into it as into any other.
  const ui::Vec2 display = ui.displaySize();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(display.x, display.y));
  ImGui::Begin("show-me-how", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
  auto* list = ImGui::GetWindowDrawList();

  // The caption: dark on light themes and light on dark alike (text and background swapped).
  const std::string& title = ui.tr("attract.show_me_how");
  const std::string narration = tour.caption().empty() ? std::string() : ui.tr(tour.caption());
  const std::string& stop = ui.tr("tour.touch_to_stop");
  const float margin = ui.px(ui::design::kMargin), pad = ui.px(28), gap = ui.px(12);
  const float width = std::min(area.w - 2 * margin, ui.px(1400));
  const float inner = width - 2 * pad;
  const float titleH = ui::textHeight(ui, title, ui::FontRole::Label, inner);
  const float narrationH = narration.empty() ? 0 : ui::textHeight(ui, narration, ui::FontRole::Title, inner);
  const float stopH = ui::textHeight(ui, stop, ui::FontRole::Hint, inner);
  const float height = 2 * pad + titleH + gap + narrationH + gap + stopH;
  // Out of the finger's way: at the bottom of the screen unless the finger is heading there.
  const bool fingerLow = tour.finger() && tour.fingerTarget().y > area.y + area.h / 2;
  const float top = fingerLow ? area.y + margin : area.bottom() - height - margin;
  const ui::Rect box{area.x + (area.w - width) / 2, top, width, height};
  list->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), ui::imColor(c.text, 235 / 255.f), ui.px(ui::design::kRadius));
  float y = box.y + pad;
  auto line = [&](const char* key, const std::string& text, ui::FontRole role, float h) {
    ui::paragraph(ui, key, text, role, c.background, ui.place({box.x + pad, y, inner, h}, box), ui::Align::Center);
    y += h + gap;
  };
  line("attract.show_me_how", title, ui::FontRole::Label, titleH);
  if (!narration.empty()) line("tour-caption", narration, ui::FontRole::Title, narrationH);
  line("tour.touch_to_stop", stop, ui::FontRole::Hint, stopH);

  // The finger: a touch point, pressed while down.
  if (const auto at = tour.finger()) {
    const float r = ui.px(tour.fingerDown() ? 30 : 38);
    list->AddCircleFilled(ImVec2(at->x, at->y), r, ui::imColor(c.primary, 150 / 255.f));
    list->AddCircle(ImVec2(at->x, at->y), r, ui::imColor(c.onPrimary), 0, ui.px(5));
    if (tour.fingerDown()) list->AddCircle(ImVec2(at->x, at->y), r + ui.px(18), ui::imColor(c.primary, 200 / 255.f), 0, ui.px(6));
  }
  ImGui::End();
}

}  // namespace kiosk::app
