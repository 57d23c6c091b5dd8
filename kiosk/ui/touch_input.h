#pragma once
// Feeds pointer, key and text events into ImGui 1.86's input model (io.MousePos / io.MouseDown)
// so that touch feels right:
//  - a finger that touches and lifts between two frames still counts as a tap (1.86 would see
//    neither edge), because each press and each release gets a frame of its own;
//  - after a finger lifts, the pointer leaves the screen, so nothing stays highlighted (there
//    is no hover on a touchscreen).

#include <deque>

#include "platform/input_event.h"

struct ImGuiIO;

namespace kiosk::ui {

class TouchInput {
 public:
  static void configure(ImGuiIO& io);  // key map; call once per ImGui context

  void push(const platform::InputEvent& event);

  // Applies events to io up to and including the next press or release; call once before each
  // ImGui::NewFrame().
  void applyTo(ImGuiIO& io);

  // True while queued events or a lifted finger still need frames to be seen.
  bool needsFrame() const { return !queue_.empty() || liftPending_; }

 private:
  std::deque<platform::InputEvent> queue_;
  bool liftPending_ = false;  // a finger lifted last frame: take the pointer away next frame
};

}  // namespace kiosk::ui
