#pragma once
// What "show me how" draws over the screen it is demonstrating: the demonstrating finger (a
// touch point that presses visibly) and the narration as a caption — subtitles for those who
// cannot hear it — with how to stop. Drawn on top of everything; it takes no touches (a touch
// anywhere ends the tour, KioskApp::push).

#include "kiosk/app/guided_tour.h"
#include "kiosk/ui/ui.h"

namespace kiosk::app {

void drawTourOverlay(ui::Ui& ui, const GuidedTour& tour, const ui::Rect& area);

}  // namespace kiosk::app
