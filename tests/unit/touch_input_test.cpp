// Touch on top of ImGui 1.86's input model: one frame per press and release, no hover after a lift.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cfloat>

#include "kiosk/ui/touch_input.h"

using kiosk::ui::TouchInput;
namespace platform = kiosk::platform;

namespace {

struct ImGuiFixture {
  ImGuiFixture() {
    context = ImGui::CreateContext();
    TouchInput::configure(ImGui::GetIO());
  }
  ~ImGuiFixture() { ImGui::DestroyContext(context); }
  ImGuiContext* context;
};

}  // namespace

TEST_CASE_METHOD(ImGuiFixture, "a tap that starts and ends between two frames still gives a press and a release") {
  TouchInput input;
  ImGuiIO& io = ImGui::GetIO();
  input.push(platform::PointerDown{100, 200});
  input.push(platform::PointerUp{100, 200});

  input.applyTo(io);  // frame 1: the finger is down where it touched
  CHECK(io.MouseDown[0]);
  CHECK(io.MousePos.x == 100);
  CHECK(io.MousePos.y == 200);
  CHECK(input.needsFrame());

  input.applyTo(io);  // frame 2: lifted, still over the same place so the button sees the release
  CHECK_FALSE(io.MouseDown[0]);
  CHECK(io.MousePos.x == 100);
  CHECK(input.needsFrame());

  input.applyTo(io);  // frame 3: the pointer leaves, so nothing stays highlighted
  CHECK(io.MousePos.x == -FLT_MAX);
  CHECK_FALSE(input.needsFrame());
}

TEST_CASE_METHOD(ImGuiFixture, "moves while the finger is down follow the finger") {
  TouchInput input;
  ImGuiIO& io = ImGui::GetIO();
  input.push(platform::PointerDown{10, 10});
  input.applyTo(io);
  input.push(platform::PointerMove{10, 60});
  input.push(platform::PointerMove{10, 90});
  input.applyTo(io);
  CHECK(io.MouseDown[0]);
  CHECK(io.MousePos.y == 90);
}

TEST_CASE_METHOD(ImGuiFixture, "a mouse moving with no button down does not hover") {
  TouchInput input;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  input.push(platform::PointerMove{300, 300, platform::PointerKind::Mouse});
  input.applyTo(io);
  CHECK(io.MousePos.x == -FLT_MAX);
}

TEST_CASE_METHOD(ImGuiFixture, "typed text and keys reach ImGui, a press and release in separate frames") {
  TouchInput input;
  ImGuiIO& io = ImGui::GetIO();
  input.push(platform::TextTyped{"æøå"});
  input.push(platform::KeyChange{platform::Key::Enter, true});
  input.push(platform::KeyChange{platform::Key::Enter, false});
  input.applyTo(io);
  CHECK(io.InputQueueCharacters.Size == 3);
  CHECK(io.KeysDown[io.KeyMap[ImGuiKey_Enter]]);
  input.applyTo(io);
  CHECK_FALSE(io.KeysDown[io.KeyMap[ImGuiKey_Enter]]);
}
