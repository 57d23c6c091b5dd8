#pragma once
#include "kiosk/screens/screen.h"
#include "kiosk/ui/scroll_area.h"

namespace kiosk::screens {

// After login: first name only, the next meeting, when the next one must be booked by, the job
// log since the last meeting and the last agreement.
class Home final : public Screen {
 public:
  ScreenId id() const override { return ScreenId::Home; }
  void draw(ui::Ui& ui, const ScreenContext& context, const ui::Rect& area, Intents& out) override;

 private:
  ui::ScrollArea scroll_;
  // Dates formatted by ICU once per language and summary, not every frame.
  std::string formattedFor_;
  std::string meetingWhen_, bookBefore_;
};

}  // namespace kiosk::screens
