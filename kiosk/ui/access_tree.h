#pragma once
// Every pressable widget and every piece of text registers here each frame: role, catalog key,
// the text as shown, its rectangle, whether it can be used and whether its text fitted. Speech,
// tests, --dump-ui and scripted runs all read this one tree; nothing reads ImGui's internals.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/geometry.h"

namespace kiosk::ui {

// Field: a text field; its text is the value typed, or dots for a PIN (never the PIN itself).
// Status: a message that appears in answer to what the citizen did ("not found", "wait", "sent"):
// speech says it as it appears, as a screen reader does for an ARIA status (EN 301 549 5.1.3.15).
enum class Role { Button, Heading, Text, Field, Status };

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
  // A control that moves the citizen on (next, confirm, move, cancel, print, help, log out): the
  // layout rule holds it fully in view at every text size, never scrolled away.
  bool action = false;
  // About this citizen (a meeting, a plan, a name): read aloud only through headphones unless
  // the citizen asks for the loudspeaker (EN 301 549 5.1.3.8-9).
  bool personal = false;
};

class AccessTree {
 public:
  void clear() {
    nodes_.clear();
    covered_ = 0;
    personalDepth_ = 0;
  }
  void add(AccessNode node);
  const std::vector<AccessNode>& nodes() const { return nodes_; }
  const AccessNode* find(std::string_view key) const;
  // A modal now covers everything registered so far: none of it can be touched until it goes.
  void coverAll();
  // What was registered from `first` on was drawn where nothing of it shows (a page left out
  // above a keyboard short of room): it is not on the screen, for speech and checks alike.
  void dropFrom(size_t first) {
    if (first < nodes_.size()) nodes_.resize(first);
  }
  // The nodes a citizen can take in now: those of the modal when one is up, else all.
  std::span<const AccessNode> uncovered() const { return std::span(nodes_).subspan(covered_); }

 private:
  friend class PersonalData;
  std::vector<AccessNode> nodes_;
  size_t covered_ = 0;
  int personalDepth_ = 0;
};

// Everything registered while one of these lives is marked personal:
//   { PersonalData personal(ui.tree()); ui::card(ui, meeting, rect); }
class PersonalData {
 public:
  explicit PersonalData(AccessTree& tree) : tree_(tree) { ++tree_.personalDepth_; }
  ~PersonalData() { --tree_.personalDepth_; }
  PersonalData(const PersonalData&) = delete;
  PersonalData& operator=(const PersonalData&) = delete;

 private:
  AccessTree& tree_;
};

}  // namespace kiosk::ui
