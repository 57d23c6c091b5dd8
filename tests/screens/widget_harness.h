#pragma once
// Widgets that are on no screen yet, drawn in real kiosk frames: an ImGui context with the
// kiosk's fonts for a language and text size, its style and touch input, and a window (headless
// unless given one, e.g. SDL2 under Xvfb for screenshots). Each frame calls draw(ui) inside the
// same full-screen window KioskApp::frame uses.

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "kiosk/app/font_plan.h"
#include "kiosk/i18n/catalogs.h"
#include "kiosk/ui/kiosk_style.h"
#include "kiosk/ui/touch_input.h"
#include "kiosk/ui/ui.h"
#include "platform/window.h"

class WidgetHarness {
 public:
  using Draw = std::function<void(kiosk::ui::Ui&)>;

  explicit WidgetHarness(std::unique_ptr<kiosk::platform::Window> window = nullptr)
      : catalogs_(kiosk::i18n::Catalogs::load(std::filesystem::path(KIOSK_DATA_DIR) / "i18n").value()),
        window_(window ? std::move(window) : kiosk::platform::createHeadlessWindow({1920, 1080})),
        ui_(text_, tree_, catalogs_) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_IsTouchScreen | ImGuiConfigFlags_NoMouseCursorChange;
    kiosk::ui::TouchInput::configure(io);
    rebuild();
  }
  ~WidgetHarness() {
    window_->releaseRenderer();
    ImGui::DestroyContext(context_);
  }
  WidgetHarness(const WidgetHarness&) = delete;
  WidgetHarness& operator=(const WidgetHarness&) = delete;

  void set(const std::string& language, int textSize, kiosk::ui::Contrast contrast = kiosk::ui::Contrast::Normal) {
    const bool fonts = language != setup_.language || textSize != textSize_;
    setup_.language = language;
    textSize_ = textSize;
    setup_.contrast = contrast;
    if (fonts) rebuild();
  }

  // One frame: input up to the next press or release, draw, render, show.
  void frame(const Draw& draw) {
    render(draw);
    window_->present();
  }

  // Frames until every queued event has been seen (and one more, as after a lift).
  void settle(const Draw& draw) {
    frame(draw);
    for (int i = 0; i < 30 && input_.needsFrame(); ++i) frame(draw);
  }

  void push(const kiosk::platform::InputEvent& event) { input_.push(event); }

  void tap(const std::string& key, const Draw& draw) {
    const auto at = node(key).visibleRect.center();
    push(kiosk::platform::PointerDown{at.x, at.y});
    push(kiosk::platform::PointerUp{at.x, at.y});
    settle(draw);
  }

  void press(kiosk::platform::Key key, const Draw& draw) {
    push(kiosk::platform::KeyChange{key, true});
    push(kiosk::platform::KeyChange{key, false});
    settle(draw);
  }

  // Renders one more frame and reads it back before showing it (GL windows only).
  bool capture(const Draw& draw, kiosk::platform::Image& out) {
    render(draw);
    const bool ok = window_->capture(out);
    window_->present();
    return ok;
  }

  const kiosk::ui::AccessNode& node(const std::string& key) const {
    const auto* found = tree_.find(key);
    if (!found) throw std::runtime_error("no \"" + key + "\" in the frame");
    return *found;
  }
  const kiosk::ui::AccessTree& tree() const { return tree_; }
  const kiosk::i18n::Catalogs& catalogs() const { return catalogs_; }
  const kiosk::ui::FontSet& fonts() const { return fonts_; }
  kiosk::ui::Ui& ui() { return ui_; }

 private:
  void rebuild() {
    const auto size = window_->size();
    const float pixelScale = std::min(static_cast<float>(size.width) / kiosk::ui::design::kWidth,
                                      static_cast<float>(size.height) / kiosk::ui::design::kHeight);
    const auto plan = kiosk::app::planFonts(catalogs_, setup_.language, textSize_, pixelScale);
    if (!fonts_.build(*ImGui::GetIO().Fonts, plan)) throw std::runtime_error("fonts could not be built");
    const auto* language = catalogs_.languages().find(setup_.language);
    text_.reset(&fonts_, language ? language->direction : kiosk::text::Direction::LeftToRight);
    window_->reloadFonts();
  }

  // As KioskApp::frame: the kiosk's style and full-screen window, with draw as the screen.
  void render(const Draw& draw) {
    ImGuiIO& io = ImGui::GetIO();
    const auto size = window_->size();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DeltaTime = 1.f / 60;
    input_.applyTo(io);
    setup_.displaySize = {io.DisplaySize.x, io.DisplaySize.y};
    setup_.textScale = static_cast<float>(textSize_) / 100.f;
    ui_.beginFrame(setup_);
    kiosk::ui::applyKioskStyle(ImGui::GetStyle(), ui_.colors(), ui_.px(1));
    io.MouseDragThreshold = ui_.px(14);  // a finger wobbles more than a mouse
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    draw(ui_);
    ImGui::End();
    ImGui::Render();
    const auto bg = ui_.colors().background;
    window_->render(ImGui::GetDrawData(), (uint32_t{bg.r} << 16) | (uint32_t{bg.g} << 8) | bg.b);
  }

  kiosk::i18n::Catalogs catalogs_;
  std::unique_ptr<kiosk::platform::Window> window_;
  ImGuiContext* context_ = nullptr;
  kiosk::ui::FontSet fonts_;
  kiosk::ui::TextPath text_;
  kiosk::ui::AccessTree tree_;
  kiosk::ui::Ui ui_;
  kiosk::ui::TouchInput input_;
  kiosk::ui::FrameSetup setup_;
  int textSize_ = 100;
};
