#pragma once
// The one place for colours and sizes (shared/mockups/README.md has the tokens). Sizes are in
// design pixels on the 1920 x 1080 reference panel; Layout scales them to the real display.

#include <algorithm>
#include <cstdint>

namespace kiosk::ui {

enum class Contrast { Normal, High };

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
};

struct Palette {
  Rgb background;     // screen behind everything
  Rgb surface;        // tiles, cards, bar buttons
  Rgb text;           // text on surface and background
  Rgb mutedText;      // hint lines
  Rgb primary;        // header, selected, main action
  Rgb onPrimary;      // text and icons on primary
  Rgb border;         // control outlines (3:1 against surface and background)
  Rgb barBackground;  // behind the persistent bar
  Rgb pressed;        // a control while a finger is on it
  Rgb disabledText;   // a control that cannot be used yet
  Rgb doneText;       // a notice that nothing more is needed ("you have a meeting"): text, tick, border
  Rgb doneSurface;    // that notice's fill
};

const Palette& palette(Contrast contrast);

// Design sizes (px at 100 % text on the reference panel).
namespace design {
inline constexpr float kWidth = 1920, kHeight = 1080;
inline constexpr float kHeaderHeight = 120;
inline constexpr float kBarHeight = 136;
inline constexpr float kMargin = 56;
inline constexpr float kGap = 28;
inline constexpr float kRadius = 18;
inline constexpr float kBorder = 3;
inline constexpr float kMinTarget = 60;   // ~15 mm on a 21.5" 1920 x 1080 panel
inline constexpr float kTilePadding = 28;
inline constexpr float kTileMinHeight = 300;

// Text sizes per role at 100 %.
inline constexpr float kDisplayText = 88;
inline constexpr float kTitleText = 48;
inline constexpr float kLabelText = 40;
inline constexpr float kBodyText = 32;
inline constexpr float kHintText = 28;
inline constexpr float kBarText = 28;
// Enlarged text (150 % and 200 %) is never smaller than this em size, where a capital H reaches
// 0.7° at 500 mm on the 21.5" panel (EN 301 549 5.1.4; see docs/accessibility.md). Without it
// Hint text at 150 % would stop short of that.
inline constexpr float kEnlargedMinText = 36;
// No enlarged role beyond this em size (the attract screen's greeting aside): a title at 200 %
// still leaves room for what it is the title of.
inline constexpr float kLargestText = 56;
// Pictograms do not grow with text size: they are already large, and targets never shrink.
inline constexpr float kTileIcon = 112;
inline constexpr float kBarIcon = 48;
inline constexpr float kInlineIcon = 56;  // beside a pill button's label; grows with the text

// Sizes one screen's layout needs, named here so no screen carries a raw pixel number.
inline constexpr float kSlotMinHeight = 110;     // a time on the time step: all the same height, at least this (mockups)
inline constexpr float kPageFooterPadding = 16;  // above and below the buttons in a step page's fixed footer
inline constexpr float kHairline = 1;            // the line between a step page and its footer
inline constexpr float kReadingWidth = 1400;     // a message's text column at most, so lines stay short enough to read
inline constexpr float kMessageGap = 40;         // between a message's pictogram, text and button
inline constexpr float kAttractGap = 48;         // between the greeting, the greetings row and the start button
inline constexpr float kGreetingGap = 56;        // between the short greetings in a row on the attract screen
inline constexpr float kLoginCardWidth = 560;    // the card with the phone login's QR code and code
inline constexpr float kLoginQrMaxSide = 400;    // that QR code at most
inline constexpr float kStepBadge = 72;          // the numbered circle of a login step
inline constexpr float kReceiptQrWidth = 520;    // the receipt's column with the calendar QR code
inline constexpr float kReceiptQrMaxSide = 360;  // that QR code at most
inline constexpr float kFeedbackFaceMaxWidth = 360;  // a rating face at 100 %: three faces need not fill the row
inline constexpr float kNoticeBorder = 4;       // a status notice's outline: heavier than a control's, it is not a button
inline constexpr float kHelpReasonExtra = 40;    // added to each help reason's card height: bigger targets than the text needs
inline constexpr float kAdminPanelPadding = 36;  // inside a panel of the admin screen
inline constexpr float kAdminStatusDot = 14;     // the radius of a status dot there
inline constexpr float kAdminPinKey = 150;       // a key of the admin PIN pad, wide
inline constexpr float kTouchMark = 36;          // the touch test's circle where a finger landed

// The widgets' own measures (kiosk/ui/widgets.cpp).
inline constexpr float kHeaderTextPadding = 32;  // a header is its title's height plus this, when taller than kHeaderHeight
inline constexpr float kHeaderStepGap = 48;      // between a header's title and its step counter
inline constexpr float kStepWordsMaxWidth = 600; // the step counter's words ("Trin 2 af 6") at most
inline constexpr float kStepWordsGap = 24;       // between the step counter's words and its dots
inline constexpr float kStepDot = 32;            // a dot of the step counter: big enough to count
inline constexpr float kStepDotGap = 10;         // between those dots
inline constexpr float kStepDotRing = 3;         // the outline of a step not reached yet
inline constexpr float kTileGap = 16;            // between a tile's pictogram, label and hint
inline constexpr float kTileCheckInset = 16;     // a selected tile's check mark, from its corner
inline constexpr float kChoicePadding = 24;      // inside a card or a choice button
inline constexpr float kChoiceMinHeight = 120;   // a card or a choice button at least
inline constexpr float kCardLineGap = 8;         // between a card's title and each line under it
inline constexpr float kIconTextGap = 20;        // between a pictogram and the text beside it (cards, notes, banners)
inline constexpr float kPillPaddingX = 56;       // the one big pill of a screen: label from its ends
inline constexpr float kPillPaddingY = 24;       // label from its top and bottom
inline constexpr float kPillIconGap = 24;        // between its pictogram and its label
inline constexpr float kPillMinHeight = 144;
inline constexpr float kButtonPaddingX = 36;     // a button in a page (next, back, print): label from its ends
inline constexpr float kButtonPaddingY = 20;
inline constexpr float kButtonIconGap = 16;
inline constexpr float kButtonMinWidth = 180;
inline constexpr float kButtonMinHeight = 104;
inline constexpr float kPagerButtonMinHeight = 76;  // "more below" / "back up" under scrolling content
inline constexpr float kPagerPaddingY = 8;          // that row, above and below its buttons
inline constexpr float kPageStep = 0.8f;            // one page turn scrolls this share of what shows, so a line stays in view
inline constexpr float kBarButtonPadding = 12;   // a persistent bar button: content from its edges
inline constexpr float kBarButtonGap = 12;       // between its pictogram and its label
inline constexpr float kBarButtonRadius = 14;
inline constexpr float kToggleMark = 36;         // the check mark on a bar toggle that is on
inline constexpr float kSizeBarWidth = 14;       // the text size button's rising bars: each one this wide,
inline constexpr float kSizeBarSpacing = 6;      // this far apart,
inline constexpr float kSizeBarStep = 11;        // each this much taller than the one before (the tallest 33),
inline constexpr float kSizeBarsGap = 4;         // this far under the label,
inline constexpr float kSizeBarOutline = 2;      // and outlined this thick when not reached

// The persistent bar, its speech strip and notes (kiosk/app/persistent_bar.cpp).
inline constexpr float kBarMargin = 24;          // the bar's first and last button from the display's edges
inline constexpr float kBarButtonSpacing = 20;   // between the bar's buttons
inline constexpr float kBarPadding = 16;         // above and below the bar's buttons
inline constexpr float kBarRule = 2;             // the line along the bar's top
inline constexpr float kNotePadding = 16;        // the low-reach note's text needs this above and below, or only its pictogram shows
inline constexpr float kBannerPadding = 12;      // the co-service banner's text, above and below
inline constexpr float kBannerRule = 4;          // the primary-coloured line along that banner's top
inline constexpr float kDialogWidth = 1200;      // "more time?" and other boxes over a screen at most
inline constexpr float kDragThreshold = 14;      // a finger that travels further is a drag, not a tap
}  // namespace design

// The admin screen's status dots (staff only). The row's words say the same, so colour is
// never the only sign; both pass 3:1 against the surface in either contrast.
inline constexpr Rgb kStatusGood{0x1d, 0x6b, 0x34};
inline constexpr Rgb kStatusWarning{0xa8, 0x51, 0x00};

// Text size steps the citizen can choose (EN 301 549 5.1.4).
inline constexpr int kTextSizes[] = {100, 150, 200};

// The step a text scale belongs to, for layouts that change with it (fewer columns, stacked
// instead of side by side). The breakpoints sit between the steps, not on them, so a layout
// never depends on a float comparing equal to 1.5 or 2.
enum class TextSizeStep { Normal, Large, Largest };  // 100 %, 150 %, 200 %
constexpr TextSizeStep textSizeStep(float textScale) {
  if (textScale > 1.6f) return TextSizeStep::Largest;
  if (textScale > 1.2f) return TextSizeStep::Large;
  return TextSizeStep::Normal;
}

// A text role's size in design pixels at a text size step (textScale 1, 1.5 or 2).
// Enlarged, small roles grow to at least kEnlargedMinText; the big roles (titles, labels) stop
// at kLargestText, so that a title at 200 % still leaves room for what it is the title of.
constexpr float textSize(float designSize, float textScale) {
  const float scaled = designSize * textScale;
  if (textScale <= 1) return scaled;
  if (scaled < design::kEnlargedMinText) return design::kEnlargedMinText;
  if (designSize < design::kDisplayText && scaled > design::kLargestText) return std::max(designSize, design::kLargestText);
  return scaled;
}

// The bar's labels: at 150 % and 200 % they stay at kEnlargedMinText, big enough to read and
// small enough that the bar keeps one layout and leaves the screen its room.
constexpr float barTextSize(float textScale) { return textScale > 1 ? design::kEnlargedMinText : design::kBarText; }

}  // namespace kiosk::ui
