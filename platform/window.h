#pragma once
// The one small interface between the kiosk and a windowing system. SDL2 is the default, GLFW the
// alternative, and the headless window runs the same frames with no display and no GL for tests
// (and draws them with the software renderer when asked, for screenshots without a display).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/result.h"
#include "platform/input_event.h"

struct ImDrawData;

namespace kiosk::platform {

struct Size {
  int width = 0, height = 0;
};

struct Image {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // top row first
};

// Who draws the pixels: OpenGL (ImGui's GL renderer), our own software renderer
// (platform/software_renderer.h), or the software renderer wherever GL would only be Mesa's CPU
// rasterizer anyway (no GPU: virtual machines, thin clients, Xvfb).
enum class Renderer { Gl, Software, Auto };

struct WindowOptions {
  bool windowed = false;      // development: a normal window instead of covering the display
  Size size{1920, 1080};      // windowed size (full screen uses the display's own size)
  bool shrinkToFit = false;   // windowed: keep the shape but fit a smaller screen (not for screenshots)
  std::string title = "Jobcenter kiosk";
  Renderer renderer = Renderer::Gl;
};

class Window {
 public:
  virtual ~Window() = default;

  // Sleeps until input arrives, wake() is called, or timeoutMs passes (-1: no timeout), and
  // returns what arrived. This wait is why an idle kiosk costs next to no CPU.
  virtual std::vector<InputEvent> waitEvents(int timeoutMs) = 0;
  // Thread-safe: makes waitEvents return now (a background job has finished).
  virtual void wake() = 0;

  virtual Size size() const = 0;  // drawable size in pixels

  // Uploads ImGui's font atlas again after it was rebuilt (the first call starts the renderer).
  virtual void reloadFonts() = 0;
  // Frees what the renderer holds in the current ImGui context, before that context is destroyed.
  virtual void releaseRenderer() = 0;
  // Draws ImGui's draw data over a cleared background; capture() then reads it back; present()
  // shows it.
  virtual void render(ImDrawData* data, uint32_t clearRgb) = 0;
  virtual bool capture(Image& out) = 0;
  virtual void present() = 0;
  // Which renderer this window ended up with ("gl: llvmpipe ...", "software"), for the log.
  virtual std::string rendererName() const = 0;
};

// Each returns nullptr and sets error when the backend cannot start (no display, no GL, ...).
Result<std::unique_ptr<Window>> createSdl2Window(const WindowOptions& options);
// GL only: asked for the software renderer it fails and says so.
Result<std::unique_ptr<Window>> createGlfwWindow(const WindowOptions& options);
// drawsPixels: frames go through the software renderer and capture() returns them; without it
// the frames are built but never drawn (tests of layout and text, --dump-ui).
std::unique_ptr<Window> createHeadlessWindow(Size size, bool drawsPixels = false);

}  // namespace kiosk::platform
