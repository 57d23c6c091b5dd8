#pragma once
// Easy-read line breaking for the card: a paragraph that needs more than one line starts each
// sentence on a line of its own ("Scan koden med din telefon." / "Så kommer mødet i din kalender.").

#include <string>
#include <string_view>

namespace kiosk::services {

// The sentences of a paragraph, one per line (ICU sentence breaks, any script).
std::string sentencesOnLines(std::string_view utf8);

}  // namespace kiosk::services
