#include "input_rules.h"

#include <regex>

namespace jobcenter {
namespace {

// The code points of valid UTF-8 text, or nullopt (overlong forms, surrogates and values above
// U+10FFFF are invalid).
template <typename Each>
bool forEachCodePoint(const std::string& s, Each each) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + static_cast<size_t>(length) > s.size()) return false;
    uint32_t cp = length == 1 ? c : length == 2 ? (c & 0x1Fu) : length == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
      if ((next >> 6) != 0x2) return false;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (!each(cp)) return false;
    i += static_cast<size_t>(length);
  }
  return true;
}

}  // namespace

bool isPlainText(const nlohmann::json& value, size_t maxChars, bool multiline) {
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  size_t count = 0;
  const bool clean = forEachCodePoint(s, [&](uint32_t cp) {
    ++count;
    if (cp < 0x20) return multiline && (cp == '\n' || cp == '\t');
    if (cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return false;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF) return false;
    return count <= maxChars;
  });
  return clean && count >= 1;
}

bool isLanguageTag(const nlohmann::json& value) {
  static const std::regex tag("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");  // as the contract's LanguageTag
  return value.is_string() && value.get_ref<const std::string&>().size() <= 16 && std::regex_match(value.get_ref<const std::string&>(), tag);
}

bool isDateTime(const nlohmann::json& value) {
  static const std::regex shape(R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2})))");
  std::smatch m;
  if (!value.is_string() || value.get_ref<const std::string&>().size() > 40) return false;
  const std::string& s = value.get_ref<const std::string&>();
  if (!std::regex_match(s, m, shape)) return false;
  const auto n = [&](int i) { return std::stoi(m[i].str()); };
  const bool offsetOk = m[8].str() == "Z" || (n(9) <= 23 && n(10) <= 59);
  return n(2) >= 1 && n(2) <= 12 && n(3) >= 1 && n(3) <= 31 && n(4) <= 23 && n(5) <= 59 && n(6) <= 60 && offsetOk;
}

std::optional<int64_t> boundedInteger(const nlohmann::json& value, int64_t min, int64_t max) {
  if (value.is_number_unsigned()) {
    const auto v = value.get<uint64_t>();
    if (v > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
    const auto s = static_cast<int64_t>(v);
    return s >= min && s <= max ? std::optional<int64_t>(s) : std::nullopt;
  }
  if (!value.is_number_integer()) return std::nullopt;
  const auto v = value.get<int64_t>();
  return v >= min && v <= max ? std::optional<int64_t>(v) : std::nullopt;
}

bool isToken(const nlohmann::json& value, size_t maxChars) {
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  return !s.empty() && s.size() <= maxChars &&
         s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~+-") == std::string::npos;
}

}  // namespace jobcenter
