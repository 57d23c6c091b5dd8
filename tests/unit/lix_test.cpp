// Easy-read Danish, measured: LIX of every citizen-facing Danish text in i18n/da.json at most 30.
//
//   LIX = words / sentences + 100 * long words / words      (a long word has more than 6 letters)
//
// How it is measured (tests/tools/lix.h; the same words are in docs/accessibility.md):
// - The text as shown: each branch of a plural block on its own ("1 plads tilbage", "# pladser
//   tilbage"); a placeholder ({name}, {date}) or a plural's # is one short word. What the server
//   fills in (names, addresses) is not in the catalog and not measured.
// - Texts of 4 words or more are scored one by one. LIX was made for running text; on a single
//   label it says nothing ("Hvornår?" is one long word: 1 + 100 = 101, "Uddannelse" 101 too). 4 is
//   the shortest length at which one long word still fits under 30 (4/1 + 100/4 = 29), so from
//   there a score over 30 means a share of long words or a sentence length the reader feels.
// - The shorter texts (labels, buttons, titles, "Vent et øjeblik.") are scored together, as the
//   one text a citizen reads across the screens: their words over their sentences (one per label)
//   plus their share of long words, also at most 30.
// - No word may be longer than 14 letters (Danish compounds such as "medarbejdernummer" are hard
//   to read and do not wrap at 200 % text) unless it is in lix::allowedLongWords() with a reason.
//   Fixed product and domain words (jobcenter, joblog, booking, MitID, CPR) are all shorter; they
//   still count as long words in the score when they have 7 letters or more.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "../tools/lix.h"

namespace {

nlohmann::ordered_json danish() {
  std::ifstream in(std::filesystem::path(KIOSK_DATA_DIR) / "i18n" / "da.json");
  return nlohmann::ordered_json::parse(in);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string score(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << value;
  return out.str();
}

}  // namespace

TEST_CASE("LIX: words over sentences plus the share of words over 6 letters") {
  const auto m = lix::measure("Gå hen til skranken. Så hjælper vi dig.");
  CHECK(m.words == 8);
  CHECK(m.sentences == 2);
  CHECK(m.longWords == std::vector<std::string>{"skranken.", "hjælper"});
  CHECK(m.score() == Approx(8.0 / 2 + 100.0 * 2 / 8));
  CHECK(lix::measure("Uddannelse").score() == Approx(101));
  CHECK(lix::measure("CPR-nummer").longWords.size() == 1);  // one word of 9 letters
}

TEST_CASE("LIX: a placeholder is one short word, an abbreviation or a colon before lower case ends no sentence") {
  const auto m = lix::measure("{date} kl. {time}");
  CHECK(m.words == 3);
  CHECK(m.sentences == 1);
  CHECK(m.longWords.empty());
  CHECK(lix::measure("{name}: skriv koden. Eller scan kortet.").sentences == 2);
  CHECK(lix::measure("Kan du ikke scanne? Gå til adressen og skriv koden:").sentences == 2);
  CHECK(lix::measure("{averyveryverylongname}").tooLongWords.empty());
}

TEST_CASE("LIX: a plural is measured branch by branch, # as a number") {
  CHECK(lix::shownTexts("{count, plural, one {1 plads tilbage} other {# pladser tilbage}}") ==
        std::vector<std::string>{"1 plads tilbage", "# pladser tilbage"});
  CHECK(lix::shownTexts("Du har {n, plural, =0 {ingen} other {#}} møder med {name}.") ==
        std::vector<std::string>{"Du har ingen møder med {name}.", "Du har # møder med {name}."});
  CHECK(lix::shownTexts("Klokken '{'ikke'}' {when, time, short}") == std::vector<std::string>{"Klokken {ikke} {when}"});
  CHECK(lix::measure("# pladser tilbage").words == 3);
}

TEST_CASE("every Danish text of 4 words or more has a LIX of at most 30") {
  const auto result = lix::measureCatalog(danish());
  REQUIRE(result.own.size() > 50);
  std::ostringstream over;
  for (const auto* s : result.overLimit()) {
    over << "  " << s->key << ": LIX " << score(s->measure.score()) << " (" << s->measure.words << " words, "
         << s->measure.sentences << " sentences, long: " << joined(s->measure.longWords) << ") \"" << s->shown << "\"\n";
  }
  INFO("over LIX " << lix::kMaxLix << " in i18n/da.json - say it in shorter sentences and shorter words:\n" << over.str());
  CHECK(result.overLimit().empty());
}

TEST_CASE("the short Danish texts (labels, buttons, titles) together have a LIX of at most 30") {
  const auto result = lix::measureCatalog(danish());
  REQUIRE(result.short_.size() > 50);
  INFO("the " << result.short_.size() << " short texts: " << result.pooled.words << " words, " << result.pooled.sentences
              << " sentences, " << result.pooled.longWords.size() << " long words: LIX " << score(result.pooled.score())
              << "\nlong words: " << joined(result.pooled.longWords));
  CHECK_FALSE(result.pooledOverLimit());
}

TEST_CASE("no Danish word is longer than 14 letters unless it is allowed with a reason") {
  const auto result = lix::measureCatalog(danish());
  std::ostringstream found;
  for (const auto& s : result.tooLong) found << "  " << s.key << ": " << joined(s.measure.tooLongWords) << " in \"" << s.shown << "\"\n";
  INFO("words over " << lix::kMaxWordLetters << " letters in i18n/da.json:\n" << found.str());
  CHECK(result.tooLong.empty());
  for (const auto& a : lix::allowedLongWords()) {
    INFO(a.word);
    CHECK_FALSE(a.reason.empty());
  }
}
