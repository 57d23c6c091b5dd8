#pragma once
// The accessibility tree as JSON: what --dump-ui writes and what the checks read. The format is
// documented in README.md ("Driving the kiosk").

#include <nlohmann/json.hpp>

#include "kiosk/app/kiosk_app.h"

namespace kiosk::app {

nlohmann::json dumpUi(const KioskApp& app, platform::Size display);

}  // namespace kiosk::app
