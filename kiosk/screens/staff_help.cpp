#include "kiosk/screens/staff_help.h"

#include "kiosk/screens/message_layout.h"
#include "kiosk/ui/icons.h"

namespace kiosk::screens {

void StaffHelp::draw(ui::Ui& ui, const ScreenContext&, const ui::Rect& area, Intents& out) {
  // Until the kiosk can call staff over the booking API, it sends the citizen to the desk.
  if (drawMessage(ui, scroll_, area, "help.title", ui::icon::kHelp, "help.body")) out.push_back(GoBack{});
}

}  // namespace kiosk::screens
