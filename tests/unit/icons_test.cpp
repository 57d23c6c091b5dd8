// Which pictograms turn round in right-to-left languages: only those that point.
#include <catch2/catch.hpp>

#include "kiosk/ui/icons.h"

using namespace kiosk::ui;

TEST_CASE("in Arabic and Farsi arrows turn round, and a tick never does") {
  CHECK(icon::mirrorsInRightToLeft(icon::kBack));
  CHECK(icon::mirrorsInRightToLeft(icon::kForward));
  CHECK(icon::mirrorsInRightToLeft(icon::kTouch));
  // A mirrored tick reads as a chevron ("book" in Farsi); a calendar or a printer is no better.
  for (const char32_t still : {icon::kConfirmed, icon::kBook, icon::kPrint, icon::kHelp, icon::kPhone, icon::kStaff}) {
    CHECK_FALSE(icon::mirrorsInRightToLeft(still));
  }
}
