#include "kiosk/app/persistent_bar.h"

#include <imgui.h>

#include <algorithm>
#include <array>

#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::app {
namespace {

using screens::Intent;
using screens::ScreenId;

enum class Action { Language, TextSize, ReadAloud, Contrast, Help, StartOver };

struct BarEntry {
  Action action;
  ui::BarButtonSpec spec;
};

int textSizeStep(int percent) {
  for (size_t i = 0; i < std::size(ui::kTextSizes); ++i) {
    if (ui::kTextSizes[i] == percent) return static_cast<int>(i);
  }
  return 0;
}

std::array<BarEntry, 6> entries(const screens::Preferences& preferences, ScreenId current) {
  const int steps = static_cast<int>(std::size(ui::kTextSizes));
  return {{
      {Action::Language, {"bar.language", ui::icon::kLanguage, true, current == ScreenId::ChooseLanguage}},
      {Action::TextSize, {"bar.text_size", ui::icon::kTextSize, true, false, false, steps, textSizeStep(preferences.textSizePercent)}},
      // Shown greyed in a language espeak-ng has no voice for (Somali, Tigrinya), never reading Danish instead.
      {Action::ReadAloud, {"bar.read_aloud", ui::icon::kReadAloud, preferences.speechAvailable, preferences.speaking}},
      {Action::Contrast, {"bar.contrast", ui::icon::kContrast, true, preferences.contrast == ui::Contrast::High}},
      {Action::Help, {"bar.help", ui::icon::kHelp, true, current == ScreenId::StaffHelp, true}},
      {Action::StartOver, {"bar.start_over", ui::icon::kStartOver, current != ScreenId::Attract}},
  }};
}

struct BarGeometry {
  float margin, gap, buttonW;
};

BarGeometry geometry(const ui::Ui& ui, float width) {
  const float margin = ui.px(24), gap = ui.px(20);
  return {margin, gap, (width - 2 * margin - 5 * gap) / 6};
}

}  // namespace

float barHeight(ui::Ui& ui, const screens::Preferences& preferences, float width) {
  const BarGeometry g = geometry(ui, width);
  float buttonH = ui.px(ui::design::kBarHeight - 44);
  for (const auto& entry : entries(preferences, ScreenId::MainMenu)) {
    buttonH = std::max(buttonH, ui::barButtonHeight(ui, entry.spec, g.buttonW));
  }
  return buttonH + 2 * ui.px(22);
}

void drawBar(ui::Ui& ui, const screens::Preferences& preferences, ScreenId current, const ui::Rect& bar,
             screens::Intents& out) {
  const auto& colors = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.bottom()),
                      IM_COL32(colors.barBackground.r, colors.barBackground.g, colors.barBackground.b, 255));
  list->AddLine(ImVec2(bar.x, bar.y), ImVec2(bar.right(), bar.y), IM_COL32(colors.border.r, colors.border.g, colors.border.b, 255),
                ui.px(2));
  const BarGeometry g = geometry(ui, bar.w);
  const float padY = ui.px(22);
  float x = bar.x + g.margin;
  for (const auto& entry : entries(preferences, current)) {
    const ui::Rect logical{x, bar.y + padY, g.buttonW, bar.h - 2 * padY};
    x += g.buttonW + g.gap;
    if (!ui::barButton(ui, entry.spec, ui.place(logical, bar))) continue;
    switch (entry.action) {
      case Action::Language: out.push_back(screens::GoTo{ScreenId::ChooseLanguage}); break;
      case Action::TextSize: out.push_back(screens::CycleTextSize{}); break;
      case Action::ReadAloud: out.push_back(screens::ReadAloud{}); break;
      case Action::Contrast: out.push_back(screens::ToggleContrast{}); break;
      case Action::Help: out.push_back(screens::GoTo{ScreenId::StaffHelp}); break;
      case Action::StartOver: out.push_back(screens::StartOver{}); break;
    }
  }
}

float assistedBannerHeight(ui::Ui& ui, const std::string& text, float width) {
  const float icon = ui.text().fonts().size(ui::FontRole::BarIcon);
  return std::max(icon, ui::textHeight(ui, text, ui::FontRole::Body, width - 2 * ui.px(ui::design::kMargin) - icon - ui.px(20))) + 2 * ui.px(12);
}

void drawAssistedBanner(ui::Ui& ui, const std::string& text, const ui::Rect& banner) {
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  // A plain strip with a primary rule on top: calm, and unlike any button.
  list->AddRectFilled(ImVec2(banner.x, banner.y), ImVec2(banner.right(), banner.bottom()), IM_COL32(c.surface.r, c.surface.g, c.surface.b, 255));
  list->AddLine(ImVec2(banner.x, banner.y), ImVec2(banner.right(), banner.y), IM_COL32(c.primary.r, c.primary.g, c.primary.b, 255), ui.px(4));
  const float icon = ui.text().fonts().size(ui::FontRole::BarIcon);
  const float margin = ui.px(ui::design::kMargin);
  const ui::Rect iconBox = ui.place({banner.x + margin, banner.y, icon, banner.h}, banner);
  ui::drawIcon(ui, ui::FontRole::BarIcon, ui::icon::kStaff, iconBox.center(), c.primary);
  const float textX = banner.x + margin + icon + ui.px(20);
  const float textW = banner.w - 2 * margin - icon - ui.px(20);
  const float textH = ui::textHeight(ui, text, ui::FontRole::Body, textW);
  ui::paragraph(ui, "assisted.banner", text, ui::FontRole::Body, c.text, ui.place({textX, banner.y + (banner.h - textH) / 2, textW, textH}, banner));
}

}  // namespace kiosk::app
