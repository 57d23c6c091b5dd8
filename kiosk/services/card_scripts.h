#pragma once
// How the appointment card sorts characters: which Noto font draws a letter (Latin, Arabic or
// Ethiopic) and which characters draw nothing at all. The fonts, the raster renderer, the PC865
// encoder and the column count of the card layout all ask the same question, so they get one answer.

namespace kiosk::services {

enum CardScript { kLatin, kArabic, kEthiopic, kScriptCount };

inline bool isArabic(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}
inline bool isEthiopic(char32_t c) { return (c >= 0x1200 && c <= 0x139F) || (c >= 0x2D80 && c <= 0x2DDF) || (c >= 0xAB00 && c <= 0xAB2F); }

// Direction marks, isolates, joiners: they steer shaping and bidi and draw nothing.
inline bool isInvisibleControl(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace kiosk::services
