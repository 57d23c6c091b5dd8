#pragma once
// The OpenGL half shared by the SDL2 and GLFW windows: ImGui's OpenGL 3 renderer from Debian's
// libimgui, plus clearing and reading back the frame for screenshots.

#include <cstdint>
#include <string>

#include "platform/window.h"

namespace kiosk::platform::gl {

// Uploads the font atlas, starting the renderer the first time (needs a current ImGui context).
void reloadFonts();
// Stops the renderer; call while the ImGui context that started it still exists.
void shutdown();
void render(ImDrawData* data, Size drawable, uint32_t clearRgb);
bool capture(Size drawable, Image& out);
// GL_RENDERER of the current context ("llvmpipe (LLVM 15.0.6, 256 bits)", a GPU's name, ...).
std::string rendererString();
// Whether the current context draws on the CPU: Mesa's llvmpipe, softpipe or swrast.
bool drawsOnCpu();

}  // namespace kiosk::platform::gl
