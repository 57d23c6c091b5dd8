#include "kiosk/app/script_runner.h"

#include <signal.h>
#include <sys/prctl.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kiosk/app/access_json.h"
#include "kiosk/app/frame_driver.h"
#include "kiosk/ui/layout_check.h"
#include "platform/png_writer.h"

namespace kiosk::app {
namespace {

using nlohmann::json;

struct StepFailure {
  std::string message;
};

std::string describeScreen(const KioskApp& app) {
  std::ostringstream out;
  out << "screen \"" << screens::screenName(app.currentScreen()) << "\" shows:";
  for (const auto& node : app.tree().nodes()) {
    if (node.role == ui::Role::Button) out << " [" << node.key << "]";
  }
  return out.str();
}

const ui::AccessNode* findNode(const KioskApp& app, const json& want) {
  // {"one_of": [keys]}: the first of them the screen shows (a script that should outlast a
  // button being renamed, or that ends a session whichever way the screen offers).
  if (want.contains("one_of")) {
    for (const auto& key : want["one_of"]) {
      if (const auto* node = app.tree().find(key.get<std::string>())) return node;
    }
    return nullptr;
  }
  for (const auto& node : app.tree().nodes()) {
    if (want.contains("key") && node.key != want["key"].get<std::string>()) continue;
    if (want.contains("text") && node.text != want["text"].get<std::string>()) continue;
    if (want.contains("text_contains") && node.text.find(want["text_contains"].get<std::string>()) == std::string::npos) continue;
    return &node;
  }
  return nullptr;
}

json asQuery(const json& value) { return value.is_string() ? json{{"key", value}} : value; }

class Runner {
 public:
  // The app's clock only moves forward: a second script goes on from where the first one's
  // virtual clock left it (its waits may have run ahead of real time).
  Runner(KioskApp& app, platform::Window& window, FrameStats* stats)
      : app_(app), window_(window), driver_(app, window, std::max(Clock::now(), app.lastFrameAt())), stats_(stats) {
    driver_.record(stats);
  }

  void run(const json& steps) {
    driver_.settle();
    for (size_t i = 0; i < steps.size(); ++i) {
      const json& step = steps[i];
      try {
        if (!step.is_object() || step.empty()) throw StepFailure{"a step must be an object such as {\"tap\": \"menu.book\"}"};
        runStep(step);
      } catch (const StepFailure& failure) {
        throw StepFailure{"step " + std::to_string(i + 1) + " " + step.dump() + ": " + failure.message};
      }
    }
  }

 private:
  void runStep(const json& step) {
    if (step.contains("tap")) return tap(asQuery(step["tap"]));
    if (step.contains("type")) {
      driver_.push(platform::TextTyped{step["type"].get<std::string>()});
      return driver_.settle();
    }
    if (step.contains("press")) return press(step["press"].get<std::string>());
    if (step.contains("drag")) return drag(asQuery(step["drag"]), step.value("by", json::array({0.f, -0.3f})), step.value("ms", 500));
    if (step.contains("stay_ms")) return stay(step["stay_ms"].get<int>());
    if (step.contains("measure")) return measure(step["measure"].get<std::string>(), step.value("steps", json::array()), step.value("until_screen", std::string()));
    if (step.contains("hold")) return hold(asQuery(step["hold"]), step.value("ms", 800), step.value("then", std::string("lift")));
    if (step.contains("audio_device")) return audioDevice(step["audio_device"].get<std::string>());
    if (step.contains("expect_spoken")) return expectSpoken(step["expect_spoken"].get<std::string>(), true, step.value("timeout_ms", 5000));
    if (step.contains("expect_not_spoken")) return expectSpoken(step["expect_not_spoken"].get<std::string>(), false, 0);
    if (step.contains("wait_for")) return waitFor(step["wait_for"].get<std::string>(), step.value("timeout_ms", 5000));
    if (step.contains("wait_ms")) {
      driver_.advance(std::chrono::milliseconds(step["wait_ms"].get<int>()));
      return driver_.settle();
    }
    if (step.contains("expect")) return expect(asQuery(step["expect"]), true, step.value("timeout_ms", 5000));
    if (step.contains("expect_not")) return expect(asQuery(step["expect_not"]), false, 0);
    if (step.contains("expect_layout")) return expectLayout(step["expect_layout"]);
    if (step.contains("screenshot")) return screenshot(step["screenshot"].get<std::string>());
    if (step.contains("stop_for_inspection")) return stopForInspection();
    if (step.contains("dump_ui")) {
      std::ofstream(step["dump_ui"].get<std::string>()) << dumpUi(app_, window_.size()).dump(2) << '\n';
      return;
    }
    throw StepFailure{
        "unknown step (known: tap, drag, hold, type, press, audio_device, wait_for, wait_ms, expect, expect_not, expect_spoken, "
        "expect_not_spoken, expect_layout, screenshot, dump_ui, measure, stay_ms, stop_for_inspection)"};
  }

  // The centre of the node's visible part, scrolled into view first if need be.
  ui::Vec2 target(const json& query) {
    // {"at": [x, y]}: a place on the display as fractions of its size (a corner for the admin
    // gesture), not a widget.
    if (query.is_object() && query.contains("at")) {
      const auto size = window_.size();
      const json& at = query["at"];
      if (!at.is_array() || at.size() != 2 || !at[0].is_number() || !at[1].is_number()) throw StepFailure{"\"at\" is [x, y], fractions of the display"};
      return {at[0].get<float>() * static_cast<float>(size.width), at[1].get<float>() * static_cast<float>(size.height)};
    }
    const ui::AccessNode* node = findNode(app_, query);
    // What the booking system has yet to send (a list of topics, of activities) may still be on
    // its way on a slow machine: it is waited for as "expect" waits, then the step fails.
    const auto deadline = driver_.now() + std::chrono::milliseconds(5000);
    while (!node && app_.waitingInRealTime() && driver_.now() < deadline) {
      driver_.frame();
      node = findNode(app_, query);
    }
    if (!node) throw StepFailure{"nothing to tap with " + query.dump() + "; " + describeScreen(app_)};
    if (!node->enabled) throw StepFailure{"\"" + node->key + "\" is shown but cannot be used now"};
    if (node->visibleRect.w <= 0) {  // scrolled out of view: scroll it in, as a citizen would
      app_.requestScrollTo(node->key);
      driver_.settle();
      node = findNode(app_, query);
      if (!node || node->visibleRect.w <= 0) throw StepFailure{"\"" + query.dump() + "\" cannot be scrolled into view"};
    }
    return node->visibleRect.center();
  }

  void tap(const json& query) {
    const ui::Vec2 at = target(query);
    driver_.push(platform::PointerDown{at.x, at.y, platform::PointerKind::Touch});
    driver_.push(platform::PointerUp{at.x, at.y, platform::PointerKind::Touch});
    driver_.settle();
  }

  // A finger held still for ms, then lifted where it is ("lift": the button acts) or slid off
  // the screen's edge first ("slide_away": it does not).
  void hold(const json& query, int ms, const std::string& then) {
    if (then != "lift" && then != "slide_away") throw StepFailure{"\"then\" is \"lift\" or \"slide_away\", not \"" + then + "\""};
    const ui::Vec2 at = target(query);
    driver_.push(platform::PointerDown{at.x, at.y, platform::PointerKind::Touch});
    driver_.settle();
    const auto until = driver_.now() + std::chrono::milliseconds(ms);
    while (driver_.now() < until) {
      driver_.advance(std::min<Clock::duration>(std::chrono::milliseconds(50), until - driver_.now()));
      driver_.frame();
    }
    ui::Vec2 end = at;
    if (then == "slide_away") {
      end = {at.x, 0};
      driver_.push(platform::PointerMove{end.x, end.y, platform::PointerKind::Touch});
      driver_.frame();
    }
    driver_.push(platform::PointerUp{end.x, end.y, platform::PointerKind::Touch});
    driver_.settle();
  }

  // A finger put down on the target and moved by [dx, dy] (fractions of the display) over ms,
  // a move each frame, then lifted: how a citizen scrolls a list.
  void drag(const json& query, const json& by, int ms) {
    if (!by.is_array() || by.size() != 2 || !by[0].is_number() || !by[1].is_number()) throw StepFailure{"\"by\" is [dx, dy], fractions of the display"};
    const auto size = window_.size();
    const ui::Vec2 from = target(query);
    const ui::Vec2 to{from.x + by[0].get<float>() * static_cast<float>(size.width), from.y + by[1].get<float>() * static_cast<float>(size.height)};
    driver_.setLabel("drag");
    driver_.push(platform::PointerDown{from.x, from.y, platform::PointerKind::Touch});
    driver_.frame();
    const int moves = std::max(1, ms * 60 / 1000);
    for (int i = 1; i <= moves; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(moves);
      driver_.push(platform::PointerMove{from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, platform::PointerKind::Touch});
      driver_.frame();
    }
    driver_.push(platform::PointerUp{to.x, to.y, platform::PointerKind::Touch});
    driver_.settle();
    driver_.setLabel("");
  }

  // The steps inside, timed from their start to the last frame they drew or, with untilScreen,
  // to the first frame presented on that screen: what a citizen waits for (scripts/bench).
  void measure(const std::string& label, const json& steps, const std::string& untilScreen) {
    if (!steps.is_array() || steps.empty()) throw StepFailure{"\"measure\" needs a non-empty \"steps\" array"};
    const size_t framesBefore = stats_ ? stats_->frames().size() : 0;
    const auto started = Clock::now();
    for (const json& step : steps) runStep(step);
    if (!stats_) return;
    auto ended = Clock::now();
    if (!untilScreen.empty()) {
      const auto& frames = stats_->frames();
      const auto shown = std::find_if(frames.begin() + static_cast<std::ptrdiff_t>(framesBefore), frames.end(),
                                      [&](const FrameSample& f) { return f.screen == untilScreen; });
      if (shown == frames.end()) throw StepFailure{"\"" + untilScreen + "\" was never shown"};
      ended = shown->presentedAt;
    }
    stats_->addStretch({label, std::chrono::duration<double, std::milli>(ended - started).count()});
  }

  // The window stays up, idle, for ms of real time, its frames drawn only when the app needs
  // them: long enough for scripts/bench to read the process's memory after a walk.
  void stay(int ms) {
    std::cout << "kiosk: script: staying " << ms << " ms" << std::endl;
    const auto until = Clock::now() + std::chrono::milliseconds(ms);
    for (auto now = Clock::now(); now < until; now = Clock::now()) {
      window_.waitEvents(static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(until - now).count()));
      if (app_.needsFrame()) driver_.frame();
    }
  }

  void audioDevice(const std::string& change) {
    if (change != "plugged_in" && change != "unplugged") throw StepFailure{"audio_device is \"plugged_in\" or \"unplugged\""};
    driver_.push(platform::AudioDeviceChanged{change == "plugged_in"});
    driver_.settle();
  }

  // What read-aloud last handed to speech contains (or does not contain) this text.
  void expectSpoken(const std::string& text, bool present, int timeoutMs) {
    const auto deadline = driver_.now() + std::chrono::milliseconds(timeoutMs);
    auto heard = [&] { return app_.readAloud().lastSaid().find(text) != std::string::npos; };
    while (present && !heard() && driver_.now() < deadline) driver_.frame();
    if (present && !heard()) throw StepFailure{"expected speech to say \"" + text + "\"; it last said \"" + app_.readAloud().lastSaid() + "\""};
    if (!present && heard()) throw StepFailure{"did not expect speech to say \"" + text + "\""};
  }

  void press(const std::string& name) {
    static const std::pair<const char*, platform::Key> kKeys[] = {
        {"enter", platform::Key::Enter}, {"backspace", platform::Key::Backspace}, {"tab", platform::Key::Tab},
        {"escape", platform::Key::Escape}, {"left", platform::Key::Left}, {"right", platform::Key::Right}};
    for (const auto& [keyName, key] : kKeys) {
      if (name != keyName) continue;
      driver_.push(platform::KeyChange{key, true});
      driver_.push(platform::KeyChange{key, false});
      return driver_.settle();
    }
    throw StepFailure{"unknown key \"" + name + "\""};
  }

  void waitFor(const std::string& screen, int timeoutMs) {
    const auto target = screens::screenFromName(screen);
    if (!target) throw StepFailure{"no screen is called \"" + screen + "\""};
    const auto deadline = driver_.now() + std::chrono::milliseconds(timeoutMs);
    while (app_.currentScreen() != *target) {
      if (driver_.now() >= deadline) {
        throw StepFailure{"still on \"" + std::string(screens::screenName(app_.currentScreen())) + "\" after " +
                          std::to_string(timeoutMs) + " ms"};
      }
      driver_.frame();
    }
    driver_.settle();
  }

  // A node that should be there may still be on its way (an answer from the booking system):
  // it is waited for, up to timeout_ms of the run's clock. One that should not be there is
  // checked at once.
  void expect(const json& query, bool present, int timeoutMs) {
    const auto deadline = driver_.now() + std::chrono::milliseconds(timeoutMs);
    const ui::AccessNode* node = findNode(app_, query);
    while (present && !node && driver_.now() < deadline) {
      driver_.frame();
      node = findNode(app_, query);
    }
    if (present && !node) throw StepFailure{"expected " + query.dump() + "; " + describeScreen(app_)};
    if (!present && node) throw StepFailure{"did not expect " + query.dump() + " (shown as \"" + node->text + "\")"};
    if (present && query.value("not_clipped", false) && node->clipped) throw StepFailure{"\"" + node->key + "\" is clipped"};
  }

  // true, or {"reach_top": fraction}: also no control above that fraction of the display's height.
  void expectLayout(const json& rules) {
    const platform::Size size = window_.size();
    const float reachTop = rules.is_object() ? rules.value("reach_top", 0.f) * static_cast<float>(size.height) : 0.f;
    const auto problems = ui::layoutProblems(app_.tree(), {static_cast<float>(size.width), static_cast<float>(size.height)}, reachTop);
    if (problems.empty()) return;
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
    throw StepFailure{"screen \"" + std::string(screens::screenName(app_.currentScreen())) + "\": " + all};
  }

  // A test reads the kiosk's memory here (tests/flows/memory_scan_test.cpp): the process stops
  // itself and goes on when continued (SIGCONT). In service no other process may read its memory
  // (service_setup.h, protectMemory); a scripted run that asks to be inspected allows it for the
  // inspection only, and says whether it had to. A kiosk in service runs no script: the unit's
  // command line has none.
  void stopForInspection() {
    driver_.settle();
    const bool protectedMemory = ::prctl(PR_GET_DUMPABLE) == 0;
    ::prctl(PR_SET_DUMPABLE, 1);
    std::cout << "kiosk: stopped for inspection (memory " << (protectedMemory ? "protected" : "not protected") << ")" << std::endl;
    ::raise(SIGSTOP);
    if (protectedMemory) ::prctl(PR_SET_DUMPABLE, 0);
  }

  void screenshot(const std::string& file) {
    platform::Image image;
    if (!driver_.capture(image)) {
      throw StepFailure{"screenshots need pixels: run the script without --renderer gl, or with --backend sdl2 or glfw (under Xvfb)"};
    }
    if (!platform::writePng(file, image)) throw StepFailure{"could not write " + file};
  }

  KioskApp& app_;
  platform::Window& window_;
  FrameDriver driver_;
  FrameStats* stats_;
};

}  // namespace

ScriptResult runScript(KioskApp& app, platform::Window& window, const std::filesystem::path& file, FrameStats* stats) {
  std::ifstream in(file);
  if (!in) return {false, file.string() + ": cannot be opened"};
  const json doc = json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return {false, file.string() + ": not valid JSON"};
  const json& steps = doc.is_object() ? doc.value("steps", json::array()) : doc;
  if (!steps.is_array() || steps.empty()) return {false, file.string() + ": expected a non-empty \"steps\" array"};
  try {
    Runner(app, window, stats).run(steps);
  } catch (const StepFailure& failure) {
    return {false, failure.message};
  } catch (const json::exception& e) {
    return {false, std::string("a step has a value of the wrong type: ") + e.what()};
  }
  return {true, std::to_string(steps.size()) + " steps passed"};
}

}  // namespace kiosk::app
