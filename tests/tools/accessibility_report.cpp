// Writes docs/accessibility.md from the checks themselves, so the document is what the kiosk does
// today: accessibility_report OUT.md. A ctest ("docs: ...") regenerates it and fails when the
// committed file differs.
//
// [SECTION] index
//   The kiosk under test      headless and in-process, like tests/screens/headless_kiosk.h
//   Screen checks             the same checks as tests/screens/screen_matrix_test.cpp, plus a
//                             Danish text shown in another language
//   Contrast                  the theme's text/background pairs (kiosk/ui/theme.cpp)
//   Capital H                 the kiosk's own font atlas at each text size (EN 301 549 5.1.4)
//   LIX                       the Danish catalog (tests/tools/lix.h, tests/unit/lix_test.cpp)
//   Writing                   tables and the EN 301 549 / WCAG checklist
//
// Nothing machine-specific goes into the output (no time, no path, no host): the same sources
// give the same bytes.
#include <imgui.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <numbers>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/app/frame_driver.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/services/speech.h"
#include "platform/null_audio.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/screens/screen.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/theme.h"
#include "lix.h"

namespace {

using kiosk::screens::ScreenId;
using kiosk::ui::Contrast;

// [SECTION] The kiosk under test
// As tests/screens/headless_kiosk.h, but the idle timeout is out of reach: thousands of frames on
// the virtual clock must never bring up "more time?" or start over by accident. The warning gets
// its own row, brought up on purpose.
constexpr std::chrono::hours kNoTimeout{24};

kiosk::app::AppOptions options() {
  kiosk::app::AppOptions o;
  o.idleTimeout = kNoTimeout;
  return o;
}

struct ReportKiosk {
  ReportKiosk()
      : catalogs(kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value()),
        window(kiosk::platform::createHeadlessWindow({1920, 1080})),
        app(*window, catalogs, options(), kiosk::app::Clock::now()),
        driver(app, *window, kiosk::app::Clock::now()),
        speech(std::make_unique<kiosk::platform::NullAudioOutput>(), KIOSK_DATA_DIR, catalogs.languages()) {
    app.attachSpeech(&speech);  // as the kiosk runs: read aloud where a voice exists
    driver.settle();
  }
  ~ReportKiosk() { app.attachSpeech(nullptr); }

  void tap(const std::string& key) {
    const auto* node = app.tree().find(key);
    if (!node) return;
    const auto at = node->visibleRect.center();
    driver.push(kiosk::platform::PointerDown{at.x, at.y});
    driver.push(kiosk::platform::PointerUp{at.x, at.y});
    driver.settle();
  }

  kiosk::i18n::Catalogs catalogs;
  std::unique_ptr<kiosk::platform::Window> window;
  kiosk::app::KioskApp app;
  kiosk::app::FrameDriver driver;
  kiosk::services::SpeechService speech;
};

// [SECTION] Screen checks
enum Check { Clipped, Targets, Overlap, Untranslated, Structure, kChecks };

struct CheckInfo {
  const char* title;
  const char* what;
};

constexpr CheckInfo kCheckInfo[kChecks] = {
    {"No clipped text", "a text that did not fit its rectangle (`clipped` in the tree)"},
    {"Every target at least 60 × 60 px", "a button smaller than 60 × 60 px (`kiosk::ui::design::kMinTarget`, ~15 mm on the panel)"},
    {"No overlapping touch targets", "two buttons whose touchable parts (visible rectangles, 1 px inset) overlap"},
    {"Every label translated", "a text equal to its own key, or - in a language other than Danish - equal to the Danish text of its key "
                               "when that language's own text differs (or is missing); the attract screen greets in every language "
                               "in turn whatever the chosen one, so only its keys are checked there"},
    {"Structure", "a screen without a heading (the attract screen has none by design), an empty text, or a node off the side of the screen"},
};

struct Row {
  std::string name;
  std::map<std::string, std::array<int, kChecks>> byLanguage;  // language -> problems per check
};

struct ScreenResults {
  std::vector<Row> rows;
  std::vector<std::string> problems;  // in the order found
  std::array<int, kChecks> totals{};
  int statesChecked = 0;
  bool readAloudEnabled = false;

  void add(Row& row, const std::string& language, Check check, const std::string& where, const std::string& what) {
    ++row.byLanguage[language][check];
    ++totals[check];
    problems.push_back(where + ": " + what);
  }
};

// Checks the nodes of one frame. only: when not empty, only nodes whose key starts with it count
// (the "more time?" window covers the screen below, whose nodes are still in the tree). The
// attract screen has no heading, and greets in every language in turn whatever the chosen one
// (kiosk/screens/attract.cpp), so Danish there is by design; its keys are still checked.
void checkNodes(const ReportKiosk& k, ScreenResults& results, Row& row, const std::string& language, const std::string& where,
                const std::string& only, bool attract) {
  const auto& nodes = k.app.tree().nodes();
  bool heading = false;
  std::vector<const kiosk::ui::AccessNode*> buttons;
  for (const auto& n : nodes) {
    if (!only.empty() && n.key.rfind(only, 0) != 0) continue;
    heading = heading || n.role == kiosk::ui::Role::Heading;
    if (n.clipped) results.add(row, language, Clipped, where, "clipped text in " + n.key + " \"" + n.text + "\"");
    if (n.text.empty() && n.role != kiosk::ui::Role::Field) results.add(row, language, Structure, where, "empty text in " + n.key);
    if (n.rect.x < -0.5f || n.rect.right() > 1920.5f) results.add(row, language, Structure, where, n.key + " runs off the side of the screen");
    if (n.text == n.key) {
      results.add(row, language, Untranslated, where, "key shown as text: " + n.key);
    } else if (language != "da" && !attract && k.catalogs.has("da", n.key)) {
      const std::string& danish = k.catalogs.text("da", n.key);
      const bool ownDiffers = !k.catalogs.has(language, n.key) || k.catalogs.text(language, n.key) != danish;
      if (n.text == danish && ownDiffers) results.add(row, language, Untranslated, where, "Danish text shown: " + n.key + " \"" + n.text + "\"");
    }
    if (n.role != kiosk::ui::Role::Button) continue;
    if (n.rect.w < kiosk::ui::design::kMinTarget || n.rect.h < kiosk::ui::design::kMinTarget) {
      std::ostringstream size;
      size << n.key << " is " << std::lround(n.rect.w) << " × " << std::lround(n.rect.h) << " px";
      results.add(row, language, Targets, where, size.str());
    }
    buttons.push_back(&n);
  }
  if (!attract && !heading) results.add(row, language, Structure, where, "no heading");
  for (size_t i = 0; i < buttons.size(); ++i) {
    for (size_t j = i + 1; j < buttons.size(); ++j) {
      if (buttons[i]->visibleRect.inset(1).overlaps(buttons[j]->visibleRect.inset(1))) {
        results.add(row, language, Overlap, where, buttons[i]->key + " overlaps " + buttons[j]->key);
      }
    }
  }
}

std::string where(std::string_view screen, const std::string& language, int size, Contrast contrast) {
  std::ostringstream out;
  out << screen << " " << language << " " << size << " % " << (contrast == Contrast::High ? "high" : "normal");
  return out.str();
}

ScreenResults checkScreens(ReportKiosk& k) {
  ScreenResults results;
  const auto screens = kiosk::screens::allScreens();
  for (const ScreenId screen : screens) results.rows.push_back({std::string(kiosk::screens::screenName(screen)), {}});
  results.rows.push_back({"more time? (over the menu)", {}});
  Row& moreTime = results.rows.back();

  for (const auto& language : k.catalogs.languages().languages) {
    for (const int size : kiosk::ui::kTextSizes) {
      for (const Contrast contrast : {Contrast::Normal, Contrast::High}) {
        k.app.setLanguage(language.code);
        k.app.setTextSize(size);
        k.app.setContrast(contrast);
        for (size_t s = 0; s < screens.size(); ++s) {
          k.app.showScreen(screens[s]);
          k.driver.settle();
          Row& row = results.rows[s];
          row.byLanguage[language.code];  // a cell for every language, problems or not
          const std::string at = where(row.name, language.code, size, contrast);
          if (k.app.currentScreen() != screens[s]) {
            results.add(row, language.code, Structure, at, "the screen could not be shown");
            continue;
          }
          checkNodes(k, results, row, language.code, at, "", screens[s] == ScreenId::Attract);
          if (screens[s] == ScreenId::MainMenu && language.code == "da" && size == 100 && contrast == Contrast::Normal) {
            const auto* readAloud = k.app.tree().find("bar.read_aloud");
            results.readAloudEnabled = readAloud && readAloud->enabled;
          }
          ++results.statesChecked;
        }
        // "Do you need more time?", 20 s before the timeout, then dismissed as a citizen would.
        k.app.showScreen(ScreenId::MainMenu);
        k.driver.push(kiosk::platform::PointerMove{-100, -100});  // the idle time starts now
        k.driver.settle();
        k.driver.advance(std::chrono::duration_cast<kiosk::app::Clock::duration>(kNoTimeout) - std::chrono::seconds(20));
        k.driver.settle();
        moreTime.byLanguage[language.code];
        const std::string at = where("more time?", language.code, size, contrast);
        if (!k.app.tree().find("idle.question")) {
          results.add(moreTime, language.code, Structure, at, "the \"more time?\" warning did not appear");
        } else {
          checkNodes(k, results, moreTime, language.code, at, "idle.", false);
          k.tap("idle.more_time");
        }
        ++results.statesChecked;
      }
    }
  }
  return results;
}

// [SECTION] Contrast
double channel(uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(kiosk::ui::Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrastRatio(kiosk::ui::Rgb a, kiosk::ui::Rgb b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
  const char* fore;
  const char* back;
  kiosk::ui::Rgb kiosk::ui::Palette::*foreColour;
  kiosk::ui::Rgb kiosk::ui::Palette::*backColour;
  double required;
  const char* where;
};

using P = kiosk::ui::Palette;
// Every colour pair the widgets and screens draw text, pictograms or outlines in (kiosk/ui/widgets.cpp,
// keyboard.cpp, persistent_bar.cpp, the screens); tests/unit/theme_contrast_test.cpp holds the rule.
const Pair kPairs[] = {
    {"text", "surface", &P::text, &P::surface, 4.5, "tiles, cards, buttons, the bar's labels, the keyboard's letter keys"},
    {"text", "background", &P::text, &P::background, 4.5, "headings and paragraphs on the page"},
    {"text", "barBackground", &P::text, &P::barBackground, 4.5, "the keyboard's function keys"},
    {"text", "pressed", &P::text, &P::pressed, 4.5, "any control while a finger is on it"},
    {"mutedText", "surface", &P::mutedText, &P::surface, 4.5, "hint lines on tiles and cards"},
    {"mutedText", "background", &P::mutedText, &P::background, 4.5, "hints on the page (phone login)"},
    {"onPrimary", "primary", &P::onPrimary, &P::primary, 4.5, "the header, selected items, the main action"},
    {"primary", "surface", &P::primary, &P::surface, 4.5, "pictograms and outline-button labels"},
    {"primary", "pressed", &P::primary, &P::pressed, 4.5, "a bar pictogram while pressed"},
    {"disabledText", "surface", &P::disabledText, &P::surface, 4.5, "a control shown but not usable (read aloud)"},
    {"border", "surface", &P::border, &P::surface, 3.0, "control outlines (WCAG 1.4.11)"},
    {"border", "barBackground", &P::border, &P::barBackground, 3.0, "outlines of bar buttons and function keys"},
};

std::string hex(kiosk::ui::Rgb c) {
  std::ostringstream out;
  out << "#" << std::uppercase << std::hex << std::setfill('0') << std::setw(2) << int{c.r} << std::setw(2) << int{c.g} << std::setw(2)
      << int{c.b};
  return out.str();
}

// [SECTION] Capital H
// The panel the design is made for: 21.5" at 1920 x 1080 (476 mm wide), read from 500 mm.
const double kPanelWidthMm = 21.5 * 25.4 * 16 / std::sqrt(16.0 * 16 + 9 * 9);  // 16:9, diagonal 21.5"
const double kMmPerPx = kPanelWidthMm / 1920;
constexpr double kViewingMm = 500;
constexpr double kMinAngleDeg = 0.7;

struct RoleSize {
  kiosk::ui::FontRole role;
  const char* name;
  float design;
  const char* face;
};

constexpr RoleSize kRoles[] = {
    {kiosk::ui::FontRole::Display, "Display (attract greeting)", kiosk::ui::design::kDisplayText, "Noto Sans Bold"},
    {kiosk::ui::FontRole::Title, "Title (headings, pill buttons)", kiosk::ui::design::kTitleText, "Noto Sans Bold"},
    {kiosk::ui::FontRole::Label, "Label (tiles, buttons)", kiosk::ui::design::kLabelText, "Noto Sans SemiBold"},
    {kiosk::ui::FontRole::Body, "Body (paragraphs, cards)", kiosk::ui::design::kBodyText, "Noto Sans Regular"},
    {kiosk::ui::FontRole::Hint, "Hint (hint lines, steps)", kiosk::ui::design::kHintText, "Noto Sans Regular"},
    {kiosk::ui::FontRole::Bar, "Bar (bar labels)", kiosk::ui::design::kBarText, "Noto Sans SemiBold"},
};

struct CapitalH {
  float pixelSize = 0;
  float heightPx = 0;
  double mm() const { return heightPx * kMmPerPx; }
  double degrees() const { return 2 * std::atan(mm() / (2 * kViewingMm)) * 180 / std::numbers::pi; }
  bool passes() const { return degrees() + 1e-9 >= kMinAngleDeg; }
};

// The height of "H" as the kiosk draws it: its own FontSet, at the size each text step builds,
// measured on the glyph in the atlas (FreeType, light hinting - as on screen).
std::map<std::pair<int, int>, CapitalH> measureCapitalH() {
  std::map<std::pair<int, int>, CapitalH> out;
  for (const int percent : kiosk::ui::kTextSizes) {
    kiosk::ui::FontSet fonts;
    ImFontAtlas atlas;
    kiosk::ui::FontPlan plan;
    plan.textScale = static_cast<float>(percent) / 100.f;
    plan.texts = "H";
    plan.displayTexts = "H";
    plan.icons = {kiosk::ui::icon::kHelp};
    if (!fonts.build(atlas, plan)) throw std::runtime_error("the fonts could not be built (fonts-noto-core, fonts-noto-extra)");
    for (size_t r = 0; r < std::size(kRoles); ++r) {
      const ImFontGlyph* h = fonts.font(kRoles[r].role)->FindGlyphNoFallback('H');
      if (!h) throw std::runtime_error("no glyph H in the atlas");
      out[{static_cast<int>(r), percent}] = {fonts.size(kRoles[r].role), h->Y1 - h->Y0};
    }
  }
  return out;
}

// [SECTION] Writing
std::string fixed(double v, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << v;
  return out.str();
}

std::string cell(int problems) { return problems == 0 ? "✓" : std::to_string(problems); }

std::string verdict(bool met) { return met ? "**met**" : "**not met**"; }

void writeScreenTables(std::ostream& md, const ScreenResults& results, const std::vector<std::string>& languages) {
  for (int c = 0; c < kChecks; ++c) {
    md << "### " << kCheckInfo[c].title << "\n\n"
       << "Problems found: " << kCheckInfo[c].what << ". A cell counts them over the 3 text sizes and both themes; ✓ is none.\n\n";
    md << "| screen |";
    for (const auto& l : languages) md << " " << l << " |";
    md << "\n|---|";
    for (size_t i = 0; i < languages.size(); ++i) md << ":-:|";
    md << "\n";
    for (const auto& row : results.rows) {
      md << "| " << row.name << " |";
      for (const auto& l : languages) {
        const auto found = row.byLanguage.find(l);
        md << " " << cell(found == row.byLanguage.end() ? 0 : found->second[c]) << " |";
      }
      md << "\n";
    }
    md << "\n";
  }
}

void write(std::ostream& md, const ScreenResults& screens, const std::vector<std::string>& languages, const std::map<std::string, bool>& voices,
           const std::map<std::pair<int, int>, CapitalH>& capitalH, const lix::CatalogResult& lixResult, size_t screenCount) {
  int problems = 0;
  for (const int t : screens.totals) problems += t;
  const bool clippedOk = screens.totals[Clipped] == 0, targetsOk = screens.totals[Targets] == 0, overlapOk = screens.totals[Overlap] == 0;
  const bool translatedOk = screens.totals[Untranslated] == 0, structureOk = screens.totals[Structure] == 0;
  bool contrastOk = true;
  for (const Contrast theme : {Contrast::Normal, Contrast::High}) {
    for (const auto& p : kPairs) contrastOk = contrastOk && contrastRatio(kiosk::ui::palette(theme).*p.foreColour, kiosk::ui::palette(theme).*p.backColour) >= p.required;
  }
  bool h200 = true, h150 = true;
  double smallest200 = 1e9, smallest150 = 1e9;
  for (size_t r = 0; r < std::size(kRoles); ++r) {
    h150 = h150 && capitalH.at({static_cast<int>(r), 150}).passes();
    h200 = h200 && capitalH.at({static_cast<int>(r), 200}).passes();
    smallest200 = std::min(smallest200, capitalH.at({static_cast<int>(r), 200}).mm());
    smallest150 = std::min(smallest150, capitalH.at({static_cast<int>(r), 150}).mm());
  }
  const bool lixOk = lixResult.overLimit().empty() && !lixResult.pooledOverLimit() && lixResult.tooLong.empty();

  md << "# Accessibility\n\n"
     << "<!-- Generated by tests/tools/accessibility_report.cpp from the kiosk itself; do not edit by hand.\n"
     << "     Regenerate: build/ci/tests/accessibility_report docs/accessibility.md\n"
     << "     The test \"docs: docs/accessibility.md is what the checks say\" fails when this file differs. -->\n\n"
     << "What the kiosk's own checks measure today, and how each relevant clause of EN 301 549 V3.2.1 clause 5 (closed "
        "functionality) and WCAG 2.2 AA is met - or not yet. Every figure below is computed by "
        "`tests/tools/accessibility_report.cpp` from the kiosk's code, theme, fonts and catalogs; after any change to the "
        "screens, texts or theme the file must be regenerated (`build/ci/tests/accessibility_report docs/accessibility.md`).\n\n"
     << "Contents: [Screens](#screens) · [Contrast](#contrast) · [Text size](#text-size-capital-h) · "
        "[Easy-read Danish](#easy-read-danish-lix) · [EN 301 549 clause 5](#en-301-549-v321-clause-5-closed-functionality) · "
        "[WCAG 2.2 AA](#wcag-22-aa)\n\n";

  // Screens.
  md << "## Screens\n\n"
     << "Every screen (`kiosk::screens::allScreens()`, " << screenCount << " screens) and the \"Do you need more time?\" warning, in "
     << languages.size() << " languages, at 100, 150 and 200 % text, in the normal and the high-contrast theme: " << screens.statesChecked
     << " screen states, each drawn headless in-process through the same frames as `--dump-ui` and checked on its accessibility "
        "tree - the checks of `tests/screens/screen_matrix_test.cpp`, plus Danish shown in another language. The screens behind "
        "the login are drawn as a kiosk without a booking system shows them (no citizen logged in).\n\n"
     << "**" << (problems == 0 ? "No problems found." : std::to_string(problems) + " problems found.") << "**\n\n";
  writeScreenTables(md, screens, languages);
  if (!screens.problems.empty()) {
    constexpr size_t kShown = 60;
    md << "### Problems\n\n";
    for (size_t i = 0; i < std::min(kShown, screens.problems.size()); ++i) md << "- " << screens.problems[i] << "\n";
    if (screens.problems.size() > kShown) md << "- … and " << screens.problems.size() - kShown << " more\n";
    md << "\n";
  }

  // Contrast.
  md << "## Contrast\n\n"
     << "WCAG 2.2 contrast ratio of every colour pair the kiosk draws text, pictograms or outlines in (`kiosk/ui/theme.cpp`; the rule "
        "is also `tests/unit/theme_contrast_test.cpp`): at least 4.5:1 for text and pictograms, 3:1 for control outlines.\n\n"
     << "| foreground on background | used for | required | normal | high contrast |\n|---|---|:-:|:-:|:-:|\n";
  for (const auto& p : kPairs) {
    md << "| " << p.fore << " on " << p.back << " | " << p.where << " | " << fixed(p.required, 1) << ":1 |";
    for (const Contrast theme : {Contrast::Normal, Contrast::High}) {
      const P& palette = kiosk::ui::palette(theme);
      const double ratio = contrastRatio(palette.*p.foreColour, palette.*p.backColour);
      md << " " << fixed(ratio, 2) << ":1 " << (ratio >= p.required ? "✓" : "✗") << " <sub>" << hex(palette.*p.foreColour) << " on "
         << hex(palette.*p.backColour) << "</sub> |";
    }
    md << "\n";
  }
  md << "\n";

  // Capital H.
  md << "## Text size: capital H\n\n"
     << "EN 301 549 5.1.4 asks for a mode in which a capital H subtends at least 0.7° at the viewing distance the supplier names. "
        "Assumed: the 21.5\" 1920 × 1080 panel the design is made for (" << fixed(kPanelWidthMm, 1) << " mm wide, "
     << fixed(kMmPerPx, 4) << " mm per pixel), read from " << fixed(kViewingMm, 0) << " mm: 0.7° is a capital H of "
     << fixed(2 * kViewingMm * std::tan(kMinAngleDeg / 2 * std::numbers::pi / 180), 2) << " mm. The height is measured on the H glyph in the "
        "kiosk's own font atlas (`kiosk::ui::FontSet`, FreeType with light hinting, built at exactly the size each text step "
        "shows - the sizes of `kiosk/ui/theme.h` times 1, 1.5 or 2, and at 150 % and 200 % never below `kEnlargedMinText`). The Latin face is measured; Arabic (merged at ×"
     << fixed(kiosk::ui::kArabicSizeFactor, 2) << " to match it) and Ethiopic have no capital H and are drawn to the same size.\n\n"
     << "| role | face | 100 % | 150 % | 200 % |\n|---|---|:-:|:-:|:-:|\n";
  for (size_t r = 0; r < std::size(kRoles); ++r) {
    md << "| " << kRoles[r].name << " | " << kRoles[r].face << " |";
    for (const int percent : kiosk::ui::kTextSizes) {
      const CapitalH& h = capitalH.at({static_cast<int>(r), percent});
      md << " " << fixed(h.pixelSize, 0) << " px font: H " << fixed(h.heightPx, 0) << " px = " << fixed(h.mm(), 2) << " mm, "
         << fixed(h.degrees(), 2) << "° " << (h.passes() ? "✓" : "✗") << " |";
    }
    md << "\n";
  }
  md << "\n"
     << (h200 ? "At 200 % every text role passes" : "At 200 % not every text role passes") << "; at 150 % "
     << (h150 ? "every role passes too" : "the smaller roles do not") << ". 100 % is the default for readers who do not need large text.\n\n";

  // LIX.
  const auto over = lixResult.overLimit();
  const lix::Scored* highest = nullptr;
  double sum = 0;
  for (const auto& s : lixResult.own) {
    sum += s.measure.score();
    if (!highest || s.measure.score() > highest->measure.score()) highest = &s;
  }
  md << "## Easy-read Danish (LIX)\n\n"
     << "Every citizen-facing Danish text has a LIX of at most " << fixed(lix::kMaxLix, 0) << " (`tests/unit/lix_test.cpp` on "
        "`i18n/da.json`). LIX = words / sentences + 100 × long words / words, a long word having more than 6 letters. How it is "
        "measured, so the score means something on a kiosk's short texts:\n\n"
     << "- **As shown**: each branch of a plural block on its own; a placeholder (`{name}`) or a plural's `#` is one short word. "
        "Text from the server (names, addresses) is not in the catalog and not measured.\n"
     << "- **Texts of " << lix::kOwnScoreMinWords << " words or more are scored one by one.** On a single label LIX says nothing "
        "(\"Hvornår?\" scores 101); " << lix::kOwnScoreMinWords << " words is the shortest text in which one long word still "
        "scores under 30, so from there a score over 30 means too many long words or too long a sentence.\n"
     << "- **Shorter texts** (labels, buttons, titles) are scored together, as the one text a citizen reads across the screens.\n"
     << "- **No word over " << lix::kMaxWordLetters << " letters** unless it is listed with a reason (`tests/tools/lix.h`; none "
        "today). Product and domain words (jobcenter, joblog, booking, MitID, CPR) are shorter, and still count as long words "
        "when they have 7 letters or more.\n"
     << "- A sentence ends at . ! ? or : before a capital letter or at the end; a text without a final stop is one sentence.\n\n"
     << "| measure | result |\n|---|---|\n"
     << "| texts scored one by one | " << lixResult.own.size() << ", mean LIX " << fixed(lixResult.own.empty() ? 0 : sum / static_cast<double>(lixResult.own.size()), 1)
     << ", highest " << (highest ? fixed(highest->measure.score(), 1) + " (`" + highest->key + "`)" : "-") << ", over "
     << fixed(lix::kMaxLix, 0) << ": " << over.size() << " |\n"
     << "| short texts scored together | " << lixResult.short_.size() << " texts, " << lixResult.pooled.words << " words, "
     << lixResult.pooled.sentences << " sentences, " << lixResult.pooled.longWords.size() << " long words: LIX "
     << fixed(lixResult.pooled.score(), 1) << (lixResult.pooledOverLimit() ? " ✗" : " ✓") << " |\n"
     << "| words over " << lix::kMaxWordLetters << " letters | " << lixResult.tooLong.size() << " |\n\n";
  if (!over.empty()) {
    for (const auto* s : over) md << "- `" << s->key << "`: LIX " << fixed(s->measure.score(), 1) << " \"" << s->shown << "\"\n";
    md << "\n";
  }

  // EN 301 549.
  const std::string readAloud =
      screens.readAloudEnabled
          ? "*Read aloud* in the bar turns speech mode on (`kiosk/app/read_aloud.h`): the screen's heading, status messages, texts "
            "and choices, taken from the accessibility tree (`kiosk/ui/spoken_screen.h`), are spoken in the screen's language with "
            "espeak-ng (`kiosk/services/speech.h`), and then every new screen as it settles; dates, times and names are spoken as "
            "shown. A long press on any button speaks it before it acts (lift to choose, slide away not to). Any touch or a new "
            "screen stops speech (`tests/flows/speech_flow_test.cpp`, `tests/flows/errand_flow_test.cpp` \"read aloud speaks the "
            "screen in its language, and a touch stops it\")"
          : "**not yet**: the bar shows *Read aloud* on every screen, disabled (`kiosk/app/persistent_bar.cpp`; "
            "`tests/screens/scenario_test.cpp` \"without a speech service, read aloud is shown but cannot be used\"). A first slice of speech exists "
            "but is not wired into the app: `kiosk/services/speech.h` (espeak-ng per text, nothing on disk, a new text cancels "
            "the one playing) and `kiosk/ui/spoken_screen.h` (an accessibility tree put into words), tested by "
            "`tests/unit/speech_service_test.cpp` and `tests/unit/spoken_screen_test.cpp`";
  const std::string speechStatus = screens.readAloudEnabled ? "met" : "not yet";
  std::string voiced, unvoiced;
  for (const auto& l : languages) {
    std::string& list = voices.at(l) ? voiced : unvoiced;
    list += (list.empty() ? "" : ", ") + l;
  }
  md << "## EN 301 549 V3.2.1 clause 5 (closed functionality)\n\n"
     << "| clause | how it is met | evidence | status |\n|---|---|---|---|\n"
     << "| 5.1.2.1 Closed functionality | The kiosk is closed: one full-screen program without window decorations, no way to the system or its settings, cursor hidden; "
        "clauses 5.2-13 apply as far as relevant (this page covers clause 5 and the WCAG items below). | `README.md` (Running the "
        "kiosk) | applies |\n"
     << "| 5.1.2.2 Assistive technology | Operable without attaching anything: touch, the bar's text size, contrast, language and "
        "help, and for a citizen who cannot see the screen, speech (5.1.3) started by headphones or a long press. | this page | "
     << speechStatus << " |\n"
     << "| 5.1.3.1 Audio output of visual information | " << readAloud << ". | `kiosk/app/persistent_bar.cpp` | "
     << speechStatus << " |\n"
     << "| 5.1.3.2-5.1.3.7 Speech delivery, correlation, user control, interruption, non-text content, video | "
     << (screens.readAloudEnabled ? "Speech follows the screen (each new screen read as it settles, status messages as they "
                                    "appear, the \"more time?\" countdown when it appears and again at 10 s). Interruption: any touch "
                                    "stops speech, and a new screen does too. *Say it again* and *Slower* are in the speech strip above "
                                    "the bar. Pictograms are spoken by their labels (every pictogram sits beside its text in the "
                                    "tree). Private listening: speech works through headphones, and plugging them in moves it "
                                    "there. "
                                  : "Missing with speech: private listening (headset), speech that follows the screen, pause and "
                                    "repeat, stopping on the next touch, the pictograms' names spoken. ")
     << "The kiosk has no video. | `kiosk/services/speech.h` | "
     << speechStatus << " |\n"
     << "| 5.1.3.8 Masked entry | A PIN or CPR number is shown as dots and is in the accessibility tree only as dots - the tree is what "
        "speech reads, and fields are never read at all. | `tests/screens/keyboard_test.cpp` \"a masked field shows dots and never "
        "puts the PIN in the tree\"; `kiosk/ui/spoken_screen.h` | met |\n"
     << "| 5.1.3.9-5.1.3.13 Private data, non-interfering audio, volume, volume reset | What is about the citizen (a meeting, a "
        "plan, a name: marked personal in the tree) is spoken only through headphones; on the loudspeaker it is left out and a "
        "sentence says so, with a *Read my details aloud* button for a citizen who chooses otherwise. Quieter and louder in the "
        "speech strip; every session starts at the default volume, normal rate, speech off. | `tests/flows/speech_flow_test.cpp` "
        "\"a citizen's own details are read only through headphones\", \"volume, slower speech and 'say it again' last one "
        "session\" | " << speechStatus << " |\n"
     << "| 5.1.3.14 Spoken languages | An espeak-ng voice is named for " << voiced << " (`i18n/languages.json`); "
     << (unvoiced.empty() ? std::string("every language has one") : "none exists for " + unvoiced + ", which must never be read in another "
                                                                     "language's voice; a jobcenter can add a native speaker's recorded prompts (`assets/prompts/<lang>/<key>.wav`), which are "
                                                                     "then spoken instead")
     << (screens.readAloudEnabled ? ". Without them, *Read aloud* is greyed and says *no reading aloud* in the language "
                                    "(`tests/flows/errand_flow_test.cpp` \"a language espeak-ng has no voice for shows read aloud greyed "
                                    "and says so\"). On the language screen every language's name is said in that language's own voice "
                                    "(`tests/unit/speech_parts_test.cpp` \"a part in a language of its own\")"
                                  : ". Not usable until speech is wired in")
     << ". | `i18n/languages.json`, `kiosk/services/speech.h` | " << (screens.readAloudEnabled ? "met" : "not yet") << " |\n"
     << "| 5.1.3.15 Non-visual error identification | Every error is a plain sentence in the tree (role text)"
     << (screens.readAloudEnabled ? ", registered as a status message (role status), which speech mode says as it appears "
                                    "(`tests/flows/speech_flow_test.cpp` \"in speech mode an input error is said as it appears\")"
                                  : "; spoken errors are missing with speech")
     << ". | `kiosk/api/api_error.cpp` | " << speechStatus << " |\n"
     << "| 5.1.3.16 Receipts, tickets | The appointment card is printed in the citizen's language and Danish, with a calendar QR "
        "code; the same facts are on the receipt screen"
     << (screens.readAloudEnabled ? ", read in full in speech mode (personal lines through headphones, or on request)" : ", but not spoken")
     << ". | `tests/unit/receipt_test.cpp` | " << speechStatus << " |\n"
     << "| 5.1.4 Functionality closed to text enlargement | The 150 % and 200 % text steps, one and two taps on *Tekst* in the "
        "bar on every screen: capital H at least " << fixed(smallest150, 2) << " and " << fixed(smallest200, 2) << " mm in the "
        "smallest role at 500 mm (see Text size); nothing clipped at either (see Screens). | this page; "
        "`tests/screens/screen_matrix_test.cpp` | " << verdict(h150 && h200 && clippedOk) << " (at 150 % and 200 %) |\n"
     << "| 5.1.5 Visual output for auditory information | The kiosk gives no information by sound: every state, error and the "
        "idle countdown is on the screen. | `kiosk/app/more_time.cpp` | met |\n"
     << "| 5.1.6.1 Operation without keyboard interface | Everything works by touch alone (an on-screen keyboard for text); the "
        "clause also asks that it can be operated without vision through 5.1.3: speech mode reads every screen, and a long "
        "press says a button before it acts. | `tests/flows/`, `tests/screens/scenario_test.cpp` | " << speechStatus << " |\n"
     << "| 5.1.6.2 Input focus | The only focus is a text field's; Back, Forfra and Hjælp always work, so focus is never trapped. | "
        "`tests/screens/keyboard_test.cpp` | met |\n"
     << "| 5.1.7 Access without speech | No speech input anywhere. | - | met |\n"
     << "| 5.2 Activation of accessibility features | Language, text size, contrast and help are in the bar on every screen, one "
        "tap each, before anything else is asked; read aloud "
     << (screens.readAloudEnabled ? "is in the bar too, and starts without sight: plugging in headphones, or a long press anywhere on the "
                                    "attract screen; the low-reach layout (*Ryk ned*) is one tap in the bar"
                                  : "is in the bar but not usable yet") << ". | "
        "`tests/screens/scenario_test.cpp` (text size, contrast, help from every screen) | "
     << (screens.readAloudEnabled ? "met" : "partly") << " |\n"
     << "| 5.3 Biometrics | None: the citizen logs in with MitID on their own phone. | `README.md` | not applicable |\n"
     << "| 5.4 Preservation of accessibility information during conversion | The kiosk converts no documents. | - | not applicable |\n"
     << "| 5.5.1 Means of operation | One tap (press and lift) operates every control; no grasping, pinching, twisting or holding; "
        "a finger that travels only scrolls and taps nothing. | `tests/screens/scenario_test.cpp` (drag is not a tap) | met |\n"
     << "| 5.5.2 Operable parts discernibility | Seen: every control has a label, a pictogram and an outline at 3:1 or more, and "
        "is at least 60 × 60 px" << (targetsOk && overlapOk ? " with no overlaps" : "") << ". Without vision: a finger held on "
        "a control hears its name and hint before choosing it. | Screens, Contrast; `tests/flows/speech_flow_test.cpp` | "
     << speechStatus << " |\n"
     << "| 5.6.1 Tactile or auditory status | A toggle that is on (a chosen topic, contrast, the interpreter) is spoken with its "
        "state (\"Kontrast, valgt\"), in the screen read and when held. No tactile status (a touch screen has none). | "
        "`tests/flows/speech_flow_test.cpp` \"a long press says a button\"; `tests/unit/spoken_screen_test.cpp` \"a button that is on is "
        "said with its state\" | " << speechStatus << " |\n"
     << "| 5.6.2 Visual status | A toggle that is on is filled in the primary colour (a chosen tile also gets a check mark), and is `selected` in "
        "the tree. | `tests/screens/scenario_test.cpp` \"contrast toggles, and the bar shows it as selected\" | met |\n"
     << "| 5.7 Key repeat | No key repeats: the on-screen keyboard types one character per tap, however long it is held. | "
        "`kiosk/ui/keyboard.cpp` | not applicable |\n"
     << "| 5.8 Double-strike key acceptance | The on-screen keyboard accepts every tap; no adjustable delay for a repeated key "
        "exists. | `kiosk/ui/keyboard.cpp` | not yet |\n"
     << "| 8.3 Stationary ICT: reach (low-reach layout) | One tap on *Ryk ned* in the bar moves the screen into the lower part "
        "of the display: the top 25 % or more holds no control (about 40 % at 100 % text, less at 200 % so that half the display "
        "stays for the screen), and the bar, the speech strip and \"more time?\" are there too. | `tests/flows/speech_flow_test.cpp` "
        "\"the low-reach layout moves every control\" | met |\n"
     << "| 5.9 Simultaneous user actions | Nothing needs two fingers or two controls at once: only the first finger drives the "
        "pointer. | `platform/sdl2_window.cpp` | met |\n\n";

  // WCAG.
  md << "## WCAG 2.2 AA\n\n"
     << "| criterion | how it is met | evidence | status |\n|---|---|---|---|\n"
     << "| 1.4.3 Contrast (minimum) | Every text and pictogram colour pair at 4.5:1 or more in both themes (outlines 3:1). | "
        "Contrast; `tests/unit/theme_contrast_test.cpp` | " << verdict(contrastOk) << " |\n"
     << "| 1.4.4 Resize text | Text up to 200 % from the bar, fonts built at that size (never scaled); content scrolls, nothing is "
        "clipped or lost. | Screens (clipped); `tests/screens/screen_matrix_test.cpp` | " << verdict(clippedOk && structureOk) << " |\n"
     << "| 2.2.1 Timing adjustable | After " << kiosk::app::AppOptions{}.idleTimeout.count() << " s without a touch the kiosk "
        "forgets the citizen (a public device: the next person must not see their data). " << kiosk::app::kIdleWarning.count()
     << " s before, \"Do you need more time?\" counts down with one big *Ja, mere tid* button, which can be pressed any number "
        "of times (WCAG's \"extend\": at least 20 s, a simple action, at least ten times); with staff assisting, the time is "
        "three times as long, and twice as long in speech mode. | `kiosk/app/more_time.cpp`, `kiosk/app/kiosk_app.h`; `tests/flows/errand_flow_test.cpp` \"after a "
        "while without a touch\"; the \"more time?\" row under Screens | met |\n"
     << "| 2.5.8 Target size (minimum) | Every target is at least 60 × 60 px (~15 mm; WCAG asks 24 × 24 CSS px), and touch "
        "targets do not overlap. | Screens (targets, overlap) | " << verdict(targetsOk && overlapOk) << " |\n"
     << "| 3.1.5 Reading level (AAA, beyond AA) | Easy-read Danish, checked anyway: LIX of the Danish texts at most 30. | "
        "Easy-read Danish; `tests/unit/lix_test.cpp` | " << verdict(lixOk) << " |\n"
     << "| (the kiosk's own rule) Every label translated | No key and no Danish fallback visible in another language. | "
        "Screens (translated) | "
     << verdict(translatedOk) << " |\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: accessibility_report OUT.md   (the committed file is docs/accessibility.md)\n";
    return 2;
  }
  try {
    ReportKiosk k;
    std::vector<std::string> languages;
    std::map<std::string, bool> voices;  // has an espeak-ng voice
    for (const auto& l : k.catalogs.languages().languages) {
      languages.push_back(l.code);
      voices[l.code] = l.voice.has_value();
    }
    const ScreenResults screens = checkScreens(k);
    const auto capitalH = measureCapitalH();
    std::ifstream da(std::filesystem::path(KIOSK_DATA_DIR) / "i18n" / "da.json");
    const auto lixResult = lix::measureCatalog(nlohmann::ordered_json::parse(da));

    std::ostringstream md;
    write(md, screens, languages, voices, capitalH, lixResult, kiosk::screens::allScreens().size());
    std::ofstream out(argv[1], std::ios::binary);
    out << md.str();
    if (!out) {
      std::cerr << "accessibility_report: cannot write " << argv[1] << "\n";
      return 5;
    }
  } catch (const std::exception& e) {
    std::cerr << "accessibility_report: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
