#pragma once
// What the contract allows in a string or a number, checked the same way everywhere: lengths in
// characters (Unicode code points, as JSON Schema counts them), never bytes; no control
// characters, no bidi overrides, no terminal escapes in text a person will read on a screen or
// a receipt; dates and codes by their exact shape.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace jobcenter {

// Valid UTF-8 of 1..maxChars characters with nothing invisible that changes how text shows:
// no C0/C1 control characters (a line break and a tab are allowed if multiline), no DEL, no
// bidi embeddings, overrides or isolates (U+202A-U+202E, U+2066-U+2069), no BOM.
bool isPlainText(const nlohmann::json& value, size_t maxChars, bool multiline = false);
// A BCP 47 language tag as the kiosk uses them: "da", "ar", "pt-BR"; at most 16 characters.
bool isLanguageTag(const nlohmann::json& value);
// RFC 3339 date-time with seconds and an offset: 2026-11-23T09:00:00+01:00 or ...Z.
bool isDateTime(const nlohmann::json& value);
// A JSON integer within [min, max]; unsigned values above int64 are refused, not wrapped.
std::optional<int64_t> boundedInteger(const nlohmann::json& value, int64_t min, int64_t max);
// 1..maxChars characters from [A-Za-z0-9._~+-].
bool isToken(const nlohmann::json& value, size_t maxChars);

}  // namespace jobcenter
