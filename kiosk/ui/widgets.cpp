// [SECTION] Index
// - Shared: colours, registration (touch press: touch_press.h)
// - Frame parts: header
// - Big choices: tile, choiceButton, pillButton
// - Persistent bar: barButton
// - Text: paragraph
// - Pictograms: drawIcon

#include "kiosk/ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "kiosk/ui/colors.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/touch_press.h"

namespace kiosk::ui {
namespace {

// [SECTION] Shared

void registerNode(Ui& ui, Role role, std::string_view key, std::string_view text, const Rect& rect,
                  const Rect& visible, bool enabled, bool selected, bool fits, bool action = false) {
  AccessNode node;
  node.role = role;
  node.key = std::string(key);
  node.text = std::string(text);
  node.rect = rect;
  node.visibleRect = visible;
  node.enabled = enabled;
  node.selected = selected;
  node.clipped = !fits;
  node.action = action;
  ui.tree().add(std::move(node));
}

void frame(Ui& ui, const Rect& r, Rgb fill, Rgb border, float radius) {
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(fill), radius);
  const float b = ui.px(design::kBorder);
  list->AddRect(ImVec2(r.x + b / 2, r.y + b / 2), ImVec2(r.right() - b / 2, r.bottom() - b / 2), packedColor(border), radius, 0, b);
}

}  // namespace

// [SECTION] Frame parts

Rect header(Ui& ui, std::string_view titleKey) { return header(ui, titleKey, ui.tr(titleKey)); }

Rect header(Ui& ui, std::string_view titleKey, std::string_view title) { return header(ui, titleKey, title, 0, 0); }

namespace {
// The header's measures, shared by drawing it and by asking how tall it will be.
struct HeaderParts {
  std::string stepText;  // "Trin 2 af 6", empty without a step counter
  float stepW = 0;       // the counter's words and dots
  float titleW = 0, height = 0;
};

HeaderParts headerParts(Ui& ui, std::string_view title, int step, int steps) {
  HeaderParts p;
  const float dot = ui.px(design::kStepDot), dotGap = ui.px(design::kStepDotGap);
  if (steps > 0) {
    p.stepText = ui.format("common.step", {{"step", int64_t{step}}, {"steps", int64_t{steps}}});
    p.stepW = ui.text().layout(p.stepText, FontRole::Hint, ui.px(design::kStepWordsMaxWidth)).size.x + 1;
    p.stepW += ui.px(design::kStepWordsGap) + static_cast<float>(steps) * (dot + dotGap);
  }
  p.titleW = ui.displaySize().x - 2 * ui.px(design::kMargin) - (p.stepW > 0 ? p.stepW + ui.px(design::kHeaderStepGap) : 0);
  p.height = std::max(ui.px(design::kHeaderHeight), textHeight(ui, title, FontRole::Title, p.titleW) + ui.px(design::kHeaderTextPadding));
  return p;
}
}  // namespace

float headerBottom(Ui& ui, std::string_view shown, int step, int steps) {
  return std::max(ui.screenTop() + headerParts(ui, shown, step, steps).height, ui.reachTop());
}

Rect header(Ui& ui, std::string_view titleKey, std::string_view title, int step, int steps) {
  const Vec2 display = ui.displaySize();
  const float margin = ui.px(design::kMargin);
  const float top = ui.screenTop();
  const Rect band{0, top, display.x, 0};
  // The step counter sits at the end of the band: words for readers, dots for everyone else.
  const HeaderParts parts = headerParts(ui, title, step, steps);
  const std::string& stepText = parts.stepText;
  const float stepW = parts.stepW, width = parts.titleW, height = parts.height;
  const float dot = ui.px(design::kStepDot), dotGap = ui.px(design::kStepDotGap);
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(0, top), ImVec2(display.x, top + height), packedColor(ui.colors().primary));
  const Rect box = ui.place({margin, top, width, height}, band);
  const bool fits = ui.text().draw(*list, title, FontRole::Title, ui.colors().onPrimary, box, Align::Start, true);
  registerNode(ui, Role::Heading, titleKey, title, box, box, true, false, fits);
  if (steps > 0) {
    const float x0 = display.x - margin - stepW;
    const float textW = stepW - ui.px(design::kStepWordsGap) - static_cast<float>(steps) * (dot + dotGap);
    const Rect textBox = ui.place({x0, top, textW, height}, band);
    const bool stepFits = ui.text().draw(*list, stepText, FontRole::Hint, ui.colors().onPrimary, textBox, Align::Center, true);
    registerNode(ui, Role::Text, "common.step", stepText, textBox, textBox, true, false, stepFits);
    float x = x0 + textW + ui.px(design::kStepWordsGap);
    for (int i = 1; i <= steps; ++i, x += dot + dotGap) {
      const Rect d = ui.place({x, top + height / 2 - dot / 2, dot, dot}, band);
      const ImVec2 c(d.center().x, d.center().y);
      if (i <= step) list->AddCircleFilled(c, dot / 2, packedColor(ui.colors().onPrimary));
      else list->AddCircle(c, dot / 2 - ui.px(design::kStepDotRing / 2), packedColor(ui.colors().onPrimary), 0, ui.px(design::kStepDotRing));
    }
  }
  ui.setHeaderBottom(top + height);
  // In the low-reach layout what follows starts at the reach line, wherever the header ends.
  const float below = std::max(top + height, ui.reachTop());
  return {0, below, display.x, display.y - below};
}

// [SECTION] Big choices

namespace {
struct TileParts {
  float padding, icon, gap, labelH, hintH;
  float total() const { return padding * 2 + icon + gap * 2 + labelH + hintH; }
};

TileParts tileParts(Ui& ui, const TileSpec& spec, float width) {
  const float inner = width - 2 * ui.px(design::kTilePadding);
  TileParts p{};
  p.padding = ui.px(design::kTilePadding);
  p.icon = ui.text().fonts().size(FontRole::TileIcon);
  p.gap = ui.px(design::kTileGap);
  p.labelH = textHeight(ui, ui.tr(spec.key), FontRole::Label, inner);
  p.hintH = spec.hintKey.empty() ? 0 : textHeight(ui, ui.tr(spec.hintKey), FontRole::Hint, inner);
  return p;
}
}  // namespace

float tileContentHeight(Ui& ui, const TileSpec& spec, float width) { return tileParts(ui, spec, width).total(); }

float tileHeight(Ui& ui, const TileSpec& spec, float width) {
  return std::max(ui.px(design::kTileMinHeight), tileParts(ui, spec, width).total());
}

bool tile(Ui& ui, const TileSpec& spec, const Rect& r) { return tile(ui, spec, r, false); }

bool tile(Ui& ui, const TileSpec& spec, const Rect& r, bool selected) {
  const Press p = press(spec.key, r, true);
  const auto& c = ui.colors();
  const Rgb fill = selected ? c.primary : (p.held ? c.pressed : c.surface);
  const Rgb ink = selected ? c.onPrimary : c.text;
  frame(ui, r, fill, selected ? c.primary : c.border, ui.px(design::kRadius));
  if (selected) {
    // A check mark in the corner: "on" is said by a shape, not by the colour alone.
    const float icon = ui.text().fonts().size(FontRole::BarIcon);
    const Rect mark = ui.place({r.right() - icon - ui.px(design::kTileCheckInset), r.y + ui.px(design::kTileCheckInset), icon, icon}, r);
    drawIcon(ui, FontRole::BarIcon, icon::kConfirmed, mark.center(), c.onPrimary);
  }

  const TileParts parts = tileParts(ui, spec, r.w);
  const float inner = r.w - 2 * parts.padding;
  float y = r.y + std::max(parts.padding, (r.h - parts.total()) / 2 + parts.padding);
  drawIcon(ui, FontRole::TileIcon, spec.icon, {r.center().x, y + parts.icon / 2}, selected ? c.onPrimary : c.primary);
  y += parts.icon + parts.gap;
  auto* list = ImGui::GetWindowDrawList();
  const std::string& label = ui.tr(spec.key);
  bool fits = ui.text().draw(*list, label, FontRole::Label, ink, {r.x + parts.padding, y, inner, parts.labelH}, Align::Center);
  if (!spec.hintKey.empty()) {
    y += parts.labelH + parts.gap;
    const std::string& hint = ui.tr(spec.hintKey);
    const Rect hintBox{r.x + parts.padding, y, inner, parts.hintH};
    const bool hintFits = ui.text().draw(*list, hint, FontRole::Hint, selected ? c.onPrimary : c.mutedText, hintBox, Align::Center);
    registerNode(ui, Role::Text, spec.hintKey, hint, hintBox, visiblePart(hintBox), true, false, hintFits);
  }
  fits = fits && r.h + 0.5f >= parts.total();
  registerNode(ui, Role::Button, spec.key, label, r, p.visible, true, selected, fits);
  return p.activated;
}

namespace {
struct CardParts {
  float padding, icon, gap, titleH;
  std::vector<float> lineH;
  float textW;
  float total() const {
    float h = padding * 2 + titleH;
    for (float l : lineH) h += gap + l;
    return std::max(h, icon + padding * 2);
  }
};

CardParts cardParts(Ui& ui, const CardSpec& spec, float width) {
  CardParts p{};
  p.padding = ui.px(design::kChoicePadding);
  p.icon = spec.icon ? ui.text().fonts().size(FontRole::BarIcon) : 0;
  p.gap = ui.px(design::kCardLineGap);
  p.textW = std::max(1.f, width - 2 * p.padding - (spec.icon ? p.icon + ui.px(design::kIconTextGap) : 0));
  p.titleH = textHeight(ui, spec.title, FontRole::Label, p.textW);
  for (const auto& line : spec.lines) p.lineH.push_back(textHeight(ui, line, spec.lineRole, p.textW));
  return p;
}
}  // namespace

float cardHeight(Ui& ui, const CardSpec& spec, float width) {
  return std::max(ui.px(design::kChoiceMinHeight), cardParts(ui, spec, width).total());
}

bool card(Ui& ui, const CardSpec& spec, const Rect& r) {
  const Press p = spec.pressable ? press(spec.id, r, spec.enabled) : Press{false, false, visiblePart(r)};
  const auto& c = ui.colors();
  const Rgb fill = spec.selected ? c.primary : (p.held ? c.pressed : c.surface);
  const Rgb ink = spec.selected ? c.onPrimary : (spec.enabled ? c.text : c.disabledText);
  const Rgb muted = spec.selected ? c.onPrimary : (spec.enabled ? c.mutedText : c.disabledText);
  auto* list = ImGui::GetWindowDrawList();
  if (spec.pressable || spec.selected) {
    frame(ui, r, fill, spec.selected ? c.primary : c.border, ui.px(design::kRadius));
  } else {
    frame(ui, r, c.surface, c.border, ui.px(design::kRadius));
  }
  const CardParts parts = cardParts(ui, spec, r.w);
  const float contentH = parts.total() - 2 * parts.padding;
  float y = r.y + std::max(parts.padding, (r.h - contentH) / 2);
  float textX = r.x + parts.padding;
  if (spec.icon) {
    const Rect iconBox = ui.place({textX, r.y, parts.icon, r.h}, r);
    drawIcon(ui, FontRole::BarIcon, spec.icon, iconBox.center(), spec.selected ? c.onPrimary : c.primary);
    textX += parts.icon + ui.px(design::kIconTextGap);
  }
  const Rect titleBox = ui.place({textX, y, parts.textW, parts.titleH}, r);
  bool fits = ui.text().draw(*list, spec.title, FontRole::Label, ink, titleBox, Align::Start);
  y += parts.titleH;
  std::string spoken = spec.title;
  for (size_t i = 0; i < spec.lines.size(); ++i) {
    y += parts.gap;
    const Rect lineBox = ui.place({textX, y, parts.textW, parts.lineH[i]}, r);
    fits = ui.text().draw(*list, spec.lines[i], spec.lineRole, muted, lineBox, Align::Start) && fits;
    y += parts.lineH[i];
    spoken += ". " + spec.lines[i];
  }
  fits = fits && r.h + 0.5f >= parts.total();
  registerNode(ui, spec.pressable ? Role::Button : Role::Text, spec.id, spoken, r, p.visible, spec.enabled, spec.selected, fits);
  return p.activated;
}

float choiceHeight(Ui& ui, std::string_view text, float width) {
  const float padding = ui.px(design::kChoicePadding);
  return std::max(ui.px(design::kChoiceMinHeight), textHeight(ui, text, FontRole::Label, width - 2 * padding) + 2 * padding);
}

bool choiceButton(Ui& ui, std::string_view id, std::string_view text, const Rect& r, const ChoiceOptions& options) {
  const bool selected = options.selected;
  const Press p = press(id, r, true);
  const auto& c = ui.colors();
  const Rgb fill = selected ? c.primary : (p.held ? c.pressed : c.surface);
  frame(ui, r, fill, selected ? c.primary : c.border, ui.px(design::kRadius));
  const float padding = ui.px(design::kChoicePadding);
  const bool fits = ui.text().draw(*ImGui::GetWindowDrawList(), text, FontRole::Label, selected ? c.onPrimary : c.text,
                                   r.inset(padding), Align::Center, true);
  registerNode(ui, Role::Button, id, text, r, p.visible, true, selected, fits);
  return p.activated;
}

namespace {
// A pictogram and a label side by side: the one big pill of a screen, and the smaller buttons.
struct LabelMetrics {
  float padX, padY, icon, gap;
  FontRole text, iconRole;
};

LabelMetrics pillMetrics(Ui& ui, char32_t icon) {
  return {ui.px(design::kPillPaddingX), ui.px(design::kPillPaddingY), icon ? ui.text().fonts().size(FontRole::InlineIcon) : 0,
          icon ? ui.px(design::kPillIconGap) : 0,
          FontRole::Title, FontRole::InlineIcon};
}

// The bar's text: a page turn is a quiet control, not the screen's next step.
LabelMetrics pagerMetrics(Ui& ui, char32_t icon) {
  return {ui.px(design::kButtonPaddingX), ui.px(design::kPagerPaddingY), icon ? ui.text().fonts().size(FontRole::BarIcon) : 0,
          icon ? ui.px(design::kButtonIconGap) : 0, FontRole::Bar, FontRole::BarIcon};
}

LabelMetrics buttonMetrics(Ui& ui, char32_t icon) {
  return {ui.px(design::kButtonPaddingX), ui.px(design::kButtonPaddingY), icon ? ui.text().fonts().size(FontRole::BarIcon) : 0,
          icon ? ui.px(design::kButtonIconGap) : 0,
          FontRole::Label, FontRole::BarIcon};
}

// Icon, gap, label — centred as one group, in reading order (the icon leads in Arabic too).
// True if the label fitted.
bool drawIconAndLabel(Ui& ui, std::string_view shown, char32_t icon, const Rect& r, const LabelMetrics& m, Rgb ink) {
  const auto block = ui.text().layout(shown, m.text, std::max(1.f, r.w - 2 * m.padX - m.icon - m.gap));
  const float startX = r.x + (r.w - (m.icon + m.gap + block.size.x)) / 2;
  if (icon) {
    const Rect iconBox = ui.place({startX, r.y, m.icon, r.h}, r);
    drawIcon(ui, m.iconRole, icon, iconBox.center(), ink, ui.rightToLeft() && icon::mirrorsInRightToLeft(icon));
  }
  const Rect textBox = ui.place({startX + m.icon + m.gap, r.y, block.size.x + 1, r.h}, r);
  return ui.text().draw(*ImGui::GetWindowDrawList(), shown, m.text, ink, textBox, Align::Center, true) && block.size.y <= r.h;
}
}  // namespace

Vec2 pillSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth) {
  const LabelMetrics m = pillMetrics(ui, icon);
  const auto block = ui.text().layout(shown, m.text, std::max(1.f, maxWidth - 2 * m.padX - m.icon - m.gap));
  return {std::min(maxWidth, block.size.x + 2 * m.padX + m.icon + m.gap),
          std::max(ui.px(design::kPillMinHeight), std::max(block.size.y, m.icon) + 2 * m.padY)};
}

bool pillButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& r, const PillOptions& options) {
  const bool onPrimary = options.onPrimary;
  const Press p = press(key, r, true);
  const auto& c = ui.colors();
  Rgb fill = onPrimary ? c.surface : c.primary;
  Rgb ink = onPrimary ? c.primary : c.onPrimary;
  if (p.held) fill = c.pressed, ink = c.text;
  auto* list = ImGui::GetWindowDrawList();
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(fill), r.h / 2);
  if (ui.contrast() == Contrast::High) {
    list->AddRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(c.border), r.h / 2, 0, ui.px(design::kBorder));
  }
  const bool fits = drawIconAndLabel(ui, shown, icon, r, pillMetrics(ui, icon), ink);
  registerNode(ui, Role::Button, key, shown, r, p.visible, true, false, fits, /*action=*/true);
  return p.activated;
}

namespace {
bool button(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& r, bool primary, const ButtonOptions& options) {
  const bool enabled = options.enabled;
  const Press p = press(key, r, enabled);
  const auto& c = ui.colors();
  const bool filled = primary && enabled;
  Rgb fill = filled ? c.primary : c.surface;
  Rgb ink = filled ? c.onPrimary : (enabled ? c.primary : c.disabledText);
  if (p.held) fill = c.pressed, ink = c.text;
  auto* list = ImGui::GetWindowDrawList();
  const float radius = std::min(r.h / 2, ui.px(design::kRadius) * 1.5f);
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(fill), radius);
  if (!filled || ui.contrast() == Contrast::High) {
    const float b = ui.px(design::kBorder);
    list->AddRect(ImVec2(r.x + b / 2, r.y + b / 2), ImVec2(r.right() - b / 2, r.bottom() - b / 2), packedColor(enabled ? c.border : c.disabledText),
                  radius, 0, b);
  }
  const bool fits = drawIconAndLabel(ui, shown, icon, r, buttonMetrics(ui, icon), ink);
  registerNode(ui, Role::Button, key, shown, r, p.visible, enabled, false, fits, !options.inContent);
  return p.activated;
}
}  // namespace

Vec2 buttonSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth) {
  const LabelMetrics m = buttonMetrics(ui, icon);
  const auto block = ui.text().layout(shown, m.text, std::max(1.f, maxWidth - 2 * m.padX - m.icon - m.gap));
  return {std::min(maxWidth, std::max(ui.px(design::kButtonMinWidth), block.size.x + 2 * m.padX + m.icon + m.gap)),
          std::max(ui.px(design::kButtonMinHeight), std::max(block.size.y, m.icon) + 2 * m.padY)};
}

bool buttonFits(Ui& ui, std::string_view shown, char32_t icon, float maxWidth) {
  const LabelMetrics m = buttonMetrics(ui, icon);
  const auto block = ui.text().layout(shown, m.text, std::max(1.f, maxWidth - 2 * m.padX - m.icon - m.gap));
  return !block.paragraph->overflows && block.paragraph->lines.size() <= 2;
}

bool primaryButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& r, const ButtonOptions& options) {
  return button(ui, key, shown, icon, r, true, options);
}

bool outlineButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& r, const ButtonOptions& options) {
  return button(ui, key, shown, icon, r, false, options);
}

Vec2 pagerSize(Ui& ui, std::string_view shown, char32_t icon, float maxWidth) {
  const LabelMetrics m = pagerMetrics(ui, icon);
  const auto block = ui.text().layout(shown, m.text, std::max(1.f, maxWidth - 2 * m.padX - m.icon - m.gap));
  return {std::min(maxWidth, std::max(ui.px(design::kButtonMinWidth), block.size.x + 2 * m.padX + m.icon + m.gap)),
          std::max(ui.px(design::kPagerButtonMinHeight), std::max(block.size.y, m.icon) + 2 * m.padY)};
}

bool pagerButton(Ui& ui, std::string_view key, std::string_view shown, char32_t icon, const Rect& r) {
  const Press p = press(key, r, true);
  const auto& c = ui.colors();
  frame(ui, r, p.held ? c.pressed : c.surface, c.border, std::min(r.h / 2, ui.px(design::kRadius)));
  const bool fits = drawIconAndLabel(ui, shown, icon, r, pagerMetrics(ui, icon), p.held ? c.text : c.primary);
  registerNode(ui, Role::Button, key, shown, r, p.visible, true, false, fits);
  return p.activated;
}

bool touchArea(std::string_view id, const Rect& rect) { return press(id, rect, true).activated; }

// [SECTION] Persistent bar

namespace {
struct BarLayout {
  bool stacked;
  float height;
};

BarLayout barLayout(Ui& ui, const BarButtonSpec& spec, float width) {
  const float padding = ui.px(design::kBarButtonPadding);
  const float icon = ui.text().fonts().size(FontRole::BarIcon);
  const float gap = ui.px(design::kBarButtonGap);
  const std::string& label = ui.tr(spec.shownKey());
  const float inner = width - 2 * padding;
  const auto beside = ui.text().layout(label, FontRole::Bar, std::max(1.f, inner - icon - gap));
  const float stepsH = spec.steps > 0 ? ui.px(design::kSizeBarsGap + design::kSizeBarStep * static_cast<float>(spec.steps)) : 0;
  if (!spec.iconAbove && beside.paragraph->lines.size() == 1 && !beside.paragraph->overflows) {
    return {false, std::max(icon, beside.size.y) + stepsH + 2 * padding};
  }
  const float labelH = textHeight(ui, label, FontRole::Bar, inner);
  return {true, icon + gap / 2 + labelH + stepsH + 2 * padding};
}
}  // namespace

float barButtonHeight(Ui& ui, const BarButtonSpec& spec, float width) { return barLayout(ui, spec, width).height; }

bool barRowStacked(Ui& ui, const std::vector<BarButtonSpec>& specs, float width) {
  return std::any_of(specs.begin(), specs.end(), [&](const BarButtonSpec& spec) { return barLayout(ui, spec, width).stacked; });
}

bool barButton(Ui& ui, const BarButtonSpec& spec, const Rect& r) {
  const Press p = press(spec.key, r, spec.enabled);
  const auto& c = ui.colors();
  const bool filled = spec.emphasised;
  const bool on = spec.selected && !spec.emphasised;
  Rgb fill = filled ? c.primary : on ? c.doneSurface : c.surface;
  Rgb ink = filled ? c.onPrimary : on ? c.doneText : (spec.enabled ? c.primary : c.disabledText);
  Rgb textInk = filled ? c.onPrimary : on ? c.doneText : (spec.enabled ? c.text : c.disabledText);
  if (p.held) fill = c.pressed, ink = c.primary, textInk = c.text;
  frame(ui, r, fill, filled ? c.primary : on ? c.doneText : c.border, ui.px(design::kBarButtonRadius));
  if (on) {
    // A second ring inside the outline and a check mark in the corner: "on" without colour.
    auto* ring = ImGui::GetWindowDrawList();
    const float b = ui.px(design::kBorder), radius = ui.px(design::kBarButtonRadius);
    ring->AddRect(ImVec2(r.x + 1.5f * b, r.y + 1.5f * b), ImVec2(r.right() - 1.5f * b, r.bottom() - 1.5f * b), packedColor(c.doneText), radius, 0, b);
    const float mark = ui.px(design::kToggleMark);
    const Rect corner = ui.place({r.right() - mark / 2 - 3 * b, r.y - mark / 2 + 3 * b, mark, mark}, r);
    ring->AddCircleFilled(ImVec2(corner.center().x, corner.center().y), mark / 2, packedColor(c.surface));
    drawIcon(ui, FontRole::BarIcon, icon::kConfirmed, corner.center(), c.doneText, false, mark);
  }

  const float padding = ui.px(design::kBarButtonPadding);
  const float icon = ui.text().fonts().size(FontRole::BarIcon);
  const float gap = ui.px(design::kBarButtonGap);
  const std::string& label = ui.tr(spec.shownKey());
  const BarLayout layout = barLayout(ui, spec, r.w);
  const float stepsH = spec.steps > 0 ? ui.px(design::kSizeBarsGap + design::kSizeBarStep * static_cast<float>(spec.steps)) : 0;
  auto* list = ImGui::GetWindowDrawList();
  bool fits = layout.height <= r.h + 0.5f;
  const Rect content = r.inset(padding);
  float contentBottom;
  if (!layout.stacked) {
    const auto block = ui.text().layout(label, FontRole::Bar, content.w - icon - gap);
    const float w = icon + gap + block.size.x;
    const float x = content.x + (content.w - w) / 2;
    const float midY = content.y + (content.h - stepsH) / 2;
    const Rect iconBox = ui.place({x, midY - icon / 2, icon, icon}, content);
    drawIcon(ui, FontRole::BarIcon, spec.icon, iconBox.center(), ink);
    const Rect textBox = ui.place({x + icon + gap, midY - block.size.y / 2, block.size.x + 1, block.size.y}, content);
    fits = ui.text().draw(*list, label, FontRole::Bar, textInk, textBox, Align::Start) && fits;
    contentBottom = midY + std::max(icon, block.size.y) / 2;
  } else {
    float y = content.y + std::max(0.f, (content.h - (layout.height - 2 * padding)) / 2);
    drawIcon(ui, FontRole::BarIcon, spec.icon, {content.center().x, y + icon / 2}, ink);
    y += icon + gap / 2;
    const float labelH = textHeight(ui, label, FontRole::Bar, content.w);
    fits = ui.text().draw(*list, label, FontRole::Bar, textInk, {content.x, y, content.w, labelH}, Align::Center) && fits;
    contentBottom = y + labelH;
  }
  if (spec.steps > 0) {
    // Rising bars, the current step and those below filled: readable without colour.
    const float barW = ui.px(design::kSizeBarWidth), spacing = ui.px(design::kSizeBarSpacing), unit = ui.px(design::kSizeBarStep);
    const float total = static_cast<float>(spec.steps) * barW + static_cast<float>(spec.steps - 1) * spacing;
    float x = content.center().x - total / 2;
    const float baseline = contentBottom + ui.px(design::kSizeBarsGap) + unit * static_cast<float>(spec.steps);
    for (int i = 0; i < spec.steps; ++i, x += barW + spacing) {
      const ImVec2 a(x, baseline - unit * static_cast<float>(i + 1)), b(x + barW, baseline);
      if (i <= spec.step) list->AddRectFilled(a, b, packedColor(ink));
      else list->AddRect(a, b, packedColor(ink), 0, 0, ui.px(design::kSizeBarOutline));
    }
  }
  registerNode(ui, Role::Button, spec.key, label, r, p.visible, spec.enabled, spec.selected, fits);
  return p.activated;
}

// [SECTION] Text

float textHeight(Ui& ui, std::string_view shown, FontRole role, float width) {
  return ui.text().layout(shown, role, std::max(1.f, width)).size.y;
}

float paragraph(Ui& ui, std::string_view key, std::string_view shown, FontRole role, Rgb color, const Rect& rect,
                Align align, Role accessRole) {
  const float height = textHeight(ui, shown, role, rect.w);
  const Rect box{rect.x, rect.y, rect.w, std::max(rect.h, height)};
  const bool fits = ui.text().draw(*ImGui::GetWindowDrawList(), shown, role, color, box, align);
  registerNode(ui, accessRole, key, shown, box, visiblePart(box), true, false, fits && height <= std::max(rect.h, height));
  return height;
}

float statusText(Ui& ui, std::string_view key, std::string_view shown, const Rect& rect, FontRole role) {
  return paragraph(ui, key, shown, role, ui.colors().text, rect, Align::Start, Role::Status);
}

// [SECTION] Pictograms

void drawIcon(Ui& ui, FontRole role, char32_t icon, Vec2 centre, Rgb color, bool mirrored, float size) {
  ImFont* font = ui.text().fonts().font(role);
  const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(icon));
  if (!glyph) return;
  // Centre the glyph's ink box, not its advance box: icon fonts pad glyphs unevenly.
  const float scale = size > 0 ? size / ui.text().fonts().size(role) : 1;
  const float w = (glyph->X1 - glyph->X0) * scale, h = (glyph->Y1 - glyph->Y0) * scale;
  const ImVec2 a(std::round(centre.x - w / 2), std::round(centre.y - h / 2));
  const ImVec2 b(a.x + w, a.y + h);
  ImVec2 uvA(glyph->U0, glyph->V0), uvB(glyph->U1, glyph->V1);
  if (mirrored) std::swap(uvA.x, uvB.x);
  auto* list = ImGui::GetWindowDrawList();
  list->PushTextureID(font->ContainerAtlas->TexID);
  list->AddImage(font->ContainerAtlas->TexID, a, b, uvA, uvB, packedColor(color));
  list->PopTextureID();
}

}  // namespace kiosk::ui
