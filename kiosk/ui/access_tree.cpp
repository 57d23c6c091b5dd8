#include "kiosk/ui/access_tree.h"

namespace kiosk::ui {

std::string_view roleName(Role role) {
  switch (role) {
    case Role::Button: return "button";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Field: return "field";
    case Role::Status: return "status";
  }
  return "text";
}

const AccessNode* AccessTree::find(std::string_view key) const {
  for (const auto& node : nodes_) {
    if (node.key == key) return &node;
  }
  return nullptr;
}

void AccessTree::add(AccessNode node) {
  if (personalDepth_ > 0) node.personal = true;
  nodes_.push_back(std::move(node));
}

void AccessTree::coverAll() {
  for (auto& node : nodes_) {
    node.visibleRect = {};
    node.enabled = false;
  }
  covered_ = nodes_.size();
}

}  // namespace kiosk::ui
