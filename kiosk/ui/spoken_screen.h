#pragma once
// What read-aloud says, built from the accessibility tree: a whole screen, one button, or the
// status messages that appeared.
//
// It lives in kiosk/ui, beside the tree it reads, rather than in kiosk/app: it is the tree put
// into words, as --dump-ui is the tree put into JSON, and it is pure — no ImGui, no speech, no
// app state — so it is unit-tested on hand-built trees and the app shell only passes the last
// frame's tree to it and the result to services::SpeechService. (kiosk/services could not hold
// it: services must not link kiosk_ui, which links ImGui.)
//
// A screen is said in this order: the headings, the status messages, the texts, then the
// buttons' labels, each group in tree order. A button's hint (a text keyed "<button key>.hint",
// as on the menu) is said right after its label instead of among the texts, so that "Book a
// meeting. With your job consultant." stay together. When a modal covers the screen ("more
// time?"), only the modal is said. Left out: the persistent bar and the speech strip (keys "bar."
// and "speech."; their buttons are the same on every screen), disabled buttons (they cannot be pressed), fields (what a citizen typed
// is theirs; a PIN shows only dots), empty texts, and — with Personal::Withhold — everything
// marked personal (a meeting, a plan, a name), so that it is not heard across the reception.
// Every line ends a sentence: a full stop is added unless it already ends with one (. ! ? … : ;
// and the Arabic and Ethiopic marks), so the voice pauses between them.

#include <string>
#include <vector>

#include "kiosk/ui/access_tree.h"

namespace kiosk::ui {

// One line keeps the key it was shown under, so that a recorded prompt for that catalog key can
// be played instead of synthesis.
struct SpokenLine {
  std::string key;
  std::string text;
};

struct Spoken {
  std::vector<SpokenLine> lines;
  bool withheldPersonal = false;  // something personal was left out

  std::string joined() const;  // the lines as one text, for tests and logs of the shape only
};

enum class Personal { Say, Withhold };

struct SpeakOptions {
  Personal personal = Personal::Say;
  // Said after a button that is on — a chosen topic, high contrast — as ", valgt" (EN 301 549
  // 5.6.1: a toggle's state is heard, not only seen). Empty: not said.
  std::string selected;
};

Spoken spokenScreen(const AccessTree& tree, const SpeakOptions& options = {});
// One button, as a long press says it: its label, then its hint.
Spoken spokenButton(const AccessTree& tree, const AccessNode& button, const SpeakOptions& options = {});
// A status message as it appears.
Spoken spokenStatus(const AccessNode& status, const SpeakOptions& options = {});

}  // namespace kiosk::ui
