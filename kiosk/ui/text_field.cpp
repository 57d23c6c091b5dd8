// [SECTION] Index
// - Editing: appendTyped, acceptsWhole, eraseLast
// - Layout: what is shown, how it wraps
// - Drawing: textFieldHeight, textField

#include "kiosk/ui/text_field.h"

#include <imgui.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"
#include "kiosk/ui/colors.h"
#include "kiosk/ui/widgets.h"
#include "kiosk/ui/touch_press.h"

namespace kiosk::ui {
namespace {

// Design pixels.
constexpr float kPaddingX = 24;
constexpr float kPaddingY = 12;
constexpr float kCaretWidth = 4;
constexpr float kCaretGap = 4;
constexpr FontRole kRole = FontRole::Label;

constexpr char32_t kLam = 0x0644;
constexpr std::string_view kDot = "\u2022";  // one per character of a masked value

// [SECTION] Editing

std::string encode(char32_t c) {
  char bytes[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(c));
  return std::string(bytes, static_cast<size_t>(length));
}

// What a keyboard may put into a field, and as what: nothing for control characters, line
// breaks, unpaired surrogates and the replacement character (ImGui's stand-in for what it could
// not decode); ASCII for any decimal digit in a digits-only field.
std::optional<char32_t> accepted(const TextFieldState& state, char32_t c) {
  if (c == 0xFFFD || c > 0x10FFFF) return std::nullopt;
  const auto type = u_charType(static_cast<UChar32>(c));
  if (type == U_CONTROL_CHAR || type == U_SURROGATE || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR) {
    return std::nullopt;
  }
  if (!state.digitsOnly) return c;
  if (c >= U'0' && c <= U'9') return c;
  // Arabic-Indic and Persian digits typed on an Arabic or Farsi keyboard: codes and PINs are 0-9.
  if (type == U_DECIMAL_DIGIT_NUMBER) return static_cast<char32_t>(U'0' + u_charDigitValue(static_cast<UChar32>(c)));
  return std::nullopt;
}

bool isAlef(char32_t c) { return c == 0x0627 || c == 0x0622 || c == 0x0623 || c == 0x0625; }

// Byte offsets where the grapheme clusters of utf8 start, and its size at the end.
std::vector<size_t> clusterBounds(std::string_view utf8) {
  std::vector<size_t> bounds{0};
  UErrorCode status = U_ZERO_ERROR;
  // Creating a break iterator is the costly part; each thread keeps one (as line breaking does).
  thread_local std::unique_ptr<icu::BreakIterator> clusters(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (clusters && U_SUCCESS(status)) clusters->setText(text, status);
  if (clusters && U_SUCCESS(status)) {
    for (int32_t at = clusters->next(); at != icu::BreakIterator::DONE; at = clusters->next()) {
      bounds.push_back(static_cast<size_t>(at));
    }
  } else {
    // No ICU data: whole code points at least.
    for (size_t at = 1; at <= utf8.size(); ++at) {
      if (at == utf8.size() || (static_cast<unsigned char>(utf8[at]) & 0xC0) != 0x80) bounds.push_back(at);
    }
  }
  utext_close(text);
  if (bounds.back() != utf8.size()) bounds.push_back(utf8.size());
  return bounds;
}

char32_t codePointAt(std::string_view utf8, size_t offset) {
  char32_t first = 0;
  bool seen = false;
  text::forEachCodePoint(utf8.substr(offset), [&](char32_t c) {
    if (!seen) first = c, seen = true;
  });
  return first;
}

// [SECTION] Layout

std::string shownText(const TextFieldState& state) {
  if (!state.masked) return state.value;
  std::string dots;
  text::forEachCodePoint(state.value, [&](char32_t) { dots.append(kDot); });
  return dots;
}

float shapedWidth(const ImFont& font, std::string_view logical) {
  const std::string shaped = text::toUtf8(text::shapeArabic(text::toUtf16(logical)));
  return font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, shaped.data(), shaped.data() + shaped.size()).x;
}

// The shown text with a line break inside any word too wide for a line of its own: the line
// breaker never breaks inside a word, and a scanned code has no spaces. Breaks
// fall between grapheme clusters; a word that fits is left to the line breaker.
std::string breakLongWords(Ui& ui, const std::string& shown, float innerWidth) {
  if (!ui.text().layout(shown, kRole, innerWidth).paragraph->overflows) return shown;
  const ImFont& font = *ui.text().fonts().font(kRole);
  std::string out;
  std::string piece;  // the part of the current word since the last break
  const std::vector<size_t> bounds = clusterBounds(shown);
  for (size_t i = 0; i + 1 < bounds.size(); ++i) {
    const std::string_view cluster = std::string_view(shown).substr(bounds[i], bounds[i + 1] - bounds[i]);
    if (cluster == " ") {
      out.append(piece).append(cluster);
      piece.clear();
      continue;
    }
    std::string longer = piece + std::string(cluster);
    if (!piece.empty() && shapedWidth(font, longer) > innerWidth + 0.5f) {
      out.append(piece).push_back('\n');
      longer = std::string(cluster);
    }
    piece = std::move(longer);
  }
  return out.append(piece);
}

// What the field shows, laid out: the value through the text path, or a PIN's dots.
struct FieldLayout {
  text::Direction direction = text::Direction::LeftToRight;
  float lineHeight = 0;
  size_t lineCount = 1;
  float lastWidth = 0;  // of the last line, to where the next character goes
  bool overflows = false;
  // Text: the shown text with any forced breaks.
  std::string lines;
  // A PIN: discs rather than the font's bullet, which is small and packed too tight to count.
  bool dots = false;
  size_t dotCount = 0, dotsPerLine = 1;
  float dotPitch = 0, dotRadius = 0;
  float height() const { return lineHeight * static_cast<float>(lineCount); }
};

// The field keeps the direction of what was typed (a Danish employer name in an Arabic screen
// reads left to right, an Arabic job title in a Danish screen right to left); empty or masked,
// the screen's own.
FieldLayout layoutField(Ui& ui, const TextFieldState& state, float innerWidth) {
  FieldLayout out;
  out.lineHeight = ui.text().lineHeight(kRole);
  if (state.masked) {
    out.direction = ui.text().direction();
    out.dots = true;
    text::forEachCodePoint(state.value, [&](char32_t) { ++out.dotCount; });
    const float size = ui.text().fonts().size(kRole);
    out.dotRadius = std::round(size * 0.2f);
    out.dotPitch = std::round(size * 0.7f);
    out.dotsPerLine = std::max<size_t>(1, static_cast<size_t>(innerWidth / out.dotPitch));
    out.lineCount = std::max<size_t>(1, (out.dotCount + out.dotsPerLine - 1) / out.dotsPerLine);
    const size_t onLast = out.dotCount - (out.lineCount - 1) * out.dotsPerLine;
    out.lastWidth = static_cast<float>(onLast) * out.dotPitch;
    return out;
  }
  out.direction = text::directionOf(state.value, ui.text().direction());
  TextPath::DirectionScope scope(ui.text(), out.direction);
  out.lines = breakLongWords(ui, state.value, innerWidth);
  const TextBlock block = ui.text().layout(out.lines, kRole, innerWidth);
  out.lineCount = std::max<size_t>(1, block.paragraph->lines.size());
  out.overflows = block.paragraph->overflows;
  out.lastWidth = block.paragraph->lines.empty() ? 0 : block.paragraph->lines.back().width;
  // Lines are measured without trailing spaces; a space just typed must still move the caret.
  size_t spaces = 0;
  while (spaces < out.lines.size() && out.lines[out.lines.size() - 1 - spaces] == ' ') ++spaces;
  if (const ImFontGlyph* space = ui.text().fonts().font(kRole)->FindGlyph(' ')) {
    out.lastWidth += static_cast<float>(spaces) * space->AdvanceX;
  }
  out.lastWidth = std::min(out.lastWidth, innerWidth);
  return out;
}

float innerWidthOf(Ui& ui, float width) { return std::max(1.f, width - 2 * ui.px(kPaddingX)); }

// Characters a keyboard typed this frame, as UTF-8. ImGui 1.86 queues UTF-16 units.
std::string takeTypedCharacters(ImGuiIO& io) {
  std::u16string units;
  for (const ImWchar c : io.InputQueueCharacters) units.push_back(static_cast<char16_t>(c));
  io.InputQueueCharacters.resize(0);  // taken: nothing else types them a second time
  return text::toUtf8(units);         // an unpaired surrogate becomes U+FFFD, which is refused
}

}  // namespace

size_t appendTyped(TextFieldState& state, std::string_view utf8) {
  size_t taken = 0;
  bool full = false;  // once a character does not fit, nothing after it is taken either
  text::forEachCodePoint(utf8, [&](char32_t c) {
    const auto ok = accepted(state, c);
    if (!ok || full) return;
    const std::string bytes = encode(*ok);
    if (state.value.size() + bytes.size() > state.maxBytes) {
      full = true;
      return;
    }
    state.value += bytes;
    ++taken;
  });
  return taken;
}

bool acceptsWhole(const TextFieldState& state, std::string_view utf8) {
  TextFieldState trial = state;
  trial.value.clear();
  trial.maxBytes = state.maxBytes >= state.value.size() ? state.maxBytes - state.value.size() : 0;
  size_t count = 0;
  text::forEachCodePoint(utf8, [&](char32_t) { ++count; });
  return count > 0 && appendTyped(trial, utf8) == count;
}

bool eraseLast(TextFieldState& state) {
  if (state.value.empty()) return false;
  const std::vector<size_t> bounds = clusterBounds(state.value);
  size_t start = bounds[bounds.size() - 2];
  // Lam followed by alef is drawn as one ligature: what looks like one letter goes as one.
  if (bounds.size() > 2 && isAlef(codePointAt(state.value, start))) {
    const size_t before = bounds[bounds.size() - 3];
    if (codePointAt(state.value, before) == kLam) start = before;
  }
  state.value.erase(start);
  return true;
}

// [SECTION] Drawing

float textFieldHeight(Ui& ui, const TextFieldState& state, float width) {
  const FieldLayout layout = layoutField(ui, state, innerWidthOf(ui, width));
  return std::max(ui.px(design::kMinTarget), layout.height() + 2 * ui.px(kPaddingY));
}

bool textField(Ui& ui, std::string_view key, TextFieldState& state, const Rect& r, bool focused, bool* tapped) {
  // Typing first, so this frame already shows what was typed.
  bool entered = false;
  if (focused) {
    ImGuiIO& io = ImGui::GetIO();
    appendTyped(state, takeTypedCharacters(io));
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) eraseLast(state);
    entered = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  }
  const bool tap = touchArea(key, r);
  if (tapped) *tapped = tap;

  const auto& c = ui.colors();
  auto* list = ImGui::GetWindowDrawList();
  const float border = ui.px(design::kBorder);
  const float radius = ui.px(design::kRadius) / 2;
  list->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), packedColor(c.surface), radius);
  list->AddRect(ImVec2(r.x + border / 2, r.y + border / 2), ImVec2(r.right() - border / 2, r.bottom() - border / 2),
                packedColor(focused ? c.primary : c.border), radius, 0, border);

  const Rect box = r.inset(ui.px(kPaddingX), ui.px(kPaddingY));
  const FieldLayout layout = layoutField(ui, state, box.w);
  const bool rtl = layout.direction == text::Direction::RightToLeft;
  float top = box.y;  // of the first line; a single line sits in the middle of a taller field
  if (layout.height() < box.h) top += std::floor((box.h - layout.height()) / 2);
  bool fits = !layout.overflows && layout.height() <= box.h + 0.5f;
  list->PushClipRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), true);
  if (layout.dots) {
    for (size_t i = 0; i < layout.dotCount; ++i) {
      const float along = (static_cast<float>(i % layout.dotsPerLine) + 0.5f) * layout.dotPitch;
      const float y = top + (static_cast<float>(i / layout.dotsPerLine) + 0.5f) * layout.lineHeight;
      list->AddCircleFilled(ImVec2(rtl ? box.right() - along : box.x + along, y), layout.dotRadius, packedColor(c.text), 24);
    }
  } else {
    TextPath::DirectionScope scope(ui.text(), layout.direction);
    fits = ui.text().draw(*list, layout.lines, kRole, c.text, box, Align::Start, true) && fits;
  }
  list->PopClipRect();

  if (focused) {
    // A steady caret where the next character goes: after the last line's end in the text's
    // direction (the left end for right-to-left text). It does not blink: blinking would cost a
    // frame every half second on an idle kiosk.
    const float lineTop = top + layout.lineHeight * static_cast<float>(layout.lineCount - 1);
    const float size = ui.text().fonts().size(kRole);
    const float caretW = std::max(std::round(ui.px(kCaretWidth)), std::round(size * 0.07f));
    const float gap = std::max(ui.px(kCaretGap), std::round(size * 0.1f));
    const float x = std::round(rtl ? box.right() - layout.lastWidth - gap - caretW : box.x + layout.lastWidth + gap);
    const float inset = std::round(layout.lineHeight * 0.12f);
    list->AddRectFilled(ImVec2(x, lineTop + inset), ImVec2(x + caretW, lineTop + layout.lineHeight - inset), packedColor(c.text));
  }

  AccessNode node;
  node.role = Role::Field;
  node.key = std::string(key);
  node.text = shownText(state);  // dots for a PIN: the tree is read aloud and dumped to files
  node.rect = r;
  node.visibleRect = visiblePart(r);
  node.selected = focused;
  node.clipped = !fits;
  ui.tree().add(std::move(node));
  return entered;
}

}  // namespace kiosk::ui
