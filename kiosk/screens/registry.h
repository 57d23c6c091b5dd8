#pragma once
// Every screen, in one list: the router asks here, and so do the tests that draw all of them.

#include <memory>

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

std::unique_ptr<Screen> makeScreen(ScreenId id);

}  // namespace kiosk::screens
