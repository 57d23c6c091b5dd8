#pragma once
// Code page PC865 (Nordic, ESC t 5), in which the card's Danish lines go to the printer as text:
// it has æ ø å Æ Ø Å and the common accented letters (é ü ö ä), and it is in the character tables
// of every ESC/POS printer since the first TM-T88 — the cheap compatibles included, which often
// number WPC1252 differently or lack it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::services {

inline constexpr uint8_t kPc865HorizontalLine = 0xC4;  // ─, for rules

// The text in PC865, with typographic dashes, quotes and spaces made plain and direction
// controls dropped; nullopt if some character has no PC865 form.
std::optional<std::string> toPc865(std::string_view utf8);

}  // namespace kiosk::services
