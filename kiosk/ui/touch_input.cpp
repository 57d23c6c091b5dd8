#include "kiosk/ui/touch_input.h"

#include <imgui.h>

#include <cfloat>

#include "kiosk/overloaded.h"

namespace kiosk::ui {

void TouchInput::configure(ImGuiIO& io) {
  using platform::Key;
  io.KeyMap[ImGuiKey_Enter] = static_cast<int>(Key::Enter);
  io.KeyMap[ImGuiKey_KeyPadEnter] = static_cast<int>(Key::Enter);
  io.KeyMap[ImGuiKey_Backspace] = static_cast<int>(Key::Backspace);
  io.KeyMap[ImGuiKey_Delete] = static_cast<int>(Key::Delete);
  io.KeyMap[ImGuiKey_Tab] = static_cast<int>(Key::Tab);
  io.KeyMap[ImGuiKey_Escape] = static_cast<int>(Key::Escape);
  io.KeyMap[ImGuiKey_LeftArrow] = static_cast<int>(Key::Left);
  io.KeyMap[ImGuiKey_RightArrow] = static_cast<int>(Key::Right);
  io.KeyMap[ImGuiKey_UpArrow] = static_cast<int>(Key::Up);
  io.KeyMap[ImGuiKey_DownArrow] = static_cast<int>(Key::Down);
  io.KeyMap[ImGuiKey_Home] = static_cast<int>(Key::Home);
  io.KeyMap[ImGuiKey_End] = static_cast<int>(Key::End);
}

void TouchInput::push(const platform::InputEvent& event) {
  // Only the latest position matters between two presses: a burst of moves collapses into one,
  // so a flood of input cannot build a backlog of frames.
  if (std::holds_alternative<platform::PointerMove>(event) && !queue_.empty() &&
      std::holds_alternative<platform::PointerMove>(queue_.back())) {
    queue_.back() = event;
    return;
  }
  queue_.push_back(event);
}

void TouchInput::applyTo(ImGuiIO& io) {
  io.MouseWheel = 0;
  if (liftPending_) {
    liftPending_ = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
  while (!queue_.empty()) {
    const platform::InputEvent event = queue_.front();
    queue_.pop_front();
    bool transition = false;
    std::visit(Overloaded{
                   [&](const platform::PointerDown& e) {
                     io.MousePos = ImVec2(e.x, e.y);
                     io.MouseDown[0] = true;
                     transition = true;
                   },
                   [&](const platform::PointerUp& e) {
                     io.MousePos = ImVec2(e.x, e.y);
                     io.MouseDown[0] = false;
                     liftPending_ = true;
                     transition = true;
                   },
                   [&](const platform::PointerMove& e) {
                     // A mouse moving with no button down is no gesture: keep it from hovering.
                     if (io.MouseDown[0]) io.MousePos = ImVec2(e.x, e.y);
                   },
                   [&](const platform::Wheel& e) { io.MouseWheel += e.dy; },
                   [&](const platform::TextTyped& e) { io.AddInputCharactersUTF8(e.utf8.c_str()); },
                   [&](const platform::KeyChange& e) {
                     io.KeysDown[static_cast<int>(e.key)] = e.down;
                     // A key press and its release in one batch would cancel out: split them.
                     transition = true;
                   },
                   [](const auto&) {},
               },
               event);
    if (transition) break;
  }
}

}  // namespace kiosk::ui
