#include "kiosk/app/persistent_bar.h"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::app {
namespace {

using screens::Intent;
using screens::ScreenId;
using screens::SpeechControl;

// One button of a row, and what pressing it asks for.
struct RowEntry {
  ui::BarButtonSpec spec;
  Intent intent;
};

int textSizeStep(int percent) {
  for (size_t i = 0; i < std::size(ui::kTextSizes); ++i) {
    if (ui::kTextSizes[i] == percent) return static_cast<int>(i);
  }
  return 0;
}

std::vector<RowEntry> barEntries(const screens::Preferences& preferences, const BarState& state) {
  const ScreenId current = state.current;
  const int steps = static_cast<int>(std::size(ui::kTextSizes));
  return {
      {{"bar.language", ui::icon::kLanguage, true, current == ScreenId::ChooseLanguage}, screens::OpenLanguages{}},
      {{"bar.text_size", ui::icon::kTextSize, true, false, false, steps, textSizeStep(preferences.textSizePercent)}, screens::CycleTextSize{}},
      // Greyed, and saying so in words, in a language espeak-ng has no voice for (Somali, Tigrinya):
      // never reading Danish instead.
      {{"bar.read_aloud", ui::icon::kReadAloud, preferences.speechAvailable, preferences.speechOn, false, 0, 0,
        preferences.speechAvailable ? std::string_view() : std::string_view("bar.no_read_aloud")},
       screens::ToggleSpeech{}},
      {{"bar.low_reach", ui::icon::kLowReach, true, preferences.lowReach}, screens::ToggleLowReach{}},
      {{"bar.contrast", ui::icon::kContrast, true, preferences.contrast == ui::Contrast::High}, screens::ToggleContrast{}},
      {{"bar.help", state.staffCalled ? ui::icon::kStaff : ui::icon::kHelp, true, current == ScreenId::StaffHelp || state.staffCalled, true},
       screens::AskStaff{}},
      // Where the citizen is logged in, ending is logging out, and the bar says so in those words.
      state.citizenLoggedIn ? RowEntry{{"bar.log_out", ui::icon::kLogOut}, screens::LogOut{}}
                            : RowEntry{{"bar.start_over", ui::icon::kStartOver, current != ScreenId::Attract}, screens::StartOver{}},
  };
}

std::vector<RowEntry> speechEntries(const SpeechControls& controls) {
  std::vector<RowEntry> entries = {
      {{"speech.say_again", ui::icon::kSayAgain}, screens::AdjustSpeech{SpeechControl::SayAgain}},
      {{"speech.slower", ui::icon::kSlower, true, controls.slow}, screens::AdjustSpeech{SpeechControl::Slower}},
      {{"speech.quieter", ui::icon::kQuieter, controls.volumeStep > 0}, screens::AdjustSpeech{SpeechControl::Quieter}},
      {{"speech.louder", ui::icon::kLouder, controls.volumeStep + 1 < controls.volumeSteps, false, false, controls.volumeSteps, controls.volumeStep},
       screens::AdjustSpeech{SpeechControl::Louder}},
  };
  if (controls.offerLoudspeaker) {
    entries.push_back({{"speech.loudspeaker", ui::icon::kLoudspeaker}, screens::AdjustSpeech{SpeechControl::Loudspeaker}});
  }
  return entries;
}

// A row's buttons share its width equally: the bar's seven, the strip's four or five (wider, so
// that "Langsommere" fits on one line at 200 %).
struct RowGeometry {
  float margin, gap, buttonW, padY;
};

RowGeometry geometry(const ui::Ui& ui, float width, size_t columns) {
  const float margin = ui.px(ui::design::kBarMargin), gap = ui.px(ui::design::kBarButtonSpacing);
  const auto n = static_cast<float>(std::max<size_t>(columns, 1));
  return {margin, gap, (width - 2 * margin - (n - 1) * gap) / n, ui.px(ui::design::kBarPadding)};
}

// One layout for the whole row: every pictogram beside its label, or, as soon as one label
// needs it, every pictogram above.
std::vector<RowEntry> laidOut(ui::Ui& ui, std::vector<RowEntry> entries, float buttonW) {
  std::vector<ui::BarButtonSpec> specs;
  for (const auto& entry : entries) specs.push_back(entry.spec);
  const bool above = ui::barRowStacked(ui, specs, buttonW);
  for (auto& entry : entries) entry.spec.iconAbove = above;
  return entries;
}

float rowHeight(ui::Ui& ui, const std::vector<RowEntry>& entries, float width) {
  const RowGeometry g = geometry(ui, width, entries.size());
  float buttonH = ui.px(ui::design::kBarHeight - 2 * ui::design::kBarPadding);
  for (const auto& entry : laidOut(ui, entries, g.buttonW)) buttonH = std::max(buttonH, ui::barButtonHeight(ui, entry.spec, g.buttonW));
  return buttonH + 2 * g.padY;
}

void drawRow(ui::Ui& ui, const std::vector<RowEntry>& given, const ui::Rect& row, ui::Rgb background, screens::Intents& out) {
  const auto& colors = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(row.x, row.y), ImVec2(row.right(), row.bottom()), ui::packedColor(background));
  list->AddLine(ImVec2(row.x, row.y), ImVec2(row.right(), row.y), ui::packedColor(colors.border), ui.px(ui::design::kBarRule));
  const RowGeometry g = geometry(ui, row.w, given.size());
  const std::vector<RowEntry> entries = laidOut(ui, given, g.buttonW);
  float x = row.x + g.margin;
  for (const auto& entry : entries) {
    const ui::Rect logical{x, row.y + g.padY, g.buttonW, row.h - 2 * g.padY};
    x += g.buttonW + g.gap;
    if (ui::barButton(ui, entry.spec, ui.place(logical, row))) out.push_back(entry.intent);
  }
}

}  // namespace

float barHeight(ui::Ui& ui, const screens::Preferences& preferences, float width) {
  // Measured with the longer of the last button's two labels, so the bar keeps its height at login.
  return std::max(rowHeight(ui, barEntries(preferences, {.current = ScreenId::MainMenu}), width),
                  rowHeight(ui, barEntries(preferences, {.current = ScreenId::Home, .citizenLoggedIn = true}), width));
}

void drawBar(ui::Ui& ui, const screens::Preferences& preferences, const BarState& state, const ui::Rect& bar, screens::Intents& out) {
  drawRow(ui, barEntries(preferences, state), bar, ui.colors().barBackground, out);
}

void drawLowReachNote(ui::Ui& ui, const ui::Rect& top) {
  const float icon = ui.text().fonts().size(ui::FontRole::BarIcon);
  if (top.h < icon) return;  // a header fills the band: nothing is left empty to explain
  const auto& c = ui.colors();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(top.x, top.y), ImVec2(top.right(), top.bottom()),
                                            ui::packedColor(c.barBackground));
  const float margin = ui.px(ui::design::kMargin), gap = ui.px(ui::design::kIconTextGap);
  const std::string& note = ui.tr("low_reach.note");
  const float textW = ui.text().layout(note, ui::FontRole::Body, std::min(top.w - 2 * margin - icon - gap, ui.px(ui::design::kReadingWidth))).size.x + 1;
  const float textH = ui::textHeight(ui, note, ui::FontRole::Body, textW);
  // At large text sizes the strip left at the top is too low for the sentence: the pictogram
  // alone then says why the screen starts lower.
  const bool withText = textH + 2 * ui.px(ui::design::kNotePadding) <= top.h;
  const float rowW = withText ? icon + gap + textW : icon;
  const float rowH = withText ? std::max(icon, textH) : icon;
  const ui::Rect row{top.x + (top.w - rowW) / 2, top.y + (top.h - rowH) / 2, rowW, rowH};
  ui::drawIcon(ui, ui::FontRole::BarIcon, ui::icon::kLowReach, ui.place({row.x, row.y, icon, row.h}, row).center(), c.mutedText);
  if (!withText) return;
  ui::paragraph(ui, "low_reach.note", note, ui::FontRole::Body, c.mutedText,
                ui.place({row.x + icon + gap, row.y + (row.h - textH) / 2, textW, textH}, row));
}

float speechStripHeight(ui::Ui& ui, const SpeechControls& controls, float width) {
  return rowHeight(ui, speechEntries(controls), width);
}

void drawSpeechStrip(ui::Ui& ui, const SpeechControls& controls, const ui::Rect& strip, screens::Intents& out) {
  drawRow(ui, speechEntries(controls), strip, ui.colors().surface, out);
}

float staffBannerHeight(ui::Ui& ui, const std::string& text, float width) {
  const float icon = ui.text().fonts().size(ui::FontRole::BarIcon);
  return std::max(icon, ui::textHeight(ui, text, ui::FontRole::Body, width - 2 * ui.px(ui::design::kMargin) - icon - ui.px(ui::design::kIconTextGap))) +
         2 * ui.px(ui::design::kBannerPadding);
}

void drawStaffBanner(ui::Ui& ui, std::string_view key, const std::string& text, const ui::Rect& banner) {
  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  // A plain strip with a primary rule on top: calm, and unlike any button.
  list->AddRectFilled(ImVec2(banner.x, banner.y), ImVec2(banner.right(), banner.bottom()), ui::packedColor(c.surface));
  list->AddLine(ImVec2(banner.x, banner.y), ImVec2(banner.right(), banner.y), ui::packedColor(c.primary), ui.px(ui::design::kBannerRule));
  const float icon = ui.text().fonts().size(ui::FontRole::BarIcon);
  const float margin = ui.px(ui::design::kMargin);
  const ui::Rect iconBox = ui.place({banner.x + margin, banner.y, icon, banner.h}, banner);
  ui::drawIcon(ui, ui::FontRole::BarIcon, ui::icon::kStaff, iconBox.center(), c.primary);
  const float textX = banner.x + margin + icon + ui.px(ui::design::kIconTextGap);
  const float textW = banner.w - 2 * margin - icon - ui.px(ui::design::kIconTextGap);
  const float textH = ui::textHeight(ui, text, ui::FontRole::Body, textW);
  ui::paragraph(ui, key, text, ui::FontRole::Body, c.text, ui.place({textX, banner.y + (banner.h - textH) / 2, textW, textH}, banner));
}

}  // namespace kiosk::app
