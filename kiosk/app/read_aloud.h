#pragma once
// Speech mode (EN 301 549 5.1.3 and 5.2): what the kiosk says, when, and how loud.
//
// Off, the kiosk is silent. The bar's read-aloud button, headphones plugged in, or a long press
// on the attract screen turn speech mode on; from then on every new screen is read when it has
// settled (not while the booking system is still being asked), every status message is said as
// it appears ("not found", "wrong PIN", "booked"), the "more time?" warning is read with its
// countdown, and a long press on any button says that button. The strip above the bar then
// offers "say it again", slower speech, quieter and louder, and — when headphones are not in and
// something personal was left out — reading the citizen's own details on the loudspeaker.
//
// Private listening (5.1.3.8-9): what is marked personal in the tree (a meeting, a plan, a name)
// is said only through headphones, unless the citizen asks for the loudspeaker; instead a short
// sentence says that it was left out, and why.
//
// Every session starts the same (5.1.3.13): speech mode off, normal rate, the default volume,
// details not on the loudspeaker, and nothing remembered of what was said.
//
// Texts are held only in memory and wiped with the session; nothing is logged.

#include <chrono>
#include <set>
#include <string>
#include <utility>

#include "kiosk/i18n/catalogs.h"
#include "kiosk/screens/screen.h"
#include "kiosk/services/speech.h"
#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/spoken_screen.h"

namespace kiosk::app {

// What the speech strip shows.
struct SpeechControls {
  bool on = false;
  bool slow = false;
  int volumeStep = 0, volumeSteps = 0;
  bool offerLoudspeaker = false;  // something personal was left out, and no headphones are in
};

class ReadAloud {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::milliseconds kLongPress{600};

  explicit ReadAloud(const i18n::Catalogs& catalogs);
  ReadAloud(const ReadAloud&) = delete;
  ReadAloud& operator=(const ReadAloud&) = delete;
  void attach(services::SpeechService* speech);

  bool on() const { return on_; }
  bool canSpeak(const std::string& language) const;  // a voice for it, or no speech at all
  bool speaking() const { return speech_ && speech_->speaking(); }
  SpeechControls controls() const;

  // The bar's button: on (and the screen read, after a sentence on how to use speech), or off.
  void toggle(const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language);
  // Headphones or the attract screen's long press: on, saying how speech works, then the screen.
  void turnOn(const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language);
  void sayAgain(const std::string& language);
  void toggleSlow();
  void louder();
  void quieter();
  // The citizen chose to hear their own details on the loudspeaker: the screen again, in full.
  void allowLoudspeaker(const ui::AccessTree& tree, const std::string& language);
  void headphones(bool pluggedIn, const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language);
  // One line, now, speech mode or not ("show me how" narrating).
  void sayLine(const std::string& key, const std::string& text, const std::string& language);
  // A long press on a button: its label and hint, now (speech mode or not).
  void sayButton(const ui::AccessTree& tree, const ui::AccessNode& button, const std::string& language);

  // Once per frame, after drawing. modal: "more time?" is up. settled: nothing is being fetched.
  void afterFrame(const ui::AccessTree& tree, screens::ScreenId screen, bool modal, int modalSeconds, bool settled,
                  const std::string& language, Clock::time_point now);
  void endSession();

  // The words last handed to speech (tests and scripted runs check them; wiped with the session).
  const std::string& lastSaid() const { return lastSaid_; }

 private:
  ui::SpeakOptions options(const std::string& language) const;
  void readScreen(const ui::AccessTree& tree, const std::string& language, std::string_view introKey = {});
  void speak(ui::Spoken spoken, const std::string& language);
  void noteStatuses(const ui::AccessTree& tree);
  void forget();

  const i18n::Catalogs& catalogs_;
  services::SpeechService* speech_ = nullptr;
  bool on_ = false;
  bool headphones_ = false;
  bool loudspeakerAllowed_ = false;
  bool slow_ = false;
  int volumeStep_;
  bool withheld_ = false;  // the last screen read left something personal out

  // What has been read of the screen on show, so each thing is said once.
  screens::ScreenId screenOnShow_ = screens::ScreenId::Attract;
  bool screenRead_ = false;
  bool modalRead_ = false;
  bool countdownRepeated_ = false;
  Clock::time_point screenSince_{};
  std::set<std::pair<std::string, std::string>> statusesHeard_;  // (key, text) of status nodes

  ui::Spoken last_;
  std::string lastLanguage_;
  std::string lastSaid_;
};

}  // namespace kiosk::app
