#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// The idle screen: a welcome that cycles through the languages a citizen can choose here (the
// kiosk's enabled languages the jobcenter offers), and one big "touch to start". Touching
// anywhere starts.
class Attract final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Attract; }
  void onEnter(const ScreenContext& context) override { enteredAt_ = context.now; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;
  std::optional<Clock::time_point> nextWakeup(const ScreenContext& context) const override;

  static constexpr std::chrono::seconds kGreetingPeriod{4};

 private:
  size_t greetingIndex(const ScreenContext& context, size_t languages) const;

  Clock::time_point enteredAt_{};
  ui::ScrollArea scroll_;
};

}  // namespace kiosk::screens
