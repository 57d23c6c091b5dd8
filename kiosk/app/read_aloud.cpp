#include "kiosk/app/read_aloud.h"

#include <algorithm>
#include <array>

#include "kiosk/services/child_process.h"

namespace kiosk::app {
namespace {

// The kiosk's own gain, in per cent of espeak-ng's level (the loudspeaker's hardware volume is
// set by the operator). The default leaves one step up for a noisy reception.
constexpr std::array<int, 5> kVolumes = {40, 55, 70, 85, 100};
constexpr int kDefaultVolume = 3;
// A screen still waiting for the booking system is read anyway after this long.
constexpr std::chrono::seconds kSettleAtMost{3};
// The "more time?" countdown is said when it appears and once more at this many seconds.
constexpr int kCountdownRepeat = 10;

// A line shown in a language of its own — a language's name on the language screen, a greeting
// on the attract screen — is said in that language's voice: a citizen who cannot read hears
// their language spoken, not its name read in Danish.
std::string ownLanguage(std::string_view key, const i18n::Catalogs& catalogs) {
  for (const std::string_view prefix : {"language.", "attract.hello."}) {
    if (key.rfind(prefix, 0) == 0 && catalogs.languages().find(key.substr(prefix.size()))) return std::string(key.substr(prefix.size()));
  }
  return {};
}

// A recorded prompt can only stand for a line that is the catalog string itself, not one with a
// date or a name filled in.
std::vector<services::SpokenPart> parts(const ui::Spoken& spoken, const i18n::Catalogs& catalogs, std::string_view language) {
  std::vector<services::SpokenPart> out;
  for (const auto& line : spoken.lines) {
    const bool fixed = catalogs.has(language, line.key) && line.text.rfind(catalogs.text(language, line.key), 0) == 0;
    out.push_back({fixed ? line.key : std::string(), line.text, ownLanguage(line.key, catalogs)});
  }
  return out;
}

}  // namespace

ReadAloud::ReadAloud(const i18n::Catalogs& catalogs) : catalogs_(catalogs), volumeStep_(kDefaultVolume) {}

void ReadAloud::attach(services::SpeechService* speech) { speech_ = speech; }

bool ReadAloud::canSpeak(const std::string& language) const { return speech_ && speech_->canSynthesize(language); }

SpeechControls ReadAloud::controls() const {
  return {on_, slow_, volumeStep_, static_cast<int>(kVolumes.size()), withheld_ && !headphones_ && !loudspeakerAllowed_};
}

ui::SpeakOptions ReadAloud::options(const std::string& language) const {
  return {headphones_ || loudspeakerAllowed_ ? ui::Personal::Say : ui::Personal::Withhold, catalogs_.text(language, "speech.selected")};
}

void ReadAloud::toggle(const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language) {
  if (!on_) return turnOn(tree, screen, language);
  on_ = false;
  if (speech_) speech_->stop();
}

void ReadAloud::turnOn(const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language) {
  on_ = true;
  screenOnShow_ = screen;
  screenRead_ = true;
  noteStatuses(tree);
  readScreen(tree, language, "speech.started");
}

void ReadAloud::sayAgain(const std::string& language) {
  if (!speech_ || last_.lines.empty()) return;
  speak(ui::Spoken(last_), language);
}

void ReadAloud::toggleSlow() {
  slow_ = !slow_;
  if (!lastLanguage_.empty()) sayAgain(lastLanguage_);  // heard at once at the new pace
}

void ReadAloud::louder() {
  volumeStep_ = std::min(volumeStep_ + 1, static_cast<int>(kVolumes.size()) - 1);
  if (!lastLanguage_.empty()) sayAgain(lastLanguage_);
}

void ReadAloud::quieter() {
  volumeStep_ = std::max(volumeStep_ - 1, 0);
  if (!lastLanguage_.empty()) sayAgain(lastLanguage_);
}

void ReadAloud::allowLoudspeaker(const ui::AccessTree& tree, const std::string& language) {
  loudspeakerAllowed_ = true;
  readScreen(tree, language);
}

void ReadAloud::headphones(bool pluggedIn, const ui::AccessTree& tree, screens::ScreenId screen, const std::string& language) {
  headphones_ = pluggedIn;
  if (!speech_) return;
  speech_->audioDevicesChanged();  // the next sound goes to the new default output
  if (pluggedIn) turnOn(tree, screen, language);
}

void ReadAloud::sayLine(const std::string& key, const std::string& text, const std::string& language) {
  ui::Spoken spoken;
  spoken.lines.push_back({key, text});
  speak(std::move(spoken), language);
}

void ReadAloud::sayButton(const ui::AccessTree& tree, const ui::AccessNode& button, const std::string& language) {
  speak(ui::spokenButton(tree, button, options(language)), language);
}

void ReadAloud::afterFrame(const ui::AccessTree& tree, screens::ScreenId screen, bool modal, int modalSeconds, bool settled,
                           const std::string& language, Clock::time_point now) {
  if (screen != screenOnShow_) {
    // A new screen silences what was said about the old one.
    if (speaking()) speech_->stop();
    screenOnShow_ = screen;
    screenRead_ = false;
    modalRead_ = false;
    screenSince_ = now;
    statusesHeard_.clear();
  }
  if (!on_ || !speech_) return noteStatuses(tree);
  if (modal) {
    // The warning is a screen of its own: read when it appears, its countdown once more near the end.
    if (!modalRead_ || (!countdownRepeated_ && modalSeconds <= kCountdownRepeat)) {
      countdownRepeated_ = modalRead_;
      modalRead_ = true;
      readScreen(tree, language);
    }
    return;
  }
  modalRead_ = countdownRepeated_ = false;
  if (!screenRead_) {
    if (!settled && now - screenSince_ < kSettleAtMost) return;
    screenRead_ = true;
    noteStatuses(tree);
    return readScreen(tree, language);
  }
  for (const auto& node : tree.uncovered()) {
    if (node.role != ui::Role::Status || !statusesHeard_.insert({node.key, node.text}).second) continue;
    speak(ui::spokenStatus(node, options(language)), language);
  }
}

void ReadAloud::endSession() {
  if (speech_) {
    speech_->stop();
    speech_->retryOutput();  // a sound device that failed the last citizen may be back
  }
  on_ = slow_ = loudspeakerAllowed_ = withheld_ = false;
  statusesHeard_.clear();
  volumeStep_ = kDefaultVolume;
  forget();
}

void ReadAloud::readScreen(const ui::AccessTree& tree, const std::string& language, std::string_view introKey) {
  ui::Spoken spoken = ui::spokenScreen(tree, options(language));
  withheld_ = spoken.withheldPersonal;
  if (!introKey.empty()) spoken.lines.insert(spoken.lines.begin(), {std::string(introKey), catalogs_.text(language, introKey)});
  if (withheld_) spoken.lines.push_back({"speech.personal_withheld", catalogs_.text(language, "speech.personal_withheld")});
  speak(std::move(spoken), language);
}

void ReadAloud::speak(ui::Spoken spoken, const std::string& language) {
  forget();
  last_ = std::move(spoken);
  lastLanguage_ = language;
  lastSaid_ = last_.joined();
  if (!speech_) return;
  speech_->setVolume(kVolumes[static_cast<size_t>(volumeStep_)]);
  speech_->say(parts(last_, catalogs_, language), language, slow_ ? services::SpeechRate::Slow : services::SpeechRate::Normal);
}

void ReadAloud::noteStatuses(const ui::AccessTree& tree) {
  for (const auto& node : tree.uncovered()) {
    if (node.role == ui::Role::Status) statusesHeard_.insert({node.key, node.text});
  }
}

void ReadAloud::forget() {
  for (auto& line : last_.lines) services::wipeString(line.text);
  last_ = {};
  services::wipeString(lastSaid_);
  lastSaid_.clear();
}

}  // namespace kiosk::app
