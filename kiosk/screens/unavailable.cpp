#include "kiosk/screens/unavailable.h"

#include "kiosk/screens/message_layout.h"
#include "kiosk/ui/icons.h"

namespace kiosk::screens {

void ServiceUnavailable::draw(ui::Ui& ui, const ScreenContext&, const ui::Rect& area, Intents& out) {
  if (drawMessage(ui, page_, area, "unavailable.title", ui::icon::kStaff, "unavailable.body")) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
