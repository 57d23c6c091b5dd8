#pragma once
// Every pressable widget and every piece of text registers here each frame: role, catalog key,
// the text as shown, its rectangle, whether it can be used and whether its text fitted. Speech,
// tests, --dump-ui and scripted runs all read this one tree; nothing reads ImGui's internals.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

// Field: a text field; its text is the value typed, or dots for a PIN (never the PIN itself).
enum class Role { Button, Heading, Text, Field };

std::string_view roleName(Role role);

struct AccessNode {
  Role role = Role::Text;
  std::string key;     // catalog key, or a stable id such as language.<code> for data-driven items
  std::string text;    // what is shown, in logical order (what speech would say)
  Rect rect;           // on screen, in display pixels
  Rect visibleRect;    // the part not scrolled out of view (empty if none)
  bool enabled = true;
  bool selected = false;  // a toggle that is on, the current language, ...
  bool clipped = false;   // some of the text did not fit its rectangle
};

class AccessTree {
 public:
  void clear() { nodes_.clear(); }
  void add(AccessNode node) { nodes_.push_back(std::move(node)); }
  const std::vector<AccessNode>& nodes() const { return nodes_; }
  const AccessNode* find(std::string_view key) const;
  // A modal now covers everything registered so far: none of it can be touched until it goes.
  void coverAll();

 private:
  std::vector<AccessNode> nodes_;
};

}  // namespace kiosk::ui
