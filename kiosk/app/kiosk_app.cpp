#include "kiosk/app/kiosk_app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <thread>

#include "kiosk/app/persistent_bar.h"
#include "kiosk/app/font_plan.h"
#include "kiosk/app/more_time.h"
#include "kiosk/app/tour_overlay.h"
#include "kiosk/screens/registry.h"
#include "kiosk/ui/kiosk_style.h"
#include "kiosk/ui/spoken_screen.h"
#include "kiosk/overloaded.h"

namespace kiosk::app {
namespace {

uint32_t packed(ui::Rgb c) { return (uint32_t{c.r} << 16) | (uint32_t{c.g} << 8) | c.b; }

}  // namespace

KioskApp::KioskApp(platform::Window& window, const i18n::Catalogs& catalogs, AppOptions options, Clock::time_point now)
    : window_(window),
      readAloud_(catalogs),
      admin_([&window] { window.wake(); }),
      catalogs_(catalogs),
      options_(std::move(options)),
      ui_(text_, tree_, catalogs),
      idle_(options_.idleTimeout, options_.idleWarning) {
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes nothing to disk
  io.LogFilename = nullptr;
  // Lockdown: no clipboard. Nothing a citizen typed may be carried to the next citizen (ImGui's
  // own fallback clipboard would keep it in memory), and the platform's is never touched.
  io.SetClipboardTextFn = nullptr;
  io.GetClipboardTextFn = nullptr;
  io.ClipboardUserData = nullptr;
  admin_.usePinHash(options_.adminPinHash);
  for (const auto& code : options_.enabledLanguages) {
    if (catalogs_.languages().find(code)) jobcenterView_.languages.push_back(code);
  }
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen | ImGuiConfigFlags_NoMouseCursorChange;
  ui::TouchInput::configure(io);
  if (!catalogs_.languages().find(options_.defaultLanguage)) options_.defaultLanguage = catalogs_.languages().sourceCode;
  preferences_.language = options_.defaultLanguage;
  lastFrame_ = now;
  idle_.touched(now);
  steadyAtStart_ = now;
  wallAtStart_ = options_.wallClockAtStart.value_or(domain::WallClock::now());
  if (!options_.tourFile.empty()) {
    if (const auto loaded = tour_.load(options_.tourFile); !loaded) {
      std::cerr << "kiosk: show me how is not offered: " << loaded.failure().detail << "\n";
    }
  }
  router_ = std::make_unique<Router>(context(now));
}

KioskApp::~KioskApp() {
  ImGui::SetCurrentContext(imgui_);
  window_.releaseRenderer();
  ImGui::DestroyContext(imgui_);
}

screens::ScreenContext KioskApp::context(Clock::time_point now) const {
  return {preferences_, catalogs_, now, citizen(), pendingService_, jobcenterName(), tourAvailable(), &options_.enabledLanguages, jobcenterView_, adminView_};
}

void KioskApp::go(screens::ScreenId id, Clock::time_point now) {
  router_->switchTo(id, context(now));
  if (session_) session_->prepare(id);
}

const screens::CitizenView& KioskApp::citizen() const {
  static const screens::CitizenView kNoBookingSystem{};
  return session_ ? session_->view() : kNoBookingSystem;
}

void KioskApp::attachClient(api::HttpClient* client) {
  settings_.reset();  // its requests go with the client
  if (session_) {
    session_->logout();
    session_.reset();
    // The revocation is on its way: it gets a moment (bounded) to reach the server before the
    // client may go. Only ever on quitting or reconfiguring, never while a citizen waits.
    const auto deadline = Clock::now() + std::chrono::seconds(2);
    while (client_->busy() && Clock::now() < deadline) {
      client_->drain();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  client_ = client;
  if (!client_) return;
  // For the operator: the citizen is told "ask at the desk"; the desk must hear why.
  auto incident = [this](api::ApiError error) {
    incidents_.report(IncidentKind::Certificate, error == api::ApiError::CertificateProblem ? "the booking system's certificate or pin did not match"
                                                                                         : api::catalogKey(error));
  };
  session_ = std::make_unique<CitizenSession>(*client_, options_.demoCitizens, incident);
  settings_ = std::make_unique<SettingsSync>(*client_, incidents_);
  shareSettings();
}

void KioskApp::attachPrinter(services::ReceiptPrinter* printer, services::CardFonts fonts) {
  printerHealth_ = printer ? PrinterHealth::Unknown : PrinterHealth::None;
  printer_ = printer;
  cardFonts_ = std::move(fonts);
}

void KioskApp::attachSpeech(services::SpeechService* speech) {
  speech_ = speech;
  readAloud_.attach(speech);
}

void KioskApp::followLogin() {
  if (!session_) return;
  const auto stage = session_->view().stage;
  // Leaving the login screen abandons the login.
  if (router_->currentId() != screens::ScreenId::LoginWithPhone &&
      (stage == screens::LoginStage::Starting || stage == screens::LoginStage::WaitingForPhone)) {
    session_->cancelLogin();
  }
}

void KioskApp::applySavedPreferences() {
  const auto& summary = session_->view().summary;
  const auto saved = domain::settingsToApply(summary ? summary->preferences : std::nullopt);
  if (!saved) return;
  setLanguage(saved->language);
  setTextSize(saved->textSize);
  setContrast(saved->highContrast ? ui::Contrast::High : ui::Contrast::Normal);
}

domain::KioskSettings KioskApp::settings() const {
  return {preferences_.language, preferences_.textSizePercent, preferences_.contrast == ui::Contrast::High};
}

// The kiosk starts every citizen in the catalog's own language at 100 %, normal contrast.
domain::KioskSettings KioskApp::settingsAtStart() const { return {catalogs_.languages().sourceCode, 100, false}; }

void KioskApp::shareSettings() {
  if (session_) session_->useSettings(settings(), settingsAtStart());
}

IdleTimer::Needs KioskApp::idleNeeds() const {
  const auto& c = citizen();
  return {.assisted = c.assisted(), .listening = readAloud_.on(), .waitingForStaff = c.help.done() && !c.assisted()};
}

// No citizen on it, so no idle timer: attract, closed, out of order, and the staff's admin screens
// (which close themselves).
bool KioskApp::resting() const { return quietScreen() || adminScreen() || router_->currentId() == screens::ScreenId::OutOfOrder; }

bool KioskApp::askingForMoreTime(Clock::time_point now) const { return !resting() && idle_.asking(now, idleNeeds()); }

void KioskApp::putOutOfOrder(Clock::time_point now) {
  outOfOrder_ = true;
  if (session_) session_->logout();
  const auto offered = screens::offeredLanguages(context(now));
  if (!offered.empty()) setLanguage(offered.front()->code);
  showScreen(screens::ScreenId::OutOfOrder);
  nextLanguageAt_ = now + kOutOfOrderLanguagePeriod;
}

void KioskApp::sendHeartbeat(Clock::time_point now) {
  nextHeartbeat_ = now + options_.heartbeatEvery;
  Health health;
  health.version = KIOSK_VERSION;
  health.uptime = std::chrono::duration_cast<std::chrono::seconds>(now - steadyAtStart_);
  health.screen = std::string(screens::screenName(router_->currentId()));
  health.printer = printerHealth();
  if (options_.clientCertificateExpires) health.clientCertificateDaysLeft = daysLeft(*options_.clientCertificateExpires);
  if (const auto expires = client_->serverCertificateExpires()) health.serverCertificateDaysLeft = daysLeft(*expires);
  health.incidents = incidents_.take();
  api::HttpRequest request;
  request.method = "POST";
  request.path = "/api/v1/kiosk/heartbeat";
  request.contentType = "application/json";
  request.body = heartbeatBody(health).dump();
  request.budget = std::chrono::seconds(20);
  // Nobody waits for it; an undelivered heartbeat's incidents go with the next one.
  client_->submit(api::kDetachedSession, std::move(request), [this, counts = health.incidents](const api::HttpResult& result) {
    if (result.ok()) {
      // The admin screen's "last heartbeat": the time of day the jobcenter confirmed it.
      setLastHeartbeat(copenhagenClock(wallNow(lastFrame_)));
      return;
    }
    incidents_.restore(counts);
    if (result.transport == api::Transport::CertificateRefused) incidents_.report(IncidentKind::Certificate, result.detail);
    std::cerr << "kiosk: heartbeat not delivered: " << (result.transport == api::Transport::Ok ? "HTTP " + std::to_string(result.status) : result.detail)
              << "\n";
  });
}

void KioskApp::showNextOutOfOrderLanguage(Clock::time_point now) {
  const auto offered = screens::offeredLanguages(context(now));
  if (offered.empty()) return;
  size_t at = 0;
  while (at < offered.size() && offered[at]->code != preferences_.language) ++at;
  setLanguage(offered[(at + 1) % offered.size()]->code);
  nextLanguageAt_ = now + kOutOfOrderLanguagePeriod;
}

void KioskApp::follow(Event event, Clock::time_point now, std::optional<screens::ScreenId> service) {
  const screens::ScreenId from = router_->currentId();
  countForToday(event, from);
  noteForUsage(event, from, now);
  Facts facts;
  // A booking system that does not answer is as good as none: the errand says "at the desk"
  // at once instead of starting a login that cannot finish.
  facts.bookingSystem = session_ != nullptr && !jobcenterView_.bookingSystemDown;
  facts.loggedIn = session_ && session_->loggedIn();
  facts.moving = session_ && session_->view().draft.moving();
  facts.serviceWithoutLogin = service == screens::ScreenId::CheckIn;
  const auto step = Flow::next(from, event, facts);
  if (!step) {
    // For the operator: the table has no answer, so the citizen stays where they are.
    std::cerr << "kiosk: flow: " << eventName(event) << " on " << screens::screenName(from) << " leads nowhere\n";
    return;
  }
  extraFrames_ = std::max(extraFrames_, 2);
  // The errand chosen before logging in is done: home no longer offers to carry on with it.
  if (event == Event::BookingDone || event == Event::JoblogSaved) pendingService_ = screens::ScreenId::Home;
  switch (step->kind) {
    case Step::Kind::Stay: return;
    case Step::Kind::To:
      if (step->startLogin && service) {
        pendingService_ = *service;
        session_->startLogin(now);
      }
      return go(step->screen, now);
    case Step::Kind::ToService:
      if (!service) return;
      if (!facts.serviceWithoutLogin) pendingService_ = *service;
      session_->beginErrand(*service);
      return go(*service, now);
    case Step::Kind::Back:
      router_->goBack(context(now));
      if (session_) session_->prepare(router_->currentId());
      return;
    case Step::Kind::StartOver: return startOver(now);
  }
}

bool KioskApp::tourAvailable() const { return tour_.available() && session_ && !options_.demoCitizens.empty(); }

void KioskApp::push(const platform::InputEvent& event, Clock::time_point now) {
  // While "show me how" plays, the citizen's touch ends it (and is not also a tap).
  const bool pointer = std::holds_alternative<platform::PointerDown>(event) || std::holds_alternative<platform::PointerMove>(event) ||
                       std::holds_alternative<platform::PointerUp>(event) || std::holds_alternative<platform::TextTyped>(event);
  if (tour_.running() && pointer) {
    if (std::holds_alternative<platform::PointerDown>(event)) {
      tour_.stop();
      startOver(now);
    }
    return;
  }
  handle(event, now);
}

void KioskApp::handle(const platform::InputEvent& event, Clock::time_point now) {
  if (std::holds_alternative<platform::QuitRequested>(event)) {
    // Locked down: closing the window (Alt+F4, the window manager) does nothing in service.
    if (options_.allowQuit) quit_ = true;
    else std::cerr << "kiosk: lockdown: a request to close the kiosk was ignored\n";
    return;
  }
  if (std::holds_alternative<platform::Resized>(event)) fontsDirty_ = true;  // the scale may have changed
  // While "more time?" is up, only its buttons answer it: a touch must reach them, not wipe the
  // question away before it is seen.
  if (!askingForMoreTime(now)) idle_.touched(now);
  if (const auto* down = std::get_if<platform::PointerDown>(&event)) {
    if (speech_) speech_->stop();  // speech stops on any touch (EN 301 549 5.1.3.4)
    hold_ = Hold{down->x, down->y, now};
    const auto size = window_.size();
    gesture_.down(down->x, down->y, static_cast<float>(size.width), static_cast<float>(size.height), now);
  } else if (const auto* move = std::get_if<platform::PointerMove>(&event); move && hold_) {
    gesture_.moved(move->x, move->y);
    const float dx = move->x - hold_->x, dy = move->y - hold_->y, threshold = ui_.px(ui::design::kDragThreshold);
    if (dx * dx + dy * dy > threshold * threshold) hold_.reset();  // a drag or a scroll, not a hold
  } else if (const auto* up = std::get_if<platform::PointerUp>(&event)) {
    // The hold that turned speech on was not a tap on "touch to start": the citizen first hears
    // how speech works, then taps.
    const bool startedSpeech = hold_ && hold_->spoken && router_->currentId() == screens::ScreenId::Attract;
    hold_.reset();
    // A corner held for the admin gesture is not a tap on what lies under it.
    const bool cornerHold = gesture_.holdingCorner(now);
    if (gesture_.up(now)) {
      input_.push(platform::PointerMove{-1000, -1000, up->kind});
      input_.push(platform::PointerUp{-1000, -1000, up->kind});
      return openAdmin(now);
    }
    if (startedSpeech || cornerHold) {
      input_.push(platform::PointerMove{-1000, -1000, up->kind});
      input_.push(platform::PointerUp{-1000, -1000, up->kind});
      return;
    }
  } else if (const auto* device = std::get_if<platform::AudioDeviceChanged>(&event)) {
    readAloud_.headphones(device->added, tree_, router_->currentId(), preferences_.language);
    extraFrames_ = std::max(extraFrames_, 1);
  }
  input_.push(event);
}

bool KioskApp::needsFrame() const { return fontsDirty_ || extraFrames_ > 0 || input_.needsFrame() || tour_.running(); }

std::optional<Clock::time_point> KioskApp::nextWakeup() const {
  std::optional<Clock::time_point> wake = router_->current().nextWakeup(context(lastFrame_));
  auto atTheLatest = [&wake](Clock::time_point t) { wake = wake ? std::min(*wake, t) : t; };
  const bool closed = router_->currentId() == screens::ScreenId::Closed;
  // Closed: no frames until opening time (settings are asked for again once open).
  if (settings_ && !closed) {
    if (const auto ask = settings_->nextWakeup()) atTheLatest(*ask);
  }
  if (options_.followOpeningHours && settings_ && settings_->settings()) {
    const auto& hours = settings_->settings()->hours;
    const auto wall = wallNow(lastFrame_);
    if (closed) {
      if (!jobcenterView_.nextOpenings.empty()) atTheLatest(steadyAt(jobcenterView_.nextOpenings.front().opensAt));
    } else if (const auto closes = domain::closingTime(hours, wall)) {
      atTheLatest(steadyAt(*closes));
    }
  }
  if (adminScreen()) atTheLatest(idle_.lastInput() + AdminMode::kIdleClose);
  if (hold_ && !hold_->spoken) wake = wake ? std::min(*wake, hold_->since + ReadAloud::kLongPress) : hold_->since + ReadAloud::kLongPress;
  if (const auto poll = session_ ? session_->nextWakeup() : std::nullopt) wake = wake ? std::min(*wake, *poll) : *poll;
  if (router_->currentId() == screens::ScreenId::Attract && options_.tourOnAttractAfter.count() > 0 && tourAvailable()) {
    const auto play = idle_.lastInput() + options_.tourOnAttractAfter;
    wake = wake ? std::min(*wake, play) : play;
  }
  if (outOfOrder_) wake = wake ? std::min(*wake, nextLanguageAt_) : nextLanguageAt_;
  if (client_ && options_.heartbeatEvery.count() > 0) wake = wake ? std::min(*wake, nextHeartbeat_) : nextHeartbeat_;
  if (options_.sendUsageEvents && !usageQueue_.empty()) atTheLatest(usageSendNow_ ? lastFrame_ : nextUsageSend_);
  if (printer_ && printer_->twoWay() && !askingPrinter_) atTheLatest(nextPrinterStatus_);
  if (!resting()) {
    const auto next = idle_.nextWakeup(lastFrame_, idleNeeds());
    wake = wake ? std::min(*wake, next) : next;
  }
  return wake;
}

void KioskApp::setLanguage(const std::string& code) {
  if (!catalogs_.languages().find(code) || code == preferences_.language) return;
  preferences_.language = code;
  fontsDirty_ = true;
  shareSettings();
}

void KioskApp::setTextSize(int percent) {
  if (std::find(std::begin(ui::kTextSizes), std::end(ui::kTextSizes), percent) == std::end(ui::kTextSizes)) return;
  if (percent == preferences_.textSizePercent) return;
  preferences_.textSizePercent = percent;
  fontsDirty_ = true;
  shareSettings();
}

void KioskApp::setContrast(ui::Contrast contrast) {
  preferences_.contrast = contrast;
  extraFrames_ = std::max(extraFrames_, 1);
  shareSettings();
}

void KioskApp::setLowReach(bool on) {
  preferences_.lowReach = on;
  extraFrames_ = std::max(extraFrames_, 1);
}

void KioskApp::showScreen(screens::ScreenId id) {
  router_->switchTo(id, context(lastFrame_));
  extraFrames_ = std::max(extraFrames_, 2);
}

void KioskApp::requestScrollTo(const std::string& key) {
  ui_.scrollRequest = key;
  extraFrames_ = std::max(extraFrames_, 3);  // one frame to ask, one for ImGui to scroll, one to see
}

void KioskApp::rebuildFonts() {
  const platform::Size size = window_.size();
  const float pixelScale = std::min(static_cast<float>(size.width) / ui::design::kWidth,
                                    static_cast<float>(size.height) / ui::design::kHeight);
  const ui::FontPlan plan = planFonts(catalogs_, preferences_.language, preferences_.textSizePercent, pixelScale);
  const auto built = fonts_.build(*ImGui::GetIO().Fonts, plan, options_.fonts);
  // For the operator: the kiosk still runs, in ImGui's small built-in font, until this is fixed.
  if (!built) std::cerr << "kiosk: fonts: " << built.failure().detail << "\n";
  const auto* language = catalogs_.languages().find(preferences_.language);
  text_.reset(&fonts_, language ? language->direction : text::Direction::LeftToRight);
  window_.reloadFonts();
  fontsDirty_ = false;
  ++fontBuilds_;
  extraFrames_ = std::max(extraFrames_, 2);
}

void KioskApp::followSystemClock(Clock::time_point now) {
  nextClockCheck_ = now + std::chrono::minutes(1);
  const auto drift = options_.systemClock(now) - wallNow(now);
  // Seconds of difference are the two clocks' own; a step is someone setting the clock.
  if (std::chrono::abs(drift) < std::chrono::seconds(2)) return;
  wallAtStart_ += std::chrono::duration_cast<domain::WallClock::duration>(drift);
  nextDateCheck_ = now;  // the session hears the new date in this frame
  std::cerr << "kiosk: the system clock was set " << (drift.count() > 0 ? "forward" : "back") << " by "
            << std::chrono::duration_cast<std::chrono::seconds>(std::chrono::abs(drift)).count()
            << " s; the calendar follows it, the timers do not jump\n";
}

void KioskApp::startOver(Clock::time_point now) {
  // The citizen has gone: their session, their data and their choices go with them.
  endSessionForUsage(now);
  admin_.leave();
  if (session_) session_->logout();
  setLanguage(options_.defaultLanguage);
  setTextSize(100);
  setContrast(ui::Contrast::Normal);
  preferences_.lowReach = false;
  readAloud_.endSession();
  hold_.reset();
  idle_.touched(now);  // the attract screen's own timer ("show me how" by itself) starts now
  pendingService_ = screens::ScreenId::Home;
  // Text laid out for this citizen (their name, what they typed) is dropped with them.
  text_.reset(&fonts_, text_.direction());
  router_->reset(context(now));
}

void KioskApp::frame(Clock::time_point now) {
  ImGui::SetCurrentContext(imgui_);  // another kiosk in the same process (tests) may have had it
  // Network results are applied here, between frames, on the UI thread; the wait for them
  // happened on the client's worker.
  if (client_ && client_->drain() > 0) extraFrames_ = std::max(extraFrames_, 1);
  if (printer_ && printer_->drain() > 0) extraFrames_ = std::max(extraFrames_, 1);
  if (usageClient_ && usageClient_ != client_) usageClient_->drain();
  if (speech_) {
    const auto events = speech_->drain();
    if (!events.empty()) extraFrames_ = std::max(extraFrames_, 1);
    for (const auto& e : events) {
      // For the operator (never the text spoken): the citizen hears nothing, or a synthesised
      // voice where a recorded prompt should have played.
      if (e.kind == services::SpeechEvent::Kind::Failed) incidents_.report(IncidentKind::Speech, e.why);
      if (e.kind == services::SpeechEvent::Kind::PromptRefused) std::cerr << "kiosk: speech: recorded prompt refused: " << e.why << "\n";
    }
  }
  preferences_.speechAvailable = readAloud_.canSpeak(preferences_.language);
  preferences_.speechOn = readAloud_.on();
  if (options_.systemClock && now >= nextClockCheck_) followSystemClock(now);
  if (session_) {
    if (now >= nextDateCheck_) {  // a minute late at midnight is fine; a calendar lookup per frame is not
      session_->setWallClock(wallNow(now));
      nextDateCheck_ = now + std::chrono::minutes(1);
    }
    session_->tick(now);
    for (const Event event : session_->takeEvents()) {
      if (event == Event::LoggedIn) applySavedPreferences();
      follow(event, now);
    }
  }
  followLogin();
  followSettings(now);
  followAdmin(now);
  followOpeningHours(now);
  if (!resting() && idle_.expired(now, idleNeeds())) follow(Event::IdleTimeout, now);
  if (outOfOrder_ && now >= nextLanguageAt_) showNextOutOfOrderLanguage(now);
  if (client_ && options_.heartbeatEvery.count() > 0 && now >= nextHeartbeat_) sendHeartbeat(now);
  if (options_.sendUsageEvents) sendUsageEvents(now);
  followPrinterStatus(now);
  if (adminScreen()) {
    // Staff screens at staff size: 100 %, with no bar to change it (the citizen's next session
    // starts at 100 % anyway).
    setTextSize(100);
    describeAdmin(now);
  }
  if (fontsDirty_) rebuildFonts();

  ImGuiIO& io = ImGui::GetIO();
  const platform::Size size = window_.size();
  io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
  io.DeltaTime = std::max(1e-4f, std::chrono::duration<float>(now - lastFrame_).count());
  lastFrame_ = now;
  input_.applyTo(io);

  ui::FrameSetup setup;
  setup.displaySize = {io.DisplaySize.x, io.DisplaySize.y};
  setup.language = preferences_.language;
  setup.textScale = static_cast<float>(preferences_.textSizePercent) / 100.f;
  setup.contrast = preferences_.contrast;
  ui_.beginFrame(setup);
  ui::applyKioskStyle(ImGui::GetStyle(), ui_.colors(), ui_.px(1));
  io.MouseDragThreshold = ui_.px(ui::design::kDragThreshold);  // a finger wobbles more than a mouse

  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  screens::Intents intents;
  // Out of order there is nothing to choose, and the admin screens are staff's: no citizen's bar.
  const bool bar = router_->currentId() != screens::ScreenId::OutOfOrder && !adminScreen();
  const float barH = bar ? barHeight(ui_, preferences_, io.DisplaySize.x) : 0;
  // A banner above the bar says, on every screen, who is helping (co-service), or that staff
  // were called and are coming (the help screen says that itself).
  const bool staffCalled = citizen().help.done() && !citizen().assisted();
  std::string bannerKey, banner;
  if (citizen().assisted()) {
    bannerKey = "assisted.banner";
    banner = ui_.format("assisted.banner", {{"name", citizen().staffName}});
  } else if (staffCalled && bar && router_->currentId() != screens::ScreenId::StaffHelp) {
    const std::string& coming = citizen().helpTakenBy;
    bannerKey = coming.empty() ? "help.coming" : "help.on_the_way";
    banner = coming.empty() ? ui_.tr("help.coming") : ui_.format("help.on_the_way", {{"name", coming}});
  }
  const float bannerH = banner.empty() ? 0 : staffBannerHeight(ui_, banner, io.DisplaySize.x);
  // A screen that found no room for a control it needs (its keyboard, in low reach at large
  // text) gets room from the next frame for as long as it shows that control: speech mode's
  // strip folds away (the keys matter more there than "say again"; speech goes on, and the bar
  // still turns it off), and in low reach the screen starts right at the reach line.
  if (room_ && room_->screen != router_->currentId()) room_.reset();
  const bool makingRoom = room_ && !room_->inVain;
  // Speech mode: its strip sits between the screen and the bar.
  const SpeechControls speech = readAloud_.controls();
  const float stripH = speech.on && !makingRoom ? speechStripHeight(ui_, speech, io.DisplaySize.x) : 0;
  const ui::Rect area = screenArea(io.DisplaySize.x, io.DisplaySize.y, barH + bannerH + stripH, makingRoom);
  ui_.setScreenTop(0);
  ui_.setReachTop(area.y);
  const auto ctx = context(now);
  drawnScreen_ = router_->currentId();
  router_->current().draw(ui_, ctx, area, intents);
  // Between the header (or the top, on a screen without one) and the reach line: why the
  // screen's controls start lower, for whoever stands there next.
  if (area.y > ui_.headerBottom() && !ui_.reachBandTaken()) drawLowReachNote(ui_, {0, ui_.headerBottom(), io.DisplaySize.x, area.y - ui_.headerBottom()});
  // Room is made once a screen asks, and given back once it no longer shows what needed it, or
  // when it was not enough (a wish typed on and on: the field outgrows any room), so that speech
  // mode is not left without its strip for nothing; then not asked again on that screen.
  bool roomChanged = true;
  if (makingRoom && ui_.roomAsked()) room_ = RoomMade{drawnScreen_, /*inVain=*/true};
  else if (makingRoom && !ui_.roomNeeded()) room_.reset();
  else if (!room_ && ui_.roomAsked()) room_ = RoomMade{drawnScreen_, /*inVain=*/false};
  else roomChanged = false;
  if (roomChanged) extraFrames_ = std::max(extraFrames_, 1);
  float y = area.bottom();
  if (stripH > 0) drawSpeechStrip(ui_, speech, {0, y, io.DisplaySize.x, stripH}, intents), y += stripH;
  if (!banner.empty()) drawStaffBanner(ui_, bannerKey, banner, {0, y, io.DisplaySize.x, bannerH}), y += bannerH;
  if (bar) {
    drawBar(ui_, preferences_, {.current = router_->currentId(), .staffCalled = staffCalled, .citizenLoggedIn = citizen().summary.has_value()},
            {0, y, io.DisplaySize.x, barH}, intents);
  }
  ImGui::End();
  const bool asking = askingForMoreTime(now);
  const int secondsLeft = idle_.secondsLeft(now, idleNeeds());
  if (asking) {
    tree_.coverAll();
    drawMoreTime(ui_, secondsLeft, area, intents);
  }
  if (tour_.running()) drawTourOverlay(ui_, tour_, area);
  ui_.scrollRequest.clear();  // served by the scroll area holding that widget, or by none
  ImGui::Render();
  window_.render(ImGui::GetDrawData(), packed(ui_.colors().background));

  if (extraFrames_ > 0) --extraFrames_;
  followLongPress(now);
  // The tour narrates for itself; speech mode would talk over it.
  if (!tour_.running()) readAloud_.afterFrame(tree_, router_->currentId(), asking, secondsLeft, !waitingInRealTime(), preferences_.language, now);
  if (outOfOrder_) intents.clear();  // nothing leads away from it, not even a long press
  apply(intents, now);
  observeUsage(now);
  followTour(now);
}

void KioskApp::followTour(Clock::time_point now) {
  if (!tour_.running()) {
    const bool idleOnAttract = router_->currentId() == screens::ScreenId::Attract && options_.tourOnAttractAfter.count() > 0 &&
                               now - idle_.lastInput() >= options_.tourOnAttractAfter;
    if (!idleOnAttract || !tourAvailable()) return;
    tour_.start(preferences_.language, /*spoken=*/false, now);  // unasked, it plays silently
  }
  const auto action = tour_.next(tree_, router_->currentId(), readAloud_.speaking(), now);
  if (const auto* say = std::get_if<GuidedTour::Say>(&action); say && tour_.spoken()) {
    readAloud_.sayLine(say->key, catalogs_.text(preferences_.language, say->key), preferences_.language);
  } else if (const auto* touch = std::get_if<GuidedTour::Touch>(&action)) {
    handle(touch->event, now);
  } else if (const auto* reveal = std::get_if<GuidedTour::Reveal>(&action)) {
    requestScrollTo(reveal->key);
  } else if (std::holds_alternative<GuidedTour::Finished>(action)) {
    startOver(now);
  }
}

ui::Rect KioskApp::screenArea(float width, float height, float below, bool makingRoom) const {
  const float available = height - below;
  // The admin screens are staff's, who stand: the citizen's low reach does not move them.
  if (!preferences_.lowReach || adminScreen()) return {0, 0, width, available};
  // Low reach: the controls start lower, so that they are within reach from a wheelchair (the
  // lower 70 % of a 21.5" panel at standard mounting height; the layout rule keeps every control
  // out of the top quarter), while keeping at least half the display for the screen at large
  // text sizes where it can — never above the top quarter's line. The header stays at the top,
  // where it is read, not reached.
  const float top = makingRoom ? 0.25f * height : std::max(0.25f * height, std::min(0.3f * height, available - 0.5f * height));
  return {0, top, width, available - top};
}

void KioskApp::followLongPress(Clock::time_point now) {
  if (!hold_ || hold_->spoken || now - hold_->since < ReadAloud::kLongPress) return;
  if (gesture_.inCorner()) return;  // maybe the admin gesture: a corner holds no button to say
  hold_->spoken = true;
  if (router_->currentId() == screens::ScreenId::Attract) {
    return readAloud_.turnOn(tree_, router_->currentId(), preferences_.language);
  }
  for (const auto& node : tree_.uncovered()) {
    if (node.role == ui::Role::Button && node.enabled && node.visibleRect.contains({hold_->x, hold_->y})) {
      return readAloud_.sayButton(tree_, node, preferences_.language);
    }
  }
}

void KioskApp::applySpeech(const screens::Intent& intent) {
  const auto& language = preferences_.language;
  if (std::holds_alternative<screens::ToggleSpeech>(intent)) return readAloud_.toggle(tree_, router_->currentId(), language);
  const auto* adjust = std::get_if<screens::AdjustSpeech>(&intent);
  if (!adjust) return;
  switch (adjust->control) {
    case screens::SpeechControl::SayAgain: return readAloud_.sayAgain(language);
    case screens::SpeechControl::Slower: return readAloud_.toggleSlow();
    case screens::SpeechControl::Louder: return readAloud_.louder();
    case screens::SpeechControl::Quieter: return readAloud_.quieter();
    case screens::SpeechControl::Loudspeaker: return readAloud_.allowLoudspeaker(tree_, language);
  }
}

void KioskApp::apply(const screens::Intents& intents, Clock::time_point now) {
  if (intents.empty()) return;
  for (const auto& intent : intents) {
    std::visit(Overloaded{
                   [&](const screens::Next&) { follow(Event::Next, now); },
                   [&](const screens::GoBack&) { follow(Event::Back, now); },
                   [&](const screens::StartOver&) { follow(Event::StartOver, now); },
                   [&](const screens::ToHome&) { follow(Event::ToHome, now); },
                   [&](const screens::AskStaff& i) {
                     follow(Event::AskStaff, now);
                     if (i.reason && session_) session_->callStaff(*i.reason, preferences_.language);
                   },
                   [&](const screens::OpenLanguages&) { follow(Event::OpenLanguages, now); },
                   [&](const screens::StaffHelpsMe&) { follow(Event::StaffHelpsMe, now); },
                   [&](const screens::ChooseService& i) { follow(Event::ServiceChosen, now, i.service); },
                   [&](const screens::ChooseLanguage& i) { setLanguage(i.code); },
                   [&](const screens::CycleTextSize&) {
                     const auto* it = std::find(std::begin(ui::kTextSizes), std::end(ui::kTextSizes), preferences_.textSizePercent);
                     const auto next = (it == std::end(ui::kTextSizes) || it + 1 == std::end(ui::kTextSizes)) ? std::begin(ui::kTextSizes) : it + 1;
                     setTextSize(*next);
                   },
                   [&](const screens::ToggleContrast&) {
                     setContrast(preferences_.contrast == ui::Contrast::High ? ui::Contrast::Normal : ui::Contrast::High);
                   },
                   [&](const screens::RetryLogin&) {
                     if (session_) session_->startLogin(now);
                   },
                   [&](const screens::DemoApprove& i) {
                     if (session_) session_->demoApprove(i.citizenId);
                   },
                   [&](const screens::LogOut&) { follow(Event::LogOut, now); },
                   [&](const screens::MoreTime&) { idle_.touched(now); },
                   [&](const screens::ToggleSpeech&) { applySpeech(intent); },
                   [&](const screens::AdjustSpeech&) { applySpeech(intent); },
                   [&](const screens::ToggleLowReach&) { preferences_.lowReach = !preferences_.lowReach; },
                   [&](const screens::SubmitAdminPin& i) {
                     // The PIN leaves the intent at once; the copy in the intent is wiped too.
                     std::string pin = i.pin;
                     auto& typed = const_cast<std::string&>(i.pin);
                     std::fill(typed.begin(), typed.end(), '\0');
                     std::cerr << "kiosk: admin: PIN entered, checking\n";
                     admin_.submit(pin, now);
                   },
                   [&](const screens::RunAdminTest& i) { runAdminTest(i.test); },
                   [&](const screens::ShowMeHow& i) {
                     if (!tourAvailable()) return;
                     setLanguage(i.language);
                     tour_.start(preferences_.language, readAloud_.canSpeak(preferences_.language), now);
                   },
                   [&](const auto&) { applyErrand(intent, now); },
               },
               intent);
    noteIntentForUsage(intent, now);
  }
  extraFrames_ = std::max(extraFrames_, 2);
}

}  // namespace kiosk::app
