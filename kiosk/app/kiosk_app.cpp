#include "kiosk/app/kiosk_app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "kiosk/app/persistent_bar.h"
#include "kiosk/app/font_plan.h"
#include "kiosk/app/more_time.h"
#include "kiosk/ui/spoken_screen.h"

namespace kiosk::app {
namespace {

template <class... Ts>
struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

uint32_t packed(ui::Rgb c) { return (uint32_t{c.r} << 16) | (uint32_t{c.g} << 8) | c.b; }

void applyStyle(ImGuiStyle& style, const ui::Palette& colors, float scale) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.ItemSpacing = ImVec2(0, 0);
  style.ScrollbarSize = std::round(22 * scale);
  style.ScrollbarRounding = 11 * scale;
  style.TouchExtraPadding = ImVec2(4 * scale, 4 * scale);
  auto col = [](ui::Rgb c, float a = 1) { return ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, a); };
  style.Colors[ImGuiCol_WindowBg] = col(colors.background);
  style.Colors[ImGuiCol_ChildBg] = col(colors.background, 0);
  style.Colors[ImGuiCol_ScrollbarBg] = col(colors.barBackground);
  style.Colors[ImGuiCol_ScrollbarGrab] = col(colors.border);
  style.Colors[ImGuiCol_ScrollbarGrabHovered] = col(colors.border);
  style.Colors[ImGuiCol_ScrollbarGrabActive] = col(colors.primary);
}

}  // namespace

KioskApp::KioskApp(platform::Window& window, const i18n::Catalogs& catalogs, AppOptions options, Clock::time_point now)
    : window_(window), catalogs_(catalogs), options_(std::move(options)), ui_(text_, tree_, catalogs) {
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk writes nothing to disk
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen | ImGuiConfigFlags_NoMouseCursorChange;
  ui::TouchInput::configure(io);
  if (!catalogs_.languages().find(options_.defaultLanguage)) options_.defaultLanguage = catalogs_.languages().sourceCode;
  preferences_.language = options_.defaultLanguage;
  lastFrame_ = lastInput_ = now;
  router_ = std::make_unique<Router>(context(now));
}

KioskApp::~KioskApp() {
  window_.releaseRenderer();
  ImGui::DestroyContext(imgui_);
}

screens::ScreenContext KioskApp::context(Clock::time_point now) const {
  return {preferences_, catalogs_, now, citizen(), pendingService_, options_.jobcenterName};
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
  session_.reset();
  client_ = client;
  if (client_) session_ = std::make_unique<CitizenSession>(*client_, options_.demoCitizens);
}

void KioskApp::attachPrinter(services::ReceiptPrinter* printer, services::CardFonts fonts) {
  printer_ = printer;
  cardFonts_ = std::move(fonts);
}

void KioskApp::attachSpeech(services::SpeechService* speech) { speech_ = speech; }

void KioskApp::followLogin() {
  if (!session_) return;
  const auto stage = session_->view().stage;
  const bool onLogin = router_->currentId() == screens::ScreenId::LoginWithPhone || router_->currentId() == screens::ScreenId::AssistedCitizen;
  // Leaving the login screen abandons the login.
  if (router_->currentId() != screens::ScreenId::LoginWithPhone &&
      (stage == screens::LoginStage::Starting || stage == screens::LoginStage::WaitingForPhone)) {
    session_->cancelLogin();
  }
  if (onLogin && stage == screens::LoginStage::LoggedIn) {
    // Saved kiosk preferences follow the citizen who opted in.
    if (const auto& prefs = session_->view().summary->preferences; prefs && prefs->optedIn) {
      setLanguage(prefs->language);
      setTextSize(prefs->textSize);
      setContrast(prefs->highContrast ? ui::Contrast::High : ui::Contrast::Normal);
    }
    go(screens::ScreenId::Home, lastFrame_);
    extraFrames_ = std::max(extraFrames_, 2);
  }
}

void KioskApp::push(const platform::InputEvent& event, Clock::time_point now) {
  if (std::holds_alternative<platform::QuitRequested>(event)) quit_ = true;
  if (std::holds_alternative<platform::Resized>(event)) fontsDirty_ = true;  // the scale may have changed
  // While "more time?" is up, only its buttons answer it: a touch must reach them, not wipe the
  // question away before it is seen.
  const bool asking = router_->currentId() != screens::ScreenId::Attract && idleLeft(now) <= idleWarning();
  if (!asking) lastInput_ = now;
  // Speech stops on any touch (EN 301 549 5.1.3.4).
  if (speech_ && std::holds_alternative<platform::PointerDown>(event)) {
    touchStoppedSpeech_ = speech_->speaking();
    speech_->stop();
  }
  input_.push(event);
}

bool KioskApp::needsFrame() const { return fontsDirty_ || extraFrames_ > 0 || input_.needsFrame(); }

std::optional<Clock::time_point> KioskApp::nextWakeup() const {
  std::optional<Clock::time_point> wake = router_->current().nextWakeup(context(lastFrame_));
  if (const auto poll = session_ ? session_->nextWakeup() : std::nullopt) wake = wake ? std::min(*wake, *poll) : *poll;
  if (router_->currentId() != screens::ScreenId::Attract) {
    // During the "more time?" warning the countdown needs a frame each second.
    const auto left = idleLeft(lastFrame_);
    const auto next = left <= idleWarning() ? lastFrame_ + std::chrono::seconds(1) : lastInput_ + idleTimeout() - idleWarning();
    wake = wake ? std::min(*wake, next) : next;
  }
  return wake;
}

std::chrono::seconds KioskApp::idleTimeout() const {
  // A staff member beside the citizen, or a citizen listening, needs longer (WCAG 2.2.1).
  return citizen().assisted() ? options_.idleTimeout * 3 : options_.idleTimeout;
}

std::chrono::seconds KioskApp::idleWarning() const { return std::min(kIdleWarning, idleTimeout() / 2); }

Clock::duration KioskApp::idleLeft(Clock::time_point now) const { return lastInput_ + idleTimeout() - now; }

void KioskApp::setLanguage(const std::string& code) {
  if (!catalogs_.languages().find(code) || code == preferences_.language) return;
  preferences_.language = code;
  fontsDirty_ = true;
}

void KioskApp::setTextSize(int percent) {
  if (std::find(std::begin(ui::kTextSizes), std::end(ui::kTextSizes), percent) == std::end(ui::kTextSizes)) return;
  if (percent == preferences_.textSizePercent) return;
  preferences_.textSizePercent = percent;
  fontsDirty_ = true;
}

void KioskApp::setContrast(ui::Contrast contrast) {
  preferences_.contrast = contrast;
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
  const ui::FontBuildResult built = fonts_.build(*ImGui::GetIO().Fonts, plan, options_.fonts);
  // For the operator: the kiosk still runs, in ImGui's small built-in font, until this is fixed.
  if (!built.ok) std::cerr << "kiosk: fonts: " << built.error << "\n";
  const auto* language = catalogs_.languages().find(preferences_.language);
  text_.reset(&fonts_, language ? language->direction : text::Direction::LeftToRight);
  window_.reloadFonts();
  fontsDirty_ = false;
  extraFrames_ = std::max(extraFrames_, 2);
}

void KioskApp::startOver(Clock::time_point now) {
  // The citizen has gone: their session, their data and their choices go with them.
  if (session_) session_->logout();
  setLanguage(options_.defaultLanguage);
  setTextSize(100);
  setContrast(ui::Contrast::Normal);
  pendingService_ = screens::ScreenId::Home;
  router_->reset(context(now));
}

void KioskApp::frame(Clock::time_point now) {
  // Network results are applied here, between frames, on the UI thread; the wait for them
  // happened on the client's worker.
  if (client_ && client_->drain() > 0) extraFrames_ = std::max(extraFrames_, 1);
  if (printer_ && printer_->drain() > 0) extraFrames_ = std::max(extraFrames_, 1);
  if (speech_) {
    if (!speech_->drain().empty()) extraFrames_ = std::max(extraFrames_, 1);
    // A new screen silences what was said about the old one.
    if (speech_->speaking() && router_->currentId() != spokenOn_) speech_->stop();
    preferences_.speechAvailable = speech_->canSynthesize(preferences_.language);
    preferences_.speaking = speech_->speaking();
  }
  if (session_) session_->tick(now);
  followLogin();
  if (router_->currentId() != screens::ScreenId::Attract && idleLeft(now) <= Clock::duration::zero()) {
    startOver(now);
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
  applyStyle(ImGui::GetStyle(), ui_.colors(), ui_.px(1));
  io.MouseDragThreshold = ui_.px(14);  // a finger wobbles more than a mouse

  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  screens::Intents intents;
  const float barH = barHeight(ui_, preferences_, io.DisplaySize.x);
  // Co-service: a banner above the bar says, on every screen, who is helping.
  const std::string assisting = citizen().assisted() ? ui_.format("assisted.banner", {{"name", citizen().staffName}}) : std::string();
  const float bannerH = assisting.empty() ? 0 : assistedBannerHeight(ui_, assisting, io.DisplaySize.x);
  const ui::Rect area{0, 0, io.DisplaySize.x, io.DisplaySize.y - barH - bannerH};
  const auto ctx = context(now);
  router_->current().draw(ui_, ctx, area, intents);
  if (!assisting.empty()) drawAssistedBanner(ui_, assisting, {0, area.bottom(), io.DisplaySize.x, bannerH});
  drawBar(ui_, preferences_, router_->currentId(), {0, area.bottom() + bannerH, io.DisplaySize.x, barH}, intents);
  ImGui::End();
  if (router_->currentId() != screens::ScreenId::Attract && idleLeft(now) <= idleWarning()) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(idleLeft(now)).count();
    tree_.coverAll();
    drawMoreTime(ui_, static_cast<int>(std::max<int64_t>(1, seconds)), intents);
  }
  ui_.scrollRequest.clear();  // served by the scroll area holding that widget, or by none
  ImGui::Render();
  window_.render(ImGui::GetDrawData(), packed(ui_.colors().background));

  if (extraFrames_ > 0) --extraFrames_;
  apply(intents, now);
  if (!input_.needsFrame()) touchStoppedSpeech_ = false;
}

void KioskApp::apply(const screens::Intents& intents, Clock::time_point now) {
  if (intents.empty()) return;
  const auto ctx = context(now);
  for (const auto& intent : intents) {
    std::visit(Overloaded{
                   [&](const screens::GoTo& i) { go(i.screen, now); },
                   [&](const screens::GoBack&) {
                     router_->goBack(ctx);
                     if (session_) session_->prepare(router_->currentId());
                   },
                   [&](const screens::StartOver&) { startOver(now); },
                   [&](const screens::ChooseLanguage& i) { setLanguage(i.code); },
                   [&](const screens::CycleTextSize&) {
                     const auto* it = std::find(std::begin(ui::kTextSizes), std::end(ui::kTextSizes), preferences_.textSizePercent);
                     const auto next = (it == std::end(ui::kTextSizes) || it + 1 == std::end(ui::kTextSizes)) ? std::begin(ui::kTextSizes) : it + 1;
                     setTextSize(*next);
                   },
                   [&](const screens::ToggleContrast&) {
                     setContrast(preferences_.contrast == ui::Contrast::High ? ui::Contrast::Normal : ui::Contrast::High);
                   },
                   [&](const screens::NeedCitizen& i) {
                     if (!session_) return router_->switchTo(screens::ScreenId::ServiceUnavailable, ctx);
                     pendingService_ = i.service;
                     if (session_->loggedIn()) return startService(i.service, now);
                     session_->startLogin(now);
                     router_->switchTo(screens::ScreenId::LoginWithPhone, ctx);
                   },
                   [&](const screens::RetryLogin&) {
                     if (session_) session_->startLogin(now);
                   },
                   [&](const screens::DemoApprove& i) {
                     if (session_) session_->demoApprove(i.citizenId);
                   },
                   [&](const screens::LogOut&) { startOver(now); },
                   [&](const screens::MoreTime&) { lastInput_ = now; },
                   [&](const screens::ReadAloud&) {
                     if (!speech_ || touchStoppedSpeech_) return;  // pressed while speaking: that touch was "stop"
                     spokenOn_ = router_->currentId();
                     speech_->say(ui::spokenScreen(tree_), preferences_.language);
                   },
                   [&](const auto&) { applyErrand(intent, now); },
               },
               intent);
  }
  extraFrames_ = std::max(extraFrames_, 2);
}

}  // namespace kiosk::app
