// SDL2 window: the default backend. Full screen is a borderless window covering the display —
// SDL's real "fullscreen" keeps the wrong size when no window manager runs (cage, bare X).

#include <SDL.h>
#include <algorithm>
#include <optional>
#include <imgui.h>

#include "platform/gl_renderer.h"
#include "platform/window.h"

namespace kiosk::platform {
namespace {

std::optional<Key> mapKey(SDL_Keycode key) {
  switch (key) {
    case SDLK_RETURN: case SDLK_KP_ENTER: return Key::Enter;
    case SDLK_BACKSPACE: return Key::Backspace;
    case SDLK_DELETE: return Key::Delete;
    case SDLK_TAB: return Key::Tab;
    case SDLK_ESCAPE: return Key::Escape;
    case SDLK_LEFT: return Key::Left;
    case SDLK_RIGHT: return Key::Right;
    case SDLK_UP: return Key::Up;
    case SDLK_DOWN: return Key::Down;
    case SDLK_HOME: return Key::Home;
    case SDLK_END: return Key::End;
    default: return std::nullopt;
  }
}

class Sdl2Window final : public Window {
 public:
  ~Sdl2Window() override {
    if (context_) {
      SDL_GL_DeleteContext(context_);
    }
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
  }

  bool open(const WindowOptions& options, std::string& error) {
    // Touch becomes our own pointer events; SDL must not also invent mouse clicks from it.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // SIGTERM (systemd stopping the kiosk) must end the process: SDL's own handler would turn it
    // into SDL_QUIT, which the locked-down kiosk ignores. And closing the window is a window
    // event of its own, so SDL_QUIT is left meaning only that the display connection was lost.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
      error = std::string("SDL could not start video: ") + SDL_GetError();
      return false;
    }
    // A kiosk with no sound card still works; speech reports itself unavailable later.
    SDL_InitSubSystem(SDL_INIT_AUDIO);
    audioStartedAt_ = SDL_GetTicks();
    wakeEvent_ = SDL_RegisterEvents(1);

    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = options.size.width, h = options.size.height;
    if (!options.windowed) {
      SDL_Rect bounds{};
      if (SDL_GetDisplayBounds(0, &bounds) == 0) x = bounds.x, y = bounds.y, w = bounds.w, h = bounds.h;
      flags |= SDL_WINDOW_BORDERLESS;
    } else if (options.shrinkToFit) {
      // A development window keeps the panel's shape but fits the screen it opens on.
      SDL_Rect usable{};
      if (SDL_GetDisplayUsableBounds(0, &usable) == 0) {
        const float fit = std::min({1.f, 0.9f * static_cast<float>(usable.w) / static_cast<float>(w),
                                    0.9f * static_cast<float>(usable.h) / static_cast<float>(h)});
        w = static_cast<int>(static_cast<float>(w) * fit);
        h = static_cast<int>(static_cast<float>(h) * fit);
      }
    }
    window_ = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
    if (!window_) {
      error = std::string("SDL could not open a window: ") + SDL_GetError();
      return false;
    }
    context_ = SDL_GL_CreateContext(window_);
    if (!context_) {
      error = std::string("no OpenGL 3 context: ") + SDL_GetError();
      return false;
    }
    SDL_GL_MakeCurrent(window_, context_);
    SDL_GL_SetSwapInterval(1);
    // Locked down: no pointer, and no screen saver or blanking while the kiosk runs (SDL's
    // default, said out loud). The clipboard is never used; closing is ignored by the app.
    if (!options.windowed) SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    return true;
  }

  std::vector<InputEvent> waitEvents(int timeoutMs) override {
    std::vector<InputEvent> events;
    SDL_Event e;
    const bool got = timeoutMs < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeoutMs);
    if (!got) return events;
    do translate(e, events);
    while (SDL_PollEvent(&e));
    return events;
  }

  void wake() override {
    SDL_Event e{};
    e.type = wakeEvent_;
    SDL_PushEvent(&e);
  }

  Size size() const override {
    Size s;
    SDL_GL_GetDrawableSize(window_, &s.width, &s.height);
    return s;
  }

  void reloadFonts() override { gl::reloadFonts(); }
  void releaseRenderer() override { gl::shutdown(); }
  void render(ImDrawData* data, uint32_t clearRgb) override { gl::render(data, size(), clearRgb); }
  bool capture(Image& out) override { return gl::capture(size(), out); }
  void present() override { SDL_GL_SwapWindow(window_); }

 private:
  void translate(const SDL_Event& e, std::vector<InputEvent>& out) {
    const Size s = size();
    int ww = 1, wh = 1;
    SDL_GetWindowSize(window_, &ww, &wh);
    const float sx = static_cast<float>(s.width) / static_cast<float>(ww);
    const float sy = static_cast<float>(s.height) / static_cast<float>(wh);
    switch (e.type) {
      case SDL_QUIT: out.emplace_back(DisplayLost{}); break;
      case SDL_MOUSEBUTTONDOWN:
        if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
          out.emplace_back(PointerDown{static_cast<float>(e.button.x) * sx, static_cast<float>(e.button.y) * sy, PointerKind::Mouse});
        break;
      case SDL_MOUSEBUTTONUP:
        if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT)
          out.emplace_back(PointerUp{static_cast<float>(e.button.x) * sx, static_cast<float>(e.button.y) * sy, PointerKind::Mouse});
        break;
      case SDL_MOUSEMOTION:
        if (e.motion.which != SDL_TOUCH_MOUSEID)
          out.emplace_back(PointerMove{static_cast<float>(e.motion.x) * sx, static_cast<float>(e.motion.y) * sy, PointerKind::Mouse});
        break;
      case SDL_MOUSEWHEEL: out.emplace_back(Wheel{static_cast<float>(e.wheel.y)}); break;
      // Finger positions are normalised to the window; only the first finger drives the pointer.
      case SDL_FINGERDOWN:
        if (finger_ < 0) {
          finger_ = e.tfinger.fingerId;
          out.emplace_back(PointerDown{e.tfinger.x * static_cast<float>(s.width), e.tfinger.y * static_cast<float>(s.height), PointerKind::Touch});
        }
        break;
      case SDL_FINGERMOTION:
        if (e.tfinger.fingerId == finger_)
          out.emplace_back(PointerMove{e.tfinger.x * static_cast<float>(s.width), e.tfinger.y * static_cast<float>(s.height), PointerKind::Touch});
        break;
      case SDL_FINGERUP:
        if (e.tfinger.fingerId == finger_) {
          finger_ = -1;
          out.emplace_back(PointerUp{e.tfinger.x * static_cast<float>(s.width), e.tfinger.y * static_cast<float>(s.height), PointerKind::Touch});
        }
        break;
      case SDL_TEXTINPUT: out.emplace_back(TextTyped{e.text.text}); break;
      case SDL_KEYDOWN:
      case SDL_KEYUP:
        if (const auto key = mapKey(e.key.keysym.sym)) out.emplace_back(KeyChange{*key, e.type == SDL_KEYDOWN});
        break;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) out.emplace_back(Resized{s.width, s.height});
        if (e.window.event == SDL_WINDOWEVENT_EXPOSED) out.emplace_back(Resized{s.width, s.height});
        if (e.window.event == SDL_WINDOWEVENT_CLOSE) out.emplace_back(QuitRequested{});
        break;
      // SDL also reports every output present at start-up as "added"; only later ones are a
      // citizen plugging in. Microphones (capture) are not listening.
      case SDL_AUDIODEVICEADDED:
        if (!e.adevice.iscapture && e.adevice.timestamp > audioStartedAt_ + kStartupDevicesMs) out.emplace_back(AudioDeviceChanged{true});
        break;
      case SDL_AUDIODEVICEREMOVED:
        if (!e.adevice.iscapture) out.emplace_back(AudioDeviceChanged{false});
        break;
      default: break;  // the wake event needs no translation: returning is its purpose
    }
  }

  SDL_Window* window_ = nullptr;
  SDL_GLContext context_ = nullptr;
  Uint32 wakeEvent_ = 0;
  SDL_FingerID finger_ = -1;
  static constexpr Uint32 kStartupDevicesMs = 2000;
  Uint32 audioStartedAt_ = 0;
};

}  // namespace

Result<std::unique_ptr<Window>> createSdl2Window(const WindowOptions& options) {
  auto window = std::make_unique<Sdl2Window>();
  std::string error;
  if (!window->open(options, error)) return failure(error);
  return std::unique_ptr<Window>(std::move(window));
}

}  // namespace kiosk::platform
