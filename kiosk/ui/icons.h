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
// Contact forms, people, places.
inline constexpr char32_t kInPerson = 0xF004;       // account
inline constexpr char32_t kCall = 0xF3F2;           // phone
inline constexpr char32_t kVideo = 0xF567;          // video
inline constexpr char32_t kPlace = 0xF34E;          // map-marker
inline constexpr char32_t kWhen = 0xF0EF;           // calendar-check
inline constexpr char32_t kTime = 0xF150;           // clock
inline constexpr char32_t kPrint = 0xF42A;          // printer
inline constexpr char32_t kInterpreter = 0xF5CA;    // translate
inline constexpr char32_t kWishes = 0xF36A;         // message-text-outline
inline constexpr char32_t kAnyone = 0xF00F;         // account-multiple-outline: no preference
inline constexpr char32_t kCancel = 0xF0F4;         // calendar-remove
inline constexpr char32_t kAdd = 0xF415;            // plus
inline constexpr char32_t kCode = 0xF072;           // barcode-scan
inline constexpr char32_t kCannotRead = 0xF2AA;     // glasses
inline constexpr char32_t kPhysicalHelp = 0xF5A4;   // wheelchair-accessibility
inline constexpr char32_t kWaiting = 0xF51F;        // timer-sand
inline constexpr char32_t kAttention = 0xF028;      // alert-circle: something to do
// Topics of a conversation.
inline constexpr char32_t kCoaching = 0xF335;       // lightbulb
inline constexpr char32_t kJobOpportunities = 0xF0D6;  // briefcase
inline constexpr char32_t kJobSearch = 0xF349;      // magnify
inline constexpr char32_t kEducation = 0xF474;      // school
inline constexpr char32_t kCareerChange = 0xF641;   // directions-fork
inline constexpr char32_t kGuidance = 0xF18B;       // compass
// Feedback, the three faces.
inline constexpr char32_t kGood = 0xF1F5;           // emoticon-happy
inline constexpr char32_t kOk = 0xF1F6;             // emoticon-neutral
inline constexpr char32_t kNotGood = 0xF1F8;        // emoticon-sad
// Speech controls, the low-reach layout and the guided demonstration.
inline constexpr char32_t kSayAgain = 0xF459;       // replay
inline constexpr char32_t kSlower = 0xF4C5;         // speedometer
inline constexpr char32_t kQuieter = 0xF57F;        // volume-low
inline constexpr char32_t kLouder = 0xF57E;         // volume-high
inline constexpr char32_t kLoudspeaker = 0xF4C3;    // speaker
inline constexpr char32_t kLowReach = 0xF5A4;       // wheelchair-accessibility
inline constexpr char32_t kShowMeHow = 0xF40C;      // play-circle
// Scrolling content's page buttons.
inline constexpr char32_t kMoreBelow = 0xF140;      // chevron-down
inline constexpr char32_t kBackUp = 0xF143;         // chevron-up

// Pictograms that point (arrows, the pointing hand, leaving through a door) turn round in
// right-to-left languages; everything else keeps its shape: a mirrored tick reads as a chevron.
constexpr bool mirrorsInRightToLeft(char32_t icon) { return icon == kBack || icon == kForward || icon == kTouch || icon == kLogOut; }

inline constexpr char32_t kAll[] = {kBook, kMoveCancel, kCheckIn, kActivities, kJoblog, kPlan, kLanguage, kTextSize,
                                    kReadAloud, kContrast, kHelp, kStartOver, kTouch, kBack, kForward, kStaff,
                                    kPhone, kQrCode, kConfirmed, kLogOut, kInPerson, kCall, kVideo, kPlace, kWhen, kTime,
                                    kPrint, kInterpreter, kWishes, kAnyone, kCancel, kAdd, kCode, kCannotRead,
                                    kPhysicalHelp, kWaiting, kAttention, kCoaching, kJobOpportunities, kJobSearch, kEducation,
                                    kCareerChange, kGuidance, kGood, kOk, kNotGood, kSayAgain, kSlower, kQuieter,
                                    kLouder, kLoudspeaker, kLowReach, kShowMeHow, kMoreBelow, kBackUp};
}  // namespace kiosk::ui::icon
