#include "monkey.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "kiosk/ui/layout_check.h"

namespace platform = kiosk::platform;
using kiosk::screens::ScreenId;
using kiosk::ui::Vec2;

namespace {

constexpr size_t kRecentEvents = 12;
// Twenty key presses, each with its release, are the most input one event queues.
constexpr int kMostFramesForInput = 100;

// The bar's last button ends the session: "start over", or "log out" while a citizen is logged in.
bool endsSession(const std::string& key) { return key == "bar.start_over" || key == "bar.log_out"; }

// A broken rule's kind: its message without the numbers (where on the screen, which event) and,
// after the screen it names, without what is quoted (the text a field held, which grows as the
// monkey types on: one kind, not one per keystroke).
std::string kindOf(std::string what) {
  what.erase(std::remove_if(what.begin(), what.end(), [](unsigned char c) { return std::isdigit(c) != 0; }), what.end());
  const size_t rule = what.find("): ");
  for (size_t open = what.find('"', rule == std::string::npos ? 0 : rule); open != std::string::npos; open = what.find('"', open + 2)) {
    const size_t close = what.find('"', open + 1);
    if (close == std::string::npos) break;
    what.erase(open + 1, close - open - 1);
  }
  return what;
}

void hashIn(uint64_t& hash, const std::string& text) {
  for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  hash = (hash ^ 0xff) * 1099511628211ull;
}

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x80) out += static_cast<char>(c);
  else if (c < 0x800) out += {static_cast<char>(0xc0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3f))};
  else if (c < 0x10000) out += {static_cast<char>(0xe0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)), static_cast<char>(0x80 | (c & 0x3f))};
  else {
    out += {static_cast<char>(0xf0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3f)), static_cast<char>(0x80 | ((c >> 6) & 0x3f)),
            static_cast<char>(0x80 | (c & 0x3f))};
  }
  return out;
}

// Ranges of code points a citizen's keyboard (or a pasted message) may send.
struct Script {
  const char* name;
  std::vector<std::pair<char32_t, char32_t>> ranges;
};
const std::vector<Script> kScripts = {
    {"latin", {{'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0xe6, 0xe6}, {0xf8, 0xf8}, {0xe5, 0xe5}, {0xc6, 0xc6}, {' ', ' '}, {'-', '.'}, {'@', '@'}}},
    {"arabic", {{0x0627, 0x064a}, {0x0660, 0x0669}, {0x06cc, 0x06cc}, {' ', ' '}}},
    {"cyrillic", {{0x0430, 0x044f}, {0x0410, 0x042f}, {0x0456, 0x0457}, {0x0454, 0x0454}, {0x0491, 0x0491}}},
    {"emoji", {{0x1f600, 0x1f64f}, {0x1f44d, 0x1f44d}, {0x1f3fd, 0x1f3fd}, {0x200d, 0x200d}, {0x2764, 0x2764}, {0xfe0f, 0xfe0f}, {0x1f1e9, 0x1f1f0}}},
    // What breaks text layout: combining marks, bidi controls, zero widths, a wide CJK character.
    {"hostile", {{0x0301, 0x0303}, {0x202a, 0x202e}, {0x2066, 0x2069}, {0x200b, 0x200f}, {0x4e00, 0x4e05}, {'<', '<'}, {'%', '%'}}},
};

// What a hand at the counter types on purpose: staff numbers and PINs, CPR-like numbers.
const std::vector<std::string> kMeaningful = {"S1001", "1357", "S1002", "0000", "0101901234", "0606806789", "DEMO0TDY", "CV"};

// A crash ends the process before any report: the handler says which seed and event to replay,
// then lets the signal do what it would have done (Catch2's handler, or the default).
volatile sig_atomic_t gCrashSeed = 0;
volatile sig_atomic_t gCrashEvent = 0;
struct sigaction gPrevious[32];
constexpr int kCrashSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

void writeNumber(long n) {
  char digits[24];
  int at = sizeof digits;
  do digits[--at] = static_cast<char>('0' + n % 10), n /= 10;
  while (n > 0 && at > 0);
  (void)!::write(STDERR_FILENO, digits + at, sizeof digits - static_cast<size_t>(at));
}

void onCrash(int signal) {
  const char head[] = "\nmonkey: crashed at event ";
  (void)!::write(STDERR_FILENO, head, sizeof head - 1);
  writeNumber(gCrashEvent);
  const char mid[] = "; replay with KIOSK_MONKEY_SEED=";
  (void)!::write(STDERR_FILENO, mid, sizeof mid - 1);
  writeNumber(gCrashSeed);
  const char tail[] = "\n";
  (void)!::write(STDERR_FILENO, tail, sizeof tail - 1);
  ::sigaction(signal, &gPrevious[signal], nullptr);
  ::raise(signal);
}

struct CrashReport {
  explicit CrashReport(uint64_t seed) {
    gCrashSeed = static_cast<sig_atomic_t>(seed);
    struct sigaction action {};
    action.sa_handler = onCrash;
    for (const int s : kCrashSignals) ::sigaction(s, &action, &gPrevious[s]);
  }
  ~CrashReport() {
    for (const int s : kCrashSignals) ::sigaction(s, &gPrevious[s], nullptr);
  }
};

}  // namespace

Monkey::Monkey(DemoJobcenter& kiosk, uint64_t seed, CitizenTraces traces)
    : kiosk_(kiosk),
      app_(kiosk.app()),
      window_(kiosk.window()),
      seed_(seed),
      traces_(std::move(traces)),
      random_(seed),
      driver_(kiosk),
      lastScreen_(kiosk.app().currentScreen()) {
  const auto& catalogs = kiosk.catalogs();
  for (const auto& language : catalogs.languages().languages) {
    for (const auto& key : catalogs.keys(language.code)) kioskWords_.push_back(catalogs.text(language.code, key));
  }
}

bool Monkey::kioskSaysItself(const std::string& text) const {
  return std::any_of(kioskWords_.begin(), kioskWords_.end(), [&](const std::string& words) { return words.find(text) != std::string::npos; });
}

MonkeyReport Monkey::run(long events) {
  report_ = {};
  report_.traceHash = 1469598103934665603ull;
  const CrashReport crashReport(seed_);
  settle();
  while (report_.events < events && !report_.failure) {
    gCrashEvent = static_cast<sig_atomic_t>(++report_.events);
    step();
    if (!report_.failure) seeInput();
    if (report_.failure) break;
    check();
  }
  if (printerBroken_) printerFails();  // the file is a directory while broken: make it a file again
  report_.frames = driver_.frames();
  report_.secondsWaited = std::chrono::duration<double>(driver_.waited()).count();
  return report_;
}

void Monkey::step() {
  // Weights: most input aims at what the screen offers, as a citizen's does.
  static const std::vector<std::pair<int, void (Monkey::*)()>> kEvents = {
      {40, nullptr},  // a tap on a target (below)
      {6, &Monkey::tapAnywhere},  {6, &Monkey::drag},       {3, &Monkey::hold},        {3, &Monkey::twoFingers},
      {10, &Monkey::type},        {2, &Monkey::scannerBurst}, {4, &Monkey::key},      {2, &Monkey::wheel},
      {1, &Monkey::headphones},   {1, &Monkey::printerFails}, {3, &Monkey::jump},
  };
  static const int total = [] {
    int sum = 0;
    for (const auto& [weight, event] : kEvents) sum += weight;
    return sum + 6;  // and the bar's switches (language, size, contrast, low reach...)
  }();
  int roll = between(0, total - 1);
  for (const auto& [weight, event] : kEvents) {
    if (roll < weight) {
      if (event) (this->*event)();
      else tapTarget(false);
      return;
    }
    roll -= weight;
  }
  tapTarget(true);
}

void Monkey::frame() {
  driver_.frame();
  if (!driver_.stuck().empty()) fail(driver_.stuck(), /*fatal=*/true);
}

// The kiosk sees each press, release and key change in a frame of its own; a citizen's next
// touch comes after it has seen the last. An event's own frames may not be enough (a tap pushes
// its press and release at once, a key may be pressed twenty times): without this the monkey
// typed faster than the kiosk framed, and by event 200 of seed 17 its start-over tap waited
// behind 70 frames of earlier input — so the tap seemed lost, and the events listed were not
// what the screen was answering.
void Monkey::seeInput() {
  for (int frames = 0; app_.inputPending(); ++frames) {
    if (frames == kMostFramesForInput) {
      return fail("input pushed was not seen within " + std::to_string(kMostFramesForInput) + " frames", /*fatal=*/true);
    }
    frame();
  }
}

// Frames until the app needs none, at most maxFrames. Events themselves get a frame each and
// then as many as their input needs (seeInput): what else they started (a screen's second frame,
// a rebuilt font) is still under way when the next event comes, as under a quick finger; only the
// checks that need a screen at rest settle it.
void Monkey::settle(int maxFrames) {
  frame();
  for (int i = 1; i < maxFrames && app_.needsFrame(); ++i) frame();
}

void Monkey::note(const std::string& event) {
  if (std::getenv("KIOSK_MONKEY_VERBOSE")) std::cerr << report_.events << " " << kiosk::screens::screenName(app_.currentScreen()) << ": " << event << "\n";
  hashIn(report_.traceHash, event);
  recent_.push_back(event);
  if (recent_.size() > kRecentEvents) recent_.erase(recent_.begin());
}

void Monkey::fail(const std::string& what, bool fatal) {
  if (report_.failure) return;
  std::ostringstream recent;
  recent << "\n  the screen offers:";
  for (const auto& node : app_.tree().uncovered()) {
    if (node.role == kiosk::ui::Role::Button) recent << " [" << node.key << (node.enabled ? "" : " (off)") << "]";
  }
  recent << "\n  last events:";
  for (const auto& e : recent_) recent << "\n    " << e;
  MonkeyFailure failure{seed_, report_.events, what, recent.str()};
  if (!keepGoing || fatal) {
    report_.failure = std::move(failure);
    return;
  }
  for (auto& finding : report_.findings) {
    if (kindOf(finding.first.what) == kindOf(what)) return void(++finding.times);
  }
  // Said at once: a long run's findings are known before it ends.
  std::cerr << "monkey: seed " << seed_ << ", event " << report_.events << ": " << what << "\n";
  report_.findings.push_back({std::move(failure), 1});
}

// [SECTION] After every event

void Monkey::check(bool startOver) {
  const ScreenId screen = app_.currentScreen();
  const std::string name(kiosk::screens::screenName(screen));
  hashIn(report_.traceHash, name);
  report_.screensSeen.insert(name);
  if (screen != lastScreen_) {
    if (screen == ScreenId::Attract) checkNothingLeftBehind();
    if (screen == ScreenId::Home && lastScreen_ != ScreenId::Home) ++report_.loggedIn;
    lastScreen_ = screen;
  }
  // Rules for a screen at rest: a frame in the middle of a tap may still be changing screens.
  if (!app_.needsFrame()) {
    const auto size = window_.size();
    const float reachTop = app_.preferences().lowReach ? 0.25f * static_cast<float>(size.height) : 0.f;
    const auto problems = kiosk::ui::layoutProblems(app_.tree(), {static_cast<float>(size.width), static_cast<float>(size.height)}, reachTop);
    if (!problems.empty()) {
      std::string all;
      for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
      // What else takes height from the screen: the speech controls, a staff banner.
      const auto& citizen = app_.citizen();
      const bool banner = citizen.assisted() || citizen.help.done();
      return fail("layout on \"" + name + "\" (" + app_.preferences().language + ", " + std::to_string(app_.preferences().textSizePercent) +
                  " %" + (app_.preferences().lowReach ? ", low reach" : "") + (app_.readAloud().on() ? ", speech controls" : "") +
                  (banner ? ", staff banner" : "") + "): " + all);
    }
  }
  if (startOver && startOverEvery > 0 && report_.events % startOverEvery == 0) checkStartOver();
}

// Whatever a citizen was shown or typed is gone from the screen once they have gone. (What the
// kiosk's catalogs say themselves is no trace, though typed: seed 1 typed "دی", which the Farsi
// greeting "خوش آمدید" holds.)
void Monkey::checkNothingLeftBehind() {
  settle(30);  // the tree of the frame that left the last screen still shows it
  if (app_.currentScreen() != ScreenId::Attract) return;
  ++report_.sessionsEnded;
  std::vector<std::string> traces = traces_();
  traces.insert(traces.end(), typedThisSession_.begin(), typedThisSession_.end());
  typedThisSession_.clear();
  for (const auto& node : app_.tree().nodes()) {
    if (node.role == kiosk::ui::Role::Field && !node.text.empty()) return fail("the attract screen's field \"" + node.key + "\" holds \"" + node.text + "\"");
    for (const auto& trace : traces) {
      if (trace.size() >= 4 && node.text.find(trace) != std::string::npos && !kioskSaysItself(trace)) {
        return fail("after the session ended, \"" + node.key + "\" still shows \"" + trace + "\" (in \"" + node.text + "\")");
      }
    }
  }
}

// "Start over" ("log out" while logged in) takes anyone anywhere back to the attract screen with
// one tap (where the bar shows it and no question covers it).
void Monkey::checkStartOver() {
  settle(30);  // the check is on a screen at rest
  const auto uncovered = app_.tree().uncovered();
  const auto button = std::find_if(uncovered.begin(), uncovered.end(), [](const auto& n) { return endsSession(n.key); });
  if (button == uncovered.end() || !button->enabled || button->visibleRect.w <= 0) return;
  ++report_.startOvers;
  const Vec2 at = button->visibleRect.center();
  const std::string key = button->key;
  note("start over check (" + key + ")");
  driver_.push(platform::PointerDown{at.x, at.y});
  driver_.push(platform::PointerUp{at.x, at.y});
  settle(30);
  if (app_.currentScreen() != ScreenId::Attract) {
    const std::string ledTo(kiosk::screens::screenName(app_.currentScreen()));
    if (std::getenv("KIOSK_MONKEY_VERBOSE")) {
      driver_.push(platform::PointerDown{at.x, at.y});
      driver_.push(platform::PointerUp{at.x, at.y});
      settle(30);
      std::cerr << "a second tap led to " << kiosk::screens::screenName(app_.currentScreen()) << "\n";
    }
    return fail("one tap on \"" + key + "\" led to \"" + ledTo + "\", not the attract screen");
  }
  check(/*startOver=*/false);  // the session has ended: nothing may be left
}

// [SECTION] Events

Vec2 Monkey::anywhere() {
  const auto size = window_.size();
  return {static_cast<float>(between(0, size.width - 1)), static_cast<float>(between(0, size.height - 1))};
}

// The centre of a node a citizen can touch now, or (one time in five) somewhere inside it;
// anywhere when the screen offers nothing. So that the monkey gets past the front door, "start
// over" and "log out" are mostly left alone and the demo phone's approval is mostly taken on the
// login screen.
Vec2 Monkey::aim(bool barOnly) {
  std::vector<const kiosk::ui::AccessNode*> targets, chrome, approvals;
  const bool spareStartOver = between(0, 9) > 0;
  for (const auto& node : app_.tree().uncovered()) {
    const bool touchable = node.role == kiosk::ui::Role::Button || node.role == kiosk::ui::Role::Field;
    if (!touchable || node.visibleRect.w <= 0 || (barOnly && node.key.rfind("bar.", 0) != 0)) continue;
    if (spareStartOver && endsSession(node.key)) continue;
    if (node.key.rfind("demo-approve-", 0) == 0) approvals.push_back(&node);
    const bool onEveryScreen = node.key.rfind("bar.", 0) == 0 || node.key.rfind("speech.", 0) == 0;
    (onEveryScreen ? chrome : targets).push_back(&node);
  }
  // The bar and the speech strip are on every screen. Aimed at like the screen's own targets,
  // they took most taps where a screen has few: the monkey changed the text size every 14
  // events, rebuilding the fonts each time, and logged in once in 2 000 events. One aimed tap
  // in five goes to them (the bar's own events, tapTarget(true), come on top).
  if (!chrome.empty() && (targets.empty() || between(0, 4) == 0)) targets = chrome;
  if (!approvals.empty() && between(0, 1) == 0) targets = approvals;
  if (targets.empty()) return anywhere();
  const auto& rect = pick(targets)->visibleRect;
  if (between(0, 4) > 0) return rect.center();
  return {rect.x + static_cast<float>(between(0, std::max(0, static_cast<int>(rect.w) - 1))),
          rect.y + static_cast<float>(between(0, std::max(0, static_cast<int>(rect.h) - 1)))};
}

void Monkey::tapTarget(bool barOnly) {
  const Vec2 at = aim(barOnly);
  const auto* node = [&]() -> const kiosk::ui::AccessNode* {
    for (const auto& n : app_.tree().uncovered()) {
      if (n.visibleRect.contains(at) && n.role == kiosk::ui::Role::Button) return &n;
    }
    return nullptr;
  }();
  note("tap " + (node ? node->key : std::string("?")) + " at " + std::to_string(int(at.x)) + "," + std::to_string(int(at.y)));
  driver_.push(platform::PointerDown{at.x, at.y});
  driver_.push(platform::PointerUp{at.x, at.y});
  frame();
}

void Monkey::tapAnywhere() {
  const Vec2 at = anywhere();
  note("tap anywhere at " + std::to_string(int(at.x)) + "," + std::to_string(int(at.y)));
  driver_.push(platform::PointerDown{at.x, at.y});
  driver_.push(platform::PointerUp{at.x, at.y});
  frame();
}

// A finger that travels (a scroll, or a press dragged off its button).
void Monkey::drag() {
  const Vec2 from = between(0, 1) ? aim(false) : anywhere();
  const Vec2 to = anywhere();
  const int steps = between(2, 8);
  note("drag " + std::to_string(int(from.x)) + "," + std::to_string(int(from.y)) + " -> " + std::to_string(int(to.x)) + "," +
       std::to_string(int(to.y)) + " in " + std::to_string(steps));
  driver_.push(platform::PointerDown{from.x, from.y});
  frame();
  for (int i = 1; i <= steps; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(steps);
    driver_.push(platform::PointerMove{from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t});
    frame();
  }
  driver_.push(platform::PointerUp{to.x, to.y});
  frame();
}

// A finger held still long enough to have a button read aloud, then lifted or slid away.
void Monkey::hold() {
  const Vec2 at = aim(false);
  const int ms = pick(std::vector<int>{300, 700, 1500, 4000});
  const bool slide = between(0, 2) == 0;
  note("hold " + std::to_string(int(at.x)) + "," + std::to_string(int(at.y)) + " " + std::to_string(ms) + " ms" + (slide ? " then slide away" : ""));
  driver_.push(platform::PointerDown{at.x, at.y});
  frame();
  for (int held = 0; held < ms; held += 250) {
    driver_.advance(std::chrono::milliseconds(250));
    frame();
  }
  if (slide) {
    driver_.push(platform::PointerMove{at.x, 0});
    frame();
  }
  driver_.push(platform::PointerUp{at.x, slide ? 0.f : at.y});
  frame();
}

// Two fingers: a second touch lands while the first is down; they lift in either order.
void Monkey::twoFingers() {
  const Vec2 a = aim(false), b = aim(false);
  note("two fingers " + std::to_string(int(a.x)) + "," + std::to_string(int(a.y)) + " + " + std::to_string(int(b.x)) + "," + std::to_string(int(b.y)));
  driver_.push(platform::PointerDown{a.x, a.y});
  frame();
  driver_.push(platform::PointerDown{b.x, b.y});
  driver_.push(platform::PointerMove{b.x + 20, b.y + 20});
  frame();
  const bool firstUpFirst = between(0, 1);
  driver_.push(platform::PointerUp{firstUpFirst ? a.x : b.x, firstUpFirst ? a.y : b.y});
  frame();
  driver_.push(platform::PointerUp{firstUpFirst ? b.x : a.x, firstUpFirst ? b.y : a.y});
  frame();
}

std::string Monkey::randomText() {
  if (between(0, 5) == 0) return pick(kMeaningful);
  const Script& script = pick(kScripts);
  const int length = between(0, 9) == 0 ? between(100, 400) : between(1, 14);
  std::string text;
  for (int i = 0; i < length; ++i) {
    const auto& [low, high] = pick(script.ranges);
    text += utf8(static_cast<char32_t>(between(static_cast<int>(low), static_cast<int>(high))));
  }
  return text;
}

// Typing into the field on screen (a tap on it first, most times), or into nothing at all.
void Monkey::type() {
  if (between(0, 3) > 0) {
    for (const auto& node : app_.tree().uncovered()) {
      if (node.role != kiosk::ui::Role::Field || node.visibleRect.w <= 0) continue;
      const Vec2 at = node.visibleRect.center();
      driver_.push(platform::PointerDown{at.x, at.y});
      driver_.push(platform::PointerUp{at.x, at.y});
      frame();
      break;
    }
  }
  const std::string text = randomText();
  note("type \"" + text.substr(0, 60) + "\"");
  typedThisSession_.push_back(text);
  driver_.push(platform::TextTyped{text});
  frame();
}

// A barcode scanner is a keyboard that types a booking code in one burst and presses Enter.
void Monkey::scannerBurst() {
  const std::string code = between(0, 1) ? std::string("DEMO0TDY") : randomText().substr(0, 12);
  note("scan \"" + code + "\"");
  typedThisSession_.push_back(code);
  for (const char c : code) driver_.push(platform::TextTyped{std::string(1, c)});
  driver_.push(platform::KeyChange{platform::Key::Enter, true});
  driver_.push(platform::KeyChange{platform::Key::Enter, false});
  frame();
}

void Monkey::key() {
  const auto key = static_cast<platform::Key>(between(0, static_cast<int>(platform::Key::Count) - 1));
  const int times = between(0, 3) == 0 ? between(2, 20) : 1;
  note("key " + std::to_string(static_cast<int>(key)) + " x" + std::to_string(times));
  for (int i = 0; i < times; ++i) {
    driver_.push(platform::KeyChange{key, true});
    driver_.push(platform::KeyChange{key, false});
  }
  frame();
}

void Monkey::wheel() {
  const float dy = static_cast<float>(between(-30, 30));
  note("wheel " + std::to_string(int(dy)));
  driver_.push(platform::Wheel{dy});
  frame();
}

// Headphones plugged in (speech mode starts) or pulled out (it stops).
void Monkey::headphones() {
  headphonesIn_ = !headphonesIn_;
  note(headphonesIn_ ? "headphones in" : "headphones out");
  driver_.push(platform::AudioDeviceChanged{headphonesIn_});
  frame();
}

// The printer stops taking cards (its file becomes a directory: opening it fails) or works again.
void Monkey::printerFails() {
  frame();  // answers in, so never under a card being written
  printerBroken_ = !printerBroken_;
  note(printerBroken_ ? "printer fails" : "printer works");
  const auto& file = kiosk_.printedFile();
  std::filesystem::remove_all(file);
  if (printerBroken_) std::filesystem::create_directory(file);
  frame();
}

// Time passes with nobody touching: far enough to start "more time?", to time the citizen out,
// or to outlast a staff call.
void Monkey::jump() {
  static const std::vector<std::chrono::seconds> kJumps = {std::chrono::seconds(1),  std::chrono::seconds(5),  std::chrono::seconds(35),
                                                           std::chrono::seconds(95), std::chrono::seconds(125), std::chrono::minutes(16)};
  const auto by = pick(kJumps);
  note("wait " + std::to_string(by.count()) + " s");
  driver_.advance(by);
  frame();
}
