#include "kiosk/ui/spoken_screen.h"

#include <array>
#include <string_view>

namespace kiosk::ui {
namespace {

constexpr std::string_view kHintSuffix = ".hint";

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool endsSentence(std::string_view text) {
  // UTF-8: . ! ? : ; … and Arabic ؟ ؛ ۔, Ethiopic ። ፧ ፤ ፨.
  static constexpr std::array<std::string_view, 13> kEnds = {
      ".", "!", "?", ":", ";", "\u2026", "\u061F", "\u061B", "\u06D4", "\u1362", "\u1367", "\u1364", "\u1368"};
  for (const auto end : kEnds) {
    if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
  }
  return false;
}

bool fromTheBar(const AccessNode& node) { return node.key.rfind("bar.", 0) == 0; }

class Sentences {
 public:
  void add(std::string_view text) {
    text = trimmed(text);
    if (text.empty()) return;
    if (!out_.empty()) out_ += ' ';
    out_ += text;
    if (!endsSentence(text)) out_ += '.';
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::string spokenScreen(const AccessTree& tree) {
  const auto& nodes = tree.nodes();
  auto isButton = [&](std::string_view key) {
    for (const auto& node : nodes) {
      if (node.role == Role::Button && node.key == key) return true;
    }
    return false;
  };
  // "menu.book.hint" belongs to the button "menu.book".
  auto isHintOfAButton = [&](const AccessNode& node) {
    const std::string_view key = node.key;
    return key.size() > kHintSuffix.size() && key.substr(key.size() - kHintSuffix.size()) == kHintSuffix &&
           isButton(key.substr(0, key.size() - kHintSuffix.size()));
  };

  Sentences said;
  for (const auto& node : nodes) {
    if (node.role == Role::Heading && !fromTheBar(node)) said.add(node.text);
  }
  for (const auto& node : nodes) {
    if (node.role == Role::Text && !fromTheBar(node) && !isHintOfAButton(node)) said.add(node.text);
  }
  for (const auto& node : nodes) {
    if (node.role != Role::Button || !node.enabled || fromTheBar(node)) continue;
    said.add(node.text);
    const std::string hintKey = node.key + std::string(kHintSuffix);
    for (const auto& hint : nodes) {
      if (hint.role == Role::Text && hint.key == hintKey) said.add(hint.text);
    }
  }
  return said.take();
}

}  // namespace kiosk::ui
