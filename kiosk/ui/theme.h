#pragma once
// The one place for colours and sizes (shared/mockups/README.md has the tokens). Sizes are in
// design pixels on the 1920 x 1080 reference panel; Layout scales them to the real display.

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
// Enlarged text (150 % and 200 %) is never smaller than this: Body at 150 %, where a capital H
// first reaches 0.7° at 500 mm on the 21.5" panel (EN 301 549 5.1.4; see docs/accessibility.md).
// Without it Hint and Bar text at 150 % would stop short of that.
inline constexpr float kEnlargedMinText = 48;
// Pictograms do not grow with text size: they are already large, and targets never shrink.
inline constexpr float kTileIcon = 112;
inline constexpr float kBarIcon = 48;
inline constexpr float kInlineIcon = 56;  // beside a pill button's label; grows with the text

// Sizes one screen's layout needs, named here so no screen carries a raw pixel number.
inline constexpr float kSlotMinHeight = 110;     // a time on the time step: all the same height, at least this (mockups)
inline constexpr float kPageFooterPadding = 20;  // above and below the buttons in a step page's fixed footer
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
constexpr float textSize(float designSize, float textScale) {
  const float scaled = designSize * textScale;
  return textScale > 1 && scaled < design::kEnlargedMinText ? design::kEnlargedMinText : scaled;
}

}  // namespace kiosk::ui
