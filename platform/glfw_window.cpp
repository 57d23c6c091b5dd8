// GLFW window: the second backend, for systems where SDL2 is not wanted. Same behaviour as the
// SDL2 window; GLFW reports no touch, so a touch panel reaches it as a mouse.

#include <GLFW/glfw3.h>

#include <algorithm>
#include <optional>

#include "platform/gl_renderer.h"
#include "platform/window.h"

namespace kiosk::platform {
namespace {

std::optional<Key> mapKey(int key) {
  switch (key) {
    case GLFW_KEY_ENTER: case GLFW_KEY_KP_ENTER: return Key::Enter;
    case GLFW_KEY_BACKSPACE: return Key::Backspace;
    case GLFW_KEY_DELETE: return Key::Delete;
    case GLFW_KEY_TAB: return Key::Tab;
    case GLFW_KEY_ESCAPE: return Key::Escape;
    case GLFW_KEY_LEFT: return Key::Left;
    case GLFW_KEY_RIGHT: return Key::Right;
    case GLFW_KEY_UP: return Key::Up;
    case GLFW_KEY_DOWN: return Key::Down;
    case GLFW_KEY_HOME: return Key::Home;
    case GLFW_KEY_END: return Key::End;
    default: return std::nullopt;
  }
}

std::string encodeUtf8(unsigned int c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) s += static_cast<char>(0xC0 | (c >> 6)), s += static_cast<char>(0x80 | (c & 0x3F));
  else if (c < 0x10000) s += static_cast<char>(0xE0 | (c >> 12)), s += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), s += static_cast<char>(0x80 | (c & 0x3F));
  else s += static_cast<char>(0xF0 | (c >> 18)), s += static_cast<char>(0x80 | ((c >> 12) & 0x3F)), s += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), s += static_cast<char>(0x80 | (c & 0x3F));
  return s;
}

class GlfwWindow final : public Window {
 public:
  ~GlfwWindow() override {
    if (window_) {
      glfwDestroyWindow(window_);
    }
    glfwTerminate();
  }

  bool open(const WindowOptions& options, std::string& error) {
    if (options.renderer == Renderer::Software) {
      error = "the GLFW backend draws with OpenGL only: use --backend sdl2 (or headless) for --renderer software";
      return false;
    }
    if (!glfwInit()) {
      const char* why = nullptr;
      glfwGetError(&why);
      error = std::string("GLFW could not start: ") + (why ? why : "no display");
      return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    int width = options.size.width, height = options.size.height;
    if (!options.windowed) {
      if (const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor())) width = mode->width, height = mode->height;
      glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    } else if (options.shrinkToFit) {
      int x = 0, y = 0, usableW = 0, usableH = 0;
      glfwGetMonitorWorkarea(glfwGetPrimaryMonitor(), &x, &y, &usableW, &usableH);
      if (usableW > 0 && usableH > 0) {
        const float fit = std::min({1.f, 0.9f * static_cast<float>(usableW) / static_cast<float>(width),
                                    0.9f * static_cast<float>(usableH) / static_cast<float>(height)});
        width = static_cast<int>(static_cast<float>(width) * fit);
        height = static_cast<int>(static_cast<float>(height) * fit);
      }
    }
    window_ = glfwCreateWindow(width, height, options.title.c_str(), nullptr, nullptr);
    if (!window_) {
      const char* why = nullptr;
      glfwGetError(&why);
      error = std::string("GLFW could not open a window: ") + (why ? why : "unknown reason");
      return false;
    }
    if (!options.windowed) glfwSetWindowPos(window_, 0, 0);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    if (!options.windowed) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    glfwSetWindowUserPointer(window_, this);
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int button, int action, int) {
      if (button != GLFW_MOUSE_BUTTON_LEFT) return;
      auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w));
      const auto [x, y] = self->cursor();
      if (action == GLFW_PRESS) self->pending_.emplace_back(PointerDown{x, y, PointerKind::Mouse});
      else self->pending_.emplace_back(PointerUp{x, y, PointerKind::Mouse});
    });
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) {
      auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w));
      const auto [x, y] = self->cursor();
      self->pending_.emplace_back(PointerMove{x, y, PointerKind::Mouse});
    });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double dy) {
      static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->pending_.emplace_back(Wheel{static_cast<float>(dy)});
    });
    glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int c) {
      static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->pending_.emplace_back(TextTyped{encodeUtf8(c)});
    });
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int) {
      if (action == GLFW_REPEAT) return;
      if (const auto k = mapKey(key))
        static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->pending_.emplace_back(KeyChange{*k, action == GLFW_PRESS});
    });
    glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int newWidth, int newHeight) {
      static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w))->pending_.emplace_back(Resized{newWidth, newHeight});
    });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) {
      auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w));
      const Size s = self->size();
      self->pending_.emplace_back(Resized{s.width, s.height});
    });
    return true;
  }

  std::vector<InputEvent> waitEvents(int timeoutMs) override {
    if (timeoutMs < 0) glfwWaitEvents();
    else if (timeoutMs == 0) glfwPollEvents();
    else glfwWaitEventsTimeout(static_cast<double>(timeoutMs) / 1000.0);
    if (glfwWindowShouldClose(window_)) {
      pending_.emplace_back(QuitRequested{});
      glfwSetWindowShouldClose(window_, GLFW_FALSE);
    }
    std::vector<InputEvent> out;
    out.swap(pending_);
    return out;
  }

  void wake() override { glfwPostEmptyEvent(); }

  Size size() const override {
    Size s;
    glfwGetFramebufferSize(window_, &s.width, &s.height);
    return s;
  }

  void reloadFonts() override { gl::reloadFonts(); }
  void releaseRenderer() override { gl::shutdown(); }
  void render(ImDrawData* data, uint32_t clearRgb) override { gl::render(data, size(), clearRgb); }
  bool capture(Image& out) override { return gl::capture(size(), out); }
  void present() override { glfwSwapBuffers(window_); }
  std::string rendererName() const override { return "gl: " + gl::rendererString(); }

 private:
  std::pair<float, float> cursor() const {
    double x = 0, y = 0;
    glfwGetCursorPos(window_, &x, &y);
    int ww = 1, wh = 1;
    glfwGetWindowSize(window_, &ww, &wh);
    const Size s = size();
    return {static_cast<float>(x) * static_cast<float>(s.width) / static_cast<float>(ww),
            static_cast<float>(y) * static_cast<float>(s.height) / static_cast<float>(wh)};
  }

  GLFWwindow* window_ = nullptr;
  std::vector<InputEvent> pending_;  // filled by callbacks on this (the UI) thread
};

}  // namespace

Result<std::unique_ptr<Window>> createGlfwWindow(const WindowOptions& options) {
  auto window = std::make_unique<GlfwWindow>();
  std::string error;
  if (!window->open(options, error)) return failure(error);
  return std::unique_ptr<Window>(std::move(window));
}

}  // namespace kiosk::platform
