#pragma once
// Pictograms: code points in Debian's Material Design Icons font (fonts-materialdesignicons-webfont
// 1.6.50; its SVG lists each glyph's name and code point).

namespace kiosk::ui::icon {
inline constexpr char32_t kBook = 0xF0F0;           // calendar-clock
inline constexpr char32_t kMoveCancel = 0xF4E1;     // swap-horizontal
inline constexpr char32_t kCheckIn = 0xF64A;        // human-greeting
inline constexpr char32_t kActivities = 0xF00E;     // account-multiple
inline constexpr char32_t kJoblog = 0xF14E;         // clipboard-text
inline constexpr char32_t kPlan = 0xF0BE;           // book-open-variant
inline constexpr char32_t kLanguage = 0xF5CA;       // translate
inline constexpr char32_t kTextSize = 0xF27F;       // format-size
inline constexpr char32_t kReadAloud = 0xF57E;      // volume-high
inline constexpr char32_t kContrast = 0xF196;       // contrast-box
inline constexpr char32_t kHelp = 0xF2D7;           // help-circle
inline constexpr char32_t kStartOver = 0xF156;      // close
inline constexpr char32_t kTouch = 0xF2C7;          // hand-pointing-right
inline constexpr char32_t kBack = 0xF04D;           // arrow-left (mirrored to arrow-right in RTL)
inline constexpr char32_t kForward = 0xF054;        // arrow-right
inline constexpr char32_t kStaff = 0xF64C;          // human-handsup
inline constexpr char32_t kPhone = 0xF11C;          // cellphone
inline constexpr char32_t kQrCode = 0xF432;         // qrcode
inline constexpr char32_t kConfirmed = 0xF5E0;      // check-circle
inline constexpr char32_t kLogOut = 0xF343;         // logout

inline constexpr char32_t kAll[] = {kBook, kMoveCancel, kCheckIn, kActivities, kJoblog, kPlan, kLanguage, kTextSize,
                                    kReadAloud, kContrast, kHelp, kStartOver, kTouch, kBack, kForward, kStaff,
                                    kPhone, kQrCode, kConfirmed, kLogOut};
}  // namespace kiosk::ui::icon
