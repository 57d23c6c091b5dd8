#include "kiosk/app/router.h"

#include "kiosk/screens/registry.h"

namespace kiosk::app {

using screens::ScreenId;

Router::Router(const screens::ScreenContext& context) { enter(ScreenId::Attract, context); }

void Router::enter(ScreenId id, const screens::ScreenContext& context) {
  if (current_) current_->onExit();
  current_ = screens::makeScreen(id);
  current_->onEnter(context);
}

void Router::switchTo(ScreenId id, const screens::ScreenContext& context) {
  if (id == currentId()) return;
  history_.push_back(currentId());
  enter(id, context);
}

void Router::goBack(const screens::ScreenContext& context) {
  if (history_.empty()) return enter(ScreenId::Attract, context);
  const ScreenId previous = history_.back();
  history_.pop_back();
  enter(previous, context);
}

void Router::reset(const screens::ScreenContext& context) {
  history_.clear();
  enter(ScreenId::Attract, context);
}

}  // namespace kiosk::app
