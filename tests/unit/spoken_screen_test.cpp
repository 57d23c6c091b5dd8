// What a screen says when it is read aloud (ui::spokenScreen): heading first, then texts, then
// buttons with their hints; the bar, disabled buttons and fields left out; sentence ends of every
// script kept; a status message early, a modal alone; personal details withheld unless asked for;
// a toggle said with its state. No sound here: the speech service is in the speech_*_test files.
#include <catch2/catch.hpp>

#include <string>

#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/spoken_screen.h"

using namespace kiosk;

namespace {

ui::AccessNode node(ui::Role role, std::string key, std::string text, bool enabled = true) {
  ui::AccessNode n;
  n.role = role;
  n.key = std::move(key);
  n.text = std::move(text);
  n.enabled = enabled;
  return n;
}

}  // namespace

TEST_CASE("a screen is read heading first, then its texts, then its buttons, with the bar left out") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Text, "home.next_meeting", "Dit næste møde er tirsdag kl. 10"));
  tree.add(node(ui::Role::Heading, "home.title", "Velkommen, Freja"));
  tree.add(node(ui::Role::Button, "home.book", "Book et møde"));
  tree.add(node(ui::Role::Text, "home.deadline", "Book senest fredag!"));
  tree.add(node(ui::Role::Button, "common.back", "Tilbage"));
  tree.add(node(ui::Role::Button, "bar.language", "Sprog"));
  tree.add(node(ui::Role::Button, "bar.start_over", "Forfra"));
  CHECK(ui::spokenScreen(tree).joined() ==
        "Velkommen, Freja. Dit næste møde er tirsdag kl. 10. Book senest fredag! Book et møde. Tilbage.");
}

TEST_CASE("a button's hint is said with its button, as on the menu") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "menu.title", "Hvad vil du gøre?"));
  tree.add(node(ui::Role::Text, "menu.check_in.hint", "Meld din ankomst"));
  tree.add(node(ui::Role::Button, "menu.check_in", "Jeg har et møde i dag"));
  tree.add(node(ui::Role::Text, "menu.book.hint", "Med din jobkonsulent"));
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  tree.add(node(ui::Role::Text, "menu.note", "Åbent til kl. 15"));
  tree.add(node(ui::Role::Button, "bar.read_aloud", "Læs højt", false));
  CHECK(ui::spokenScreen(tree).joined() ==
        "Hvad vil du gøre? Åbent til kl. 15. Jeg har et møde i dag. Meld din ankomst. Book et møde. Med din jobkonsulent.");
}

TEST_CASE("disabled buttons, fields, empty texts and the bar's own texts are not read") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "login.title", "Log ind"));
  tree.add(node(ui::Role::Field, "login.pin", "••••"));
  tree.add(node(ui::Role::Text, "login.empty", "   "));
  tree.add(node(ui::Role::Text, "bar.assisted", "Hjulpet af en medarbejder"));
  tree.add(node(ui::Role::Button, "login.next", "Næste", false));
  tree.add(node(ui::Role::Text, "login.next.hint", "Skriv først din kode"));
  tree.add(node(ui::Role::Button, "common.back", "  Tilbage  "));
  CHECK(ui::spokenScreen(tree).joined() == "Log ind. Tilbage.");
  CHECK(ui::spokenScreen(ui::AccessTree{}).lines.empty());
}

TEST_CASE("sentence ends of every script are kept, not doubled") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "menu.title", "ماذا تريد أن تفعل؟"));
  tree.add(node(ui::Role::Text, "a", "ምን ክትገብር ትደሊ፧"));
  tree.add(node(ui::Role::Text, "b", "Дякуємо…"));
  tree.add(node(ui::Role::Text, "c", "Næste møde:"));
  tree.add(node(ui::Role::Button, "menu.book", "احجز موعدا"));
  CHECK(ui::spokenScreen(tree).joined() == "ماذا تريد أن تفعل؟ ምን ክትገብር ትደሊ፧ Дякуємо… Næste møde: احجز موعدا.");
}

TEST_CASE("a status message is said right after the heading, and a modal is read alone") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "checkin.title", "Jeg har et møde i dag"));
  tree.add(node(ui::Role::Text, "checkin.hint", "Scan dit kort"));
  tree.add(node(ui::Role::Status, "checkin-code.status", "Vi kan ikke finde et møde i dag"));
  tree.add(node(ui::Role::Button, "speech.say_again", "Sig det igen"));
  CHECK(ui::spokenScreen(tree).joined() == "Jeg har et møde i dag. Vi kan ikke finde et møde i dag. Scan dit kort.");
  tree.coverAll();
  tree.add(node(ui::Role::Heading, "idle.question", "Har du brug for mere tid?"));
  tree.add(node(ui::Role::Button, "idle.more_time", "Ja, mere tid"));
  CHECK(ui::spokenScreen(tree).joined() == "Har du brug for mere tid? Ja, mere tid.");
}

TEST_CASE("personal details are left out when withheld, and it is said that they were") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Heading, "home.greeting", "Hej"));
  {
    ui::PersonalData personal(tree);
    tree.add(node(ui::Role::Text, "meeting-when", "Tirsdag kl. 10"));
  }
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  const ui::Spoken withheld = ui::spokenScreen(tree, {ui::Personal::Withhold, ""});
  CHECK(withheld.joined() == "Hej. Book et møde.");
  CHECK(withheld.withheldPersonal);
  const ui::Spoken said = ui::spokenScreen(tree, {ui::Personal::Say, ""});
  CHECK(said.joined() == "Hej. Tirsdag kl. 10. Book et møde.");
  CHECK_FALSE(said.withheldPersonal);
  // Each line keeps its key, for a recorded prompt.
  REQUIRE(said.lines.size() == 3);
  CHECK(said.lines[1].key == "meeting-when");
}

TEST_CASE("a button that is on is said with its state, so a toggle is heard as well as seen") {
  ui::AccessTree tree;
  auto topic = node(ui::Role::Button, "topic.job_search", "Jobsøgning");
  topic.selected = true;
  tree.add(topic);
  tree.add(node(ui::Role::Button, "topic.education", "Uddannelse"));
  CHECK(ui::spokenScreen(tree, {ui::Personal::Say, "valgt"}).joined() == "Jobsøgning, valgt. Uddannelse.");
  CHECK(ui::spokenScreen(tree).joined() == "Jobsøgning. Uddannelse.");
}

TEST_CASE("a held button is said with its hint") {
  ui::AccessTree tree;
  tree.add(node(ui::Role::Text, "menu.book.hint", "Med din jobkonsulent"));
  tree.add(node(ui::Role::Button, "menu.book", "Book et møde"));
  CHECK(ui::spokenButton(tree, tree.nodes()[1]).joined() == "Book et møde. Med din jobkonsulent.");
}
