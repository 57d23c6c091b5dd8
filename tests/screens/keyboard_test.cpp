// The text field and the on-screen keyboard in real frames: typing by tapping keys and on a
// physical keyboard or scanner, backspace by whole characters, limits, PINs kept out of the
// tree, every key big enough and apart in every layout and text size, Arabic drawn shaped, and
// an atlas that can draw whatever is typed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "kiosk/text/bidi_shaping.h"
#include "kiosk/text/unicode.h"
#include "kiosk/ui/keyboard.h"
#include "kiosk/ui/text_field.h"
#include "platform/png_writer.h"
#include "widget_harness.h"

using kiosk::ui::KeyboardLayout;
namespace ui = kiosk::ui;
namespace platform = kiosk::platform;

namespace {

// A field with the keyboard under it, as a screen asking for a code would draw them.
struct Typing {
  ui::TextFieldState field;
  ui::KeyboardState keys;
  bool focused = true;
  bool showKeyboard = true;
  float fieldWidth = 0;  // 0: the full width between the margins
  int fieldEnters = 0;
  int keyboardEnters = 0;
  ui::Rect keyboardRect;

  void draw(ui::Ui& ui) {
    const float margin = ui.px(ui::design::kMargin);
    const float width = ui.displaySize().x - 2 * margin;
    const float w = fieldWidth > 0 ? fieldWidth : width;
    const ui::Rect fieldRect{margin, margin, w, ui::textFieldHeight(ui, field, w)};
    if (ui::textField(ui, "test.field", field, fieldRect, focused)) ++fieldEnters;
    if (!showKeyboard) return;
    keyboardRect = {margin, fieldRect.bottom() + ui.px(ui::design::kGap), width, ui::keyboardHeight(ui, keys, width)};
    if (ui::keyboard(ui, keys, field, keyboardRect)) ++keyboardEnters;
  }
  WidgetHarness::Draw drawer() {
    return [this](ui::Ui& ui) { draw(ui); };
  }
};

std::vector<const ui::AccessNode*> keysIn(const ui::AccessTree& tree) {
  std::vector<const ui::AccessNode*> keys;
  for (const auto& node : tree.nodes()) {
    if (node.key.rfind("key.", 0) == 0) keys.push_back(&node);
  }
  return keys;
}

std::string layoutName(KeyboardLayout layout) {
  switch (layout) {
    case KeyboardLayout::Danish: return "danish";
    case KeyboardLayout::Arabic: return "arabic";
    case KeyboardLayout::Ukrainian: return "ukrainian";
    case KeyboardLayout::Numeric: return "numeric";
  }
  return "?";
}

// Where the Label font's glyph for c is drawn this frame (left edges of each quad).
std::vector<float> drawnAt(const ui::FontSet& fonts, char32_t c) {
  std::vector<float> xs;
  const ImFontGlyph* glyph = fonts.font(ui::FontRole::Label)->FindGlyphNoFallback(static_cast<ImWchar>(c));
  if (!glyph) return xs;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const auto& vtx = data->CmdLists[l]->VtxBuffer;
    for (int i = 0; i + 2 < vtx.Size; ++i) {
      if (vtx[i].uv.x == glyph->U0 && vtx[i].uv.y == glyph->V0 && vtx[i + 2].uv.x == glyph->U1 && vtx[i + 2].uv.y == glyph->V1) {
        xs.push_back(vtx[i].pos.x);
      }
    }
  }
  return xs;
}

}  // namespace

TEST_CASE("keyboard: each language starts on the letters its readers expect") {
  CHECK(ui::keyboardLayoutFor("ar") == KeyboardLayout::Arabic);
  CHECK(ui::keyboardLayoutFor("fa") == KeyboardLayout::Arabic);
  CHECK(ui::keyboardLayoutFor("uk") == KeyboardLayout::Ukrainian);
  for (const char* code : {"da", "en", "so", "tr", "pl", "ti", "ro"}) CHECK(ui::keyboardLayoutFor(code) == KeyboardLayout::Danish);
}

TEST_CASE("keyboard: tapping keys types into the field, shift gives one capital") {
  WidgetHarness h;
  Typing t;
  const auto draw = t.drawer();
  h.settle(draw);
  h.tap("key.shift", draw);
  CHECK(h.node("key.shift").selected);
  CHECK(h.node("key.h").text == "H");
  h.tap("key.h", draw);
  CHECK_FALSE(t.keys.shift);
  for (const char* key : {"key.e", "key.j", "key.space", "key.æ", "key.ø", "key.å", "key.-", "key.2"}) h.tap(key, draw);
  CHECK(t.field.value == "Hej æøå-2");
  CHECK(h.node("test.field").text == "Hej æøå-2");
  CHECK(h.node("test.field").role == ui::Role::Field);
  CHECK(h.node("test.field").selected);
  h.tap("key.enter", draw);
  CHECK(t.keyboardEnters == 1);
  CHECK(t.fieldEnters == 0);
}

TEST_CASE("keyboard: backspace removes one whole character, Arabic and lam-alef too") {
  WidgetHarness h;
  Typing t;
  const auto draw = t.drawer();
  h.settle(draw);
  h.tap("key.a", draw);
  h.tap("key.æ", draw);  // two bytes in UTF-8
  h.tap("key.backspace", draw);
  CHECK(t.field.value == "a");
  // e + combining acute is one character on screen: it goes in one press.
  h.push(platform::TextTyped{"e\xCC\x81"});
  h.settle(draw);
  REQUIRE(t.field.value == "ae\xCC\x81");
  h.tap("key.backspace", draw);
  CHECK(t.field.value == "a");

  t.field.value.clear();
  t.keys.layout = KeyboardLayout::Arabic;
  h.settle(draw);
  for (const char* key : {"key.ب", "key.ي", "key.ت"}) h.tap(key, draw);
  CHECK(t.field.value == "بيت");
  h.tap("key.backspace", draw);
  CHECK(t.field.value == "بي");
  h.tap("key.لا", draw);
  CHECK(t.field.value == "بيلا");
  h.tap("key.backspace", draw);
  CHECK(t.field.value == "بي");
  // Lam and alef typed one by one still show as one ligature, and go as one.
  h.tap("key.ل", draw);
  h.tap("key.أ", draw);
  CHECK(t.field.value == "بيلأ");
  h.tap("key.backspace", draw);
  CHECK(t.field.value == "بي");
  h.tap("key.backspace", draw);
  h.tap("key.backspace", draw);
  h.tap("key.backspace", draw);  // on an empty field: nothing happens
  CHECK(t.field.value.empty());
}

TEST_CASE("keyboard: a physical keyboard or a scanner types into the focused field, Enter submits") {
  WidgetHarness h;
  Typing t;
  const auto draw = t.drawer();
  h.settle(draw);
  // A scanner: the characters, then Enter — they arrive together, in one frame.
  h.push(platform::TextTyped{"DEMO0TDY"});
  h.push(platform::KeyChange{platform::Key::Enter, true});
  h.frame(draw);
  CHECK(t.field.value == "DEMO0TDY");
  CHECK(t.fieldEnters == 1);
  h.push(platform::KeyChange{platform::Key::Enter, false});
  h.settle(draw);
  CHECK(t.fieldEnters == 1);  // once per press, not per frame
  h.press(platform::Key::Backspace, draw);
  CHECK(t.field.value == "DEMO0TD");
  // Control characters and line breaks are never typed into a field.
  h.push(platform::TextTyped{"\t\r\n"});
  h.settle(draw);
  CHECK(t.field.value == "DEMO0TD");
  // A field without focus takes nothing.
  t.focused = false;
  h.push(platform::TextTyped{"X"});
  h.press(platform::Key::Enter, draw);
  CHECK(t.field.value == "DEMO0TD");
  CHECK(t.fieldEnters == 1);
  CHECK_FALSE(h.node("test.field").selected);
}

TEST_CASE("keyboard: a field never grows past maxBytes, and never splits a character") {
  WidgetHarness h;
  Typing t;
  t.field.maxBytes = 5;
  const auto draw = t.drawer();
  h.settle(draw);
  h.push(platform::TextTyped{"æøåx"});
  h.settle(draw);
  CHECK(t.field.value == "æø");  // å would need bytes 5 and 6
  h.tap("key.a", draw);
  CHECK(t.field.value == "æøa");
  h.tap("key.b", draw);
  CHECK(t.field.value == "æøa");
  h.tap("key.backspace", draw);
  h.tap("key.backspace", draw);
  // Three bytes left: the lam-alef key (two letters, four bytes) types all or nothing.
  t.field.value = "ab";
  t.field.maxBytes = 5;
  t.keys.layout = KeyboardLayout::Arabic;
  h.settle(draw);
  h.tap("key.لا", draw);
  CHECK(t.field.value == "ab");
  h.tap("key.ب", draw);
  CHECK(t.field.value == "abب");
}

TEST_CASE("keyboard: a digits-only field takes digits and gets the large numeric pad") {
  WidgetHarness h;
  Typing t;
  t.field.digitsOnly = true;
  const auto draw = t.drawer();
  h.settle(draw);
  h.push(platform::TextTyped{"S1-0\u06603"});  // an Arabic-Indic zero becomes 0
  h.settle(draw);
  CHECK(t.field.value == "1003");
  std::set<std::string> ids;
  for (const auto* key : keysIn(h.tree())) ids.insert(key->key);
  CHECK(ids == std::set<std::string>{"key.0", "key.1", "key.2", "key.3", "key.4", "key.5", "key.6", "key.7", "key.8",
                                     "key.9", "key.backspace", "key.enter"});
  // Large: far bigger than a letter key.
  CHECK(h.node("key.5").rect.w >= 200);
  CHECK(h.node("key.5").rect.h >= 100);
  h.tap("key.7", draw);
  h.tap("key.backspace", draw);
  h.tap("key.9", draw);
  CHECK(t.field.value == "10039");
  h.tap("key.enter", draw);
  CHECK(t.keyboardEnters == 1);
}

TEST_CASE("keyboard: a masked field shows dots and never puts the PIN in the tree") {
  WidgetHarness h;
  Typing t;
  t.field.masked = true;
  t.field.digitsOnly = true;
  const auto draw = t.drawer();
  h.settle(draw);
  for (const char* key : {"key.1", "key.3", "key.5", "key.7"}) h.tap(key, draw);
  h.push(platform::TextTyped{"9"});
  h.settle(draw);
  REQUIRE(t.field.value == "13579");
  CHECK(h.node("test.field").text == "\u2022\u2022\u2022\u2022\u2022");
  for (const auto& node : h.tree().nodes()) {
    INFO(node.key << ": " << node.text);
    CHECK(node.text.find("13") == std::string::npos);
    CHECK(node.text.find("579") == std::string::npos);
  }
}

TEST_CASE("keyboard: every key in every layout, language and text size is big enough, apart and unclipped") {
  WidgetHarness h;
  std::ostringstream problems;
  int count = 0;
  const std::map<KeyboardLayout, size_t> expected{
      {KeyboardLayout::Danish, 47}, {KeyboardLayout::Arabic, 52}, {KeyboardLayout::Ukrainian, 51}, {KeyboardLayout::Numeric, 12}};
  const float touchPadding = 4;  // the kiosk's TouchExtraPadding at 1920 x 1080: targets grow by this
  for (const char* language : {"da", "ar", "uk"}) {
    for (const int size : ui::kTextSizes) {
      for (const auto contrast : {ui::Contrast::Normal, ui::Contrast::High}) {
        h.set(language, size, contrast);
        for (const auto& [layout, keyCount] : expected) {
          for (const bool shift : {false, true}) {
            ui::TextFieldState field;
            field.digitsOnly = layout == KeyboardLayout::Numeric;
            // Latin as an Arabic reader's second layout: with its layout key, the fullest row.
            ui::KeyboardState state{.layout = layout, .own = layout == KeyboardLayout::Danish ? KeyboardLayout::Arabic : layout, .shift = shift};
            ui::Rect area;
            h.frame([&](ui::Ui& ui) {
              const float margin = ui.px(ui::design::kMargin);
              const float width = ui.displaySize().x - 2 * margin;
              area = {margin, margin, width, ui::keyboardHeight(ui, state, width)};
              ui::keyboard(ui, state, field, area);
            });
            std::ostringstream where;
            where << layoutName(layout) << " " << language << " " << size << "%" << (shift ? " shift" : "") << ": ";
            const auto keys = keysIn(h.tree());
            if (keys.size() != keyCount) problems << where.str() << keys.size() << " keys, expected " << keyCount << "\n";
            for (size_t i = 0; i < keys.size(); ++i) {
              const auto& k = *keys[i];
              ++count;
              if (k.rect.w < ui::design::kMinTarget || k.rect.h < ui::design::kMinTarget) {
                problems << where.str() << k.key << " is " << k.rect.w << " x " << k.rect.h << "\n";
              }
              if (k.clipped) problems << where.str() << k.key << " \"" << k.text << "\" is clipped\n";
              if (k.text.empty() || k.text == k.key) problems << where.str() << k.key << " has no text\n";
              if (k.rect.x < area.x - 0.5f || k.rect.right() > area.right() + 0.5f || k.rect.bottom() > area.bottom() + 0.5f) {
                problems << where.str() << k.key << " is outside the keyboard\n";
              }
              if (k.rect.bottom() > 1080) problems << where.str() << k.key << " is below the screen\n";
              for (size_t j = i + 1; j < keys.size(); ++j) {
                if (k.rect.inset(-touchPadding).overlaps(keys[j]->rect.inset(-touchPadding))) {
                  problems << where.str() << k.key << " and " << keys[j]->key << " are touch targets that overlap\n";
                }
                if (k.key == keys[j]->key) problems << where.str() << k.key << " twice\n";
              }
            }
            for (const char* special : {"backspace", "space", "shift", "layout", "enter"}) {
              const auto* node = h.tree().find(std::string("key.") + special);
              if (node && node->text != h.catalogs().text(language, std::string("keyboard.") + special)) {
                problems << where.str() << "key." << special << " says \"" << node->text << "\"\n";
              }
            }
          }
        }
      }
    }
  }
  INFO(problems.str());
  CHECK(problems.str().empty());
  CHECK(count > 3000);
}

TEST_CASE("keyboard: the layout key switches between the citizen's letters and Latin, named by the letters it switches to") {
  WidgetHarness h;
  h.set("ar", 100);
  Typing t;
  t.keys = ui::keyboardFor("ar");
  const auto draw = t.drawer();
  h.settle(draw);
  CHECK(h.tree().find("key.ض"));
  CHECK_FALSE(h.tree().find("key.shift"));  // Arabic has no capitals
  CHECK(h.node("key.layout").text == h.catalogs().text("ar", "keyboard.layout"));
  h.tap("key.layout", draw);
  CHECK(h.tree().find("key.q"));
  CHECK(h.tree().find("key.å"));
  h.tap("key.layout", draw);
  CHECK(t.keys.layout == KeyboardLayout::Arabic);  // back, never on to Ukrainian
  // In Arabic as everywhere, backspace is at the right end and "done" at the bottom right.
  CHECK(h.node("key.backspace").rect.x > h.node("key.ض").rect.x);
  CHECK(h.node("key.enter").rect.x > h.node("key.layout").rect.x);

  t.keys = ui::keyboardFor("uk");
  h.settle(draw);
  CHECK(h.tree().find("key.й"));
  h.tap("key.layout", draw);
  CHECK(t.keys.layout == KeyboardLayout::Danish);
  h.tap("key.layout", draw);
  CHECK(t.keys.layout == KeyboardLayout::Ukrainian);
}

TEST_CASE("keyboard: a citizen who reads Latin letters gets no layout key, and a wider space bar") {
  for (const char* language : {"da", "en", "so", "tr", "pl", "ro"}) {
    WidgetHarness h;
    h.set(language, 100);
    Typing t;
    t.keys = ui::keyboardFor(language);
    h.settle(t.drawer());
    INFO(language);
    CHECK(h.tree().find("key.q"));
    CHECK_FALSE(h.tree().find("key.layout"));
  }
}

TEST_CASE("keyboard: typed Arabic is drawn shaped, joined and right to left, on Danish and Arabic screens") {
  for (const char* language : {"da", "ar"}) {
    WidgetHarness h;
    h.set(language, 100);
    Typing t;
    t.showKeyboard = false;  // only the field draws Arabic letters
    const auto draw = t.drawer();
    h.settle(draw);
    h.push(platform::TextTyped{"بيت"});
    h.settle(draw);
    INFO(language);
    CHECK(h.node("test.field").text == "بيت");  // the tree keeps the logical text
    const std::string shown = kiosk::text::visualLine("بيت", kiosk::text::Direction::RightToLeft);
    CHECK(shown != "بيت");
    // Initial beh, medial yeh, final teh — presentation forms, not the letters typed.
    const auto beh = drawnAt(h.fonts(), 0xFE91), yeh = drawnAt(h.fonts(), 0xFEF4), teh = drawnAt(h.fonts(), 0xFE96);
    REQUIRE(beh.size() == 1);
    REQUIRE(yeh.size() == 1);
    REQUIRE(teh.size() == 1);
    CHECK(drawnAt(h.fonts(), 0x0628).empty());
    CHECK(teh[0] < yeh[0]);  // read from the right
    CHECK(yeh[0] < beh[0]);
    // Right to left text sits at the right of the field.
    CHECK(beh[0] > h.node("test.field").rect.center().x);
    h.push(platform::TextTyped{"لا"});
    h.settle(draw);
    CHECK(drawnAt(h.fonts(), 0xFEFC).size() == 1);  // lam-alef, final form, as one glyph
  }
}

TEST_CASE("keyboard: a long value wraps onto more lines instead of clipping") {
  WidgetHarness h;
  Typing t;
  t.showKeyboard = false;
  t.fieldWidth = 600;
  const auto draw = t.drawer();
  h.settle(draw);
  const float oneLine = h.node("test.field").rect.h;
  t.field.value = "Social- og sundhedsassistent hos Region Hovedstaden";
  h.settle(draw);
  CHECK(h.node("test.field").rect.h > oneLine);
  CHECK_FALSE(h.node("test.field").clipped);
  // A scanned code has no spaces: it breaks between characters.
  t.field.value = std::string(200, 'W');
  h.settle(draw);
  CHECK(h.node("test.field").rect.h > 3 * oneLine);
  CHECK_FALSE(h.node("test.field").clipped);
  CHECK(h.node("test.field").text == std::string(200, 'W'));
  t.field.value = "ممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممممم";
  h.settle(draw);
  CHECK_FALSE(h.node("test.field").clipped);
  // So do a PIN's dots.
  t.field.masked = true;
  t.field.value = std::string(60, '7');
  h.settle(draw);
  CHECK(h.node("test.field").rect.h > 2 * oneLine);
  CHECK_FALSE(h.node("test.field").clipped);
}

TEST_CASE("keyboard: the atlas of da, ar and uk draws every key and whatever is typed with them") {
  WidgetHarness h;
  for (const char* language : {"da", "ar", "uk"}) {
    h.set(language, 100);
    // The keys' characters as the keyboard shows them, with capitals, from every layout.
    std::set<std::string> keys;
    std::set<std::string> arabic;
    for (const auto layout : {KeyboardLayout::Danish, KeyboardLayout::Arabic, KeyboardLayout::Ukrainian, KeyboardLayout::Numeric}) {
      for (const bool shift : {false, true}) {
        ui::TextFieldState field;
        field.digitsOnly = layout == KeyboardLayout::Numeric;
        ui::KeyboardState state{.layout = layout, .own = layout, .shift = shift};
        h.frame([&](ui::Ui& ui) { ui::keyboard(ui, state, field, {0, 0, 1920, 900}); });
        for (const auto* node : keysIn(h.tree())) {
          const std::set<std::string> specials{"key.backspace", "key.space", "key.shift", "key.layout", "key.enter"};
          if (specials.contains(node->key)) continue;  // their labels are catalog texts, checked elsewhere
          keys.insert(node->text);
          if (kiosk::text::directionOf(node->text, kiosk::text::Direction::LeftToRight) == kiosk::text::Direction::RightToLeft) {
            arabic.insert(node->text);
          }
        }
      }
    }
    REQUIRE(arabic.size() == 37);  // 36 letters and lam-alef
    std::vector<std::string> texts(keys.begin(), keys.end());
    for (const char* name : {"ABC", "عربي", "АБВ"}) texts.push_back(name);
    // Anything typed is a sequence of keys: every pair shows each letter's initial and final
    // forms and the ligatures, a letter between two behs its medial form.
    for (const auto& a : arabic) {
      for (const auto& b : arabic) texts.push_back(a + b);
      texts.push_back("ب" + a + "ب");
    }
    int missing = 0;
    std::ostringstream which;
    for (const auto& text : texts) {
      const auto shown = kiosk::text::visualLine(text, kiosk::text::Direction::RightToLeft);
      kiosk::text::forEachCodePoint(shown, [&](char32_t c) {
        for (const auto role : {ui::FontRole::Label, ui::FontRole::Title}) {
          if (h.fonts().font(role)->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
          if (++missing <= 20) which << language << ": U+" << std::hex << static_cast<unsigned>(c) << std::dec << " in \"" << text << "\"\n";
        }
      });
    }
    INFO(which.str());
    CHECK(missing == 0);
  }
}

// Not run by default: renders each layout at 100 % and 200 % with real GL (under Xvfb) into
// $KIOSK_KEYBOARD_SHOTS, to look at.
TEST_CASE("keyboard: screenshots", "[.screenshots]") {
  const char* dir = std::getenv("KIOSK_KEYBOARD_SHOTS");
  if (!dir) {
    WARN("set KIOSK_KEYBOARD_SHOTS to a folder, and run under Xvfb, to write the screenshots");
    return;
  }
  platform::WindowOptions options;
  options.windowed = true;
  auto window = platform::createSdl2Window(options);
  INFO((window ? std::string() : window.failure().detail));
  REQUIRE(window);
  WidgetHarness h(std::move(*window));
  struct Shot {
    const char* language;
    KeyboardLayout layout;
    const char* typed;
    bool masked;
  };
  for (const Shot& shot : {Shot{"da", KeyboardLayout::Danish, "Social- og sundhedsassistent", false},
                           Shot{"ar", KeyboardLayout::Arabic, "مساعد طبيب أسنان", false},
                           Shot{"uk", KeyboardLayout::Ukrainian, "Продавець-консультант", false},
                           Shot{"da", KeyboardLayout::Numeric, "1357", true},
                           Shot{"ar", KeyboardLayout::Danish, "DEMO0TDY", false}}) {
    for (const int size : {100, 200}) {
      for (const auto contrast : {ui::Contrast::Normal, ui::Contrast::High}) {
        if (contrast == ui::Contrast::High && size == 200) continue;
        h.set(shot.language, size, contrast);
        Typing t;
        t.keys.layout = shot.layout;
        t.field.digitsOnly = shot.layout == KeyboardLayout::Numeric;
        t.field.masked = shot.masked;
        t.field.value = shot.typed;
        t.keys.shift = shot.layout == KeyboardLayout::Ukrainian && size == 200;
        h.settle(t.drawer());
        platform::Image image;
        REQUIRE(h.capture(t.drawer(), image));
        const std::string name = std::string(dir) + "/keyboard-" + layoutName(shot.layout) + "-" + shot.language + "-" +
                                 std::to_string(size) + (contrast == ui::Contrast::High ? "-high" : "") + ".png";
        CHECK(platform::writePng(name, image));
      }
    }
  }
}
