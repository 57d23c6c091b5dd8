#pragma once
// What "read aloud" says for a screen, built from its accessibility tree.
//
// It lives in kiosk/ui, beside the tree it reads, rather than in kiosk/app: it is the tree put
// into words, as --dump-ui is the tree put into JSON, and it is pure — no ImGui, no speech, no
// app state — so it is unit-tested on hand-built trees and the app shell only passes the last
// frame's tree to it and the result to services::SpeechService. (kiosk/services could not hold
// it: services must not link kiosk_ui, which links ImGui.)
//
// Order: the headings, then the texts, then the buttons' labels, each group in tree order. A
// button's hint (a text keyed "<button key>.hint", as on the menu) is said right after its label
// instead of among the texts, so that "Book a meeting. With your job consultant." stay together.
// Left out: the persistent bar (keys "bar."; its buttons are the same on every screen), disabled
// buttons (they cannot be pressed), fields (what a citizen typed is theirs; a PIN shows only
// dots) and empty texts. Every piece ends a sentence: a full stop is added unless it already
// ends with one (. ! ? … : ; and the Arabic and Ethiopic marks), so the voice pauses between them.

#include <string>

#include "kiosk/ui/access_tree.h"

namespace kiosk::ui {

std::string spokenScreen(const AccessTree& tree);

}  // namespace kiosk::ui
