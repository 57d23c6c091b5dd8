#include "kiosk/app/access_json.h"

namespace kiosk::app {
namespace {

nlohmann::json rect(const ui::Rect& r) { return {r.x, r.y, r.w, r.h}; }

}  // namespace

nlohmann::json dumpUi(const KioskApp& app, platform::Size display) {
  const auto& prefs = app.preferences();
  nlohmann::json nodes = nlohmann::json::array();
  for (const auto& node : app.tree().nodes()) {
    nodes.push_back({
        {"role", ui::roleName(node.role)},
        {"key", node.key},
        {"text", node.text},
        {"rect", rect(node.rect)},
        {"visible_rect", rect(node.visibleRect)},
        {"enabled", node.enabled},
        {"selected", node.selected},
        {"clipped", node.clipped},
        {"action", node.action},
        {"personal", node.personal},
    });
  }
  return {
      {"screen", screens::screenName(app.currentScreen())},
      {"language", prefs.language},
      {"text_size", prefs.textSizePercent},
      {"contrast", prefs.contrast == ui::Contrast::High ? "high" : "normal"},
      {"display", {{"width", display.width}, {"height", display.height}}},
      {"nodes", nodes},
  };
}

}  // namespace kiosk::app
