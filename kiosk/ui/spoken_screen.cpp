#include "kiosk/ui/spoken_screen.h"

#include <array>
#include <span>
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

// The bar and the speech strip are the same on every screen: said only when pressed and held.
bool fromTheBar(const AccessNode& node) { return node.key.rfind("bar.", 0) == 0 || node.key.rfind("speech.", 0) == 0; }

bool isHintKey(std::string_view key) {
  return key.size() > kHintSuffix.size() && key.substr(key.size() - kHintSuffix.size()) == kHintSuffix;
}

class Speaker {
 public:
  explicit Speaker(const SpeakOptions& options) : options_(options) {}

  void add(const AccessNode& node) {
    if (node.personal && options_.personal == Personal::Withhold) {
      spoken_.withheldPersonal = true;
      return;
    }
    const std::string_view text = trimmed(node.text);
    if (text.empty()) return;
    SpokenLine line{node.key, std::string(text)};
    const bool on = node.role == Role::Button && node.selected && !options_.selected.empty();
    if (on) line.text += ", " + options_.selected;
    if (on || !endsSentence(text)) line.text += '.';
    spoken_.lines.push_back(std::move(line));
  }
  Spoken take() { return std::move(spoken_); }

 private:
  const SpeakOptions& options_;
  Spoken spoken_;
};

void addHints(Speaker& speaker, std::span<const AccessNode> nodes, const AccessNode& button) {
  const std::string hintKey = button.key + std::string(kHintSuffix);
  for (const auto& hint : nodes) {
    if (hint.role == Role::Text && hint.key == hintKey) speaker.add(hint);
  }
}

}  // namespace

std::string Spoken::joined() const {
  std::string out;
  for (const auto& line : lines) {
    if (!out.empty()) out += ' ';
    out += line.text;
  }
  return out;
}

Spoken spokenScreen(const AccessTree& tree, const SpeakOptions& options) {
  const std::span<const AccessNode> nodes = tree.uncovered();
  auto isButton = [&](std::string_view key) {
    for (const auto& node : nodes) {
      if (node.role == Role::Button && node.key == key) return true;
    }
    return false;
  };
  // "menu.book.hint" belongs to the button "menu.book".
  auto isHintOfAButton = [&](const AccessNode& node) {
    return isHintKey(node.key) && isButton(std::string_view(node.key).substr(0, node.key.size() - kHintSuffix.size()));
  };

  Speaker said(options);
  for (const Role role : {Role::Heading, Role::Status, Role::Text}) {
    for (const auto& node : nodes) {
      if (node.role == role && !fromTheBar(node) && !isHintOfAButton(node)) said.add(node);
    }
  }
  for (const auto& node : nodes) {
    if (node.role != Role::Button || !node.enabled || fromTheBar(node)) continue;
    said.add(node);
    addHints(said, nodes, node);
  }
  return said.take();
}

Spoken spokenButton(const AccessTree& tree, const AccessNode& button, const SpeakOptions& options) {
  Speaker said(options);
  said.add(button);
  addHints(said, tree.uncovered(), button);
  return said.take();
}

Spoken spokenStatus(const AccessNode& status, const SpeakOptions& options) {
  Speaker said(options);
  said.add(status);
  return said.take();
}

}  // namespace kiosk::ui
