// SDL2 window: the default backend. Full screen is a borderless window covering the display —
// SDL's real "fullscreen" keeps the wrong size when no window manager runs (cage, bare X).

#include <SDL.h>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <imgui.h>

#include "platform/gl_renderer.h"
#include "platform/software_renderer.h"
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

    Renderer renderer = options.renderer;
    if (renderer == Renderer::Auto && !gpuPresent()) renderer = Renderer::Software;
    if (renderer != Renderer::Software) {
      if (!openGl(options, error)) return false;
      if (renderer == Renderer::Auto && gl::drawsOnCpu()) {
        // A render node, but GL still runs on the CPU (Xvfb, a VM's virtual GPU without 3D):
        // our renderer does the same work in a fraction of the time and memory.
        SDL_GL_DeleteContext(context_);
        SDL_DestroyWindow(window_);
        context_ = nullptr, window_ = nullptr;
        renderer = Renderer::Software;
      }
    }
    if (renderer == Renderer::Software && !openSoftware(options, error)) return false;
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
    if (software_) SDL_GetWindowSizeInPixels(window_, &s.width, &s.height);
    else SDL_GL_GetDrawableSize(window_, &s.width, &s.height);
    return s;
  }

  void reloadFonts() override {
    if (software_) software_->reloadFonts();
    else gl::reloadFonts();
  }
  void releaseRenderer() override {
    if (!software_) gl::shutdown();
  }
  void render(ImDrawData* data, uint32_t clearRgb) override {
    if (software_) software_->render(data, size(), clearRgb);
    else gl::render(data, size(), clearRgb);
  }
  bool capture(Image& out) override {
    if (!software_) return gl::capture(size(), out);
    software_->capture(out);
    return true;
  }
  void present() override {
    if (software_) presentSoftware();
    else SDL_GL_SwapWindow(window_);
  }
  std::string rendererName() const override { return software_ ? "software" : "gl: " + gl::rendererString(); }

 private:
  struct Placement {
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED, w = 0, h = 0;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  };

  static Placement place(const WindowOptions& options) {
    Placement p;
    p.w = options.size.width, p.h = options.size.height;
    if (!options.windowed) {
      SDL_Rect bounds{};
      if (SDL_GetDisplayBounds(0, &bounds) == 0) p.x = bounds.x, p.y = bounds.y, p.w = bounds.w, p.h = bounds.h;
      p.flags |= SDL_WINDOW_BORDERLESS;
    } else if (options.shrinkToFit) {
      // A development window keeps the panel's shape but fits the screen it opens on.
      SDL_Rect usable{};
      if (SDL_GetDisplayUsableBounds(0, &usable) == 0) {
        const float fit = std::min({1.f, 0.9f * static_cast<float>(usable.w) / static_cast<float>(p.w),
                                    0.9f * static_cast<float>(usable.h) / static_cast<float>(p.h)});
        p.w = static_cast<int>(static_cast<float>(p.w) * fit);
        p.h = static_cast<int>(static_cast<float>(p.h) * fit);
      }
    }
    return p;
  }

  // Mesa draws on a GPU only through a DRM render node (NVIDIA's driver has its own device):
  // without either, every GL context here is llvmpipe, and deciding needs no GL at all — Mesa
  // is never loaded. LIBGL_ALWAYS_SOFTWARE is Mesa's own switch to the CPU.
  static bool gpuPresent() {
    if (const char* forced = std::getenv("LIBGL_ALWAYS_SOFTWARE"); forced && *forced && std::string(forced) != "0") return false;
    std::error_code ec;
    if (std::filesystem::exists("/dev/nvidiactl", ec)) return true;
    for (const auto& entry : std::filesystem::directory_iterator("/dev/dri", ec)) {
      if (entry.path().filename().string().starts_with("renderD")) return true;
    }
    return false;
  }

  bool openGl(const WindowOptions& options, std::string& error) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    const Placement p = place(options);
    window_ = SDL_CreateWindow(options.title.c_str(), p.x, p.y, p.w, p.h, p.flags | SDL_WINDOW_OPENGL);
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
    return true;
  }

  bool openSoftware(const WindowOptions& options, std::string& error) {
    // SDL would otherwise show the window's surface through a GL texture on X11, loading Mesa
    // after all; X11's own shared-memory images need no GL. (Other video drivers keep SDL's
    // choice: Wayland has no surface of its own in SDL 2.)
    if (std::string(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "") == "x11") SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    const Placement p = place(options);
    window_ = SDL_CreateWindow(options.title.c_str(), p.x, p.y, p.w, p.h, p.flags);
    if (!window_) {
      error = std::string("SDL could not open a window: ") + SDL_GetError();
      return false;
    }
    if (!SDL_GetWindowSurface(window_)) {
      error = std::string("SDL gives the window no surface to draw in: ") + SDL_GetError();
      return false;
    }
    software_ = std::make_unique<SoftwareRenderer>();
    return true;
  }

  // Copies what changed into the window's surface and shows just that. Paced to 60 frames a
  // second, as a GL swap with vsync would be.
  void presentSoftware() {
    SDL_Surface* surface = SDL_GetWindowSurface(window_);  // a new one after a resize
    if (!surface) return;
    const Size drawn = software_->size();
    std::vector<SDL_Rect> rects;
    if (showAll_) rects.push_back({0, 0, drawn.width, drawn.height});
    else
      for (const PixelRect& r : software_->damage()) rects.push_back({r.x, r.y, r.width, r.height});
    const SDL_Rect whole{0, 0, std::min(surface->w, drawn.width), std::min(surface->h, drawn.height)};
    std::erase_if(rects, [&](SDL_Rect& r) { return !SDL_IntersectRect(&r, &whole, &r); });
    if (rects.empty()) return;
    if (SDL_MUSTLOCK(surface) && SDL_LockSurface(surface) != 0) return;
    const Uint32 format = surface->format->format;
    // Our pixels are ARGB8888 with opaque alpha, which XRGB8888 (SDL's RGB888) reads the same.
    const bool same = format == SDL_PIXELFORMAT_ARGB8888 || format == SDL_PIXELFORMAT_RGB888;
    const int srcPitch = drawn.width * 4;
    for (const SDL_Rect& r : rects) {
      const auto* src = reinterpret_cast<const uint8_t*>(software_->pixels()) + static_cast<size_t>(r.y) * static_cast<size_t>(srcPitch) + static_cast<size_t>(r.x) * 4;
      auto* dst = static_cast<uint8_t*>(surface->pixels) + static_cast<size_t>(r.y) * static_cast<size_t>(surface->pitch) +
                  static_cast<size_t>(r.x) * surface->format->BytesPerPixel;
      if (same) {
        for (int row = 0; row < r.h; ++row) std::memcpy(dst + static_cast<size_t>(row) * static_cast<size_t>(surface->pitch), src + static_cast<size_t>(row) * static_cast<size_t>(srcPitch), static_cast<size_t>(r.w) * 4);
      } else {
        SDL_ConvertPixels(r.w, r.h, SDL_PIXELFORMAT_ARGB8888, src, srcPitch, format, dst, surface->pitch);
      }
    }
    if (SDL_MUSTLOCK(surface)) SDL_UnlockSurface(surface);
    SDL_UpdateWindowSurfaceRects(window_, rects.data(), static_cast<int>(rects.size()));
    showAll_ = false;
    const Uint64 now = SDL_GetTicks64();
    if (now < lastShown_ + kFrameMs) SDL_Delay(static_cast<Uint32>(lastShown_ + kFrameMs - now));
    lastShown_ = SDL_GetTicks64();
  }

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
        // The window's contents may be gone: the next frame shows all of it, changed or not.
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED) {
          showAll_ = true;
          out.emplace_back(Resized{s.width, s.height});
        }
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
  std::unique_ptr<SoftwareRenderer> software_;  // set: no GL, the CPU draws into the window's surface
  bool showAll_ = true;
  Uint64 lastShown_ = 0;
  static constexpr Uint64 kFrameMs = 16;
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
