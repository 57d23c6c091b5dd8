#include "kiosk/screens/out_of_order.h"

#include "kiosk/screens/message_layout.h"
#include "kiosk/ui/icons.h"

namespace kiosk::screens {

void OutOfOrder::draw(ui::Ui& ui, const ScreenContext&, const ui::Rect& area, Intents&) {
  drawMessage(ui, page_, area, "out_of_order.title", ui::icon::kStaff, "out_of_order.body", /*offerBack=*/false);
}

}  // namespace kiosk::screens
