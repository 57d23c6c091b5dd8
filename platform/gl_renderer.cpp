#include "platform/gl_renderer.h"

#include <GL/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstring>

namespace kiosk::platform::gl {
namespace {
// One GL context per process. The renderer starts with the first font upload, once the app's
// ImGui context exists, and stops before that context goes.
bool started = false;
bool deviceReady = false;
}  // namespace

void shutdown() {
  if (started) ImGui_ImplOpenGL3_Shutdown();
  started = deviceReady = false;
}

void reloadFonts() {
  if (!started) started = ImGui_ImplOpenGL3_Init("#version 130");
  // Create the device objects here, not lazily in the first frame: they upload the atlas, and
  // after ClearTexData below a lazy upload would silently rebuild the whole atlas.
  if (!deviceReady) {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    deviceReady = true;
  } else {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  // The GPU has its copy; the CPU copy (16 MB at 200 % text) is not needed until the next rebuild.
  ImGui::GetIO().Fonts->ClearTexData();
}

void render(ImDrawData* data, Size drawable, uint32_t clearRgb) {
  glViewport(0, 0, drawable.width, drawable.height);
  glClearColor(static_cast<float>((clearRgb >> 16) & 0xFF) / 255.f, static_cast<float>((clearRgb >> 8) & 0xFF) / 255.f,
               static_cast<float>(clearRgb & 0xFF) / 255.f, 1.f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplOpenGL3_RenderDrawData(data);
}

bool capture(Size drawable, Image& out) {
  out.width = drawable.width;
  out.height = drawable.height;
  out.rgba.assign(static_cast<size_t>(drawable.width) * static_cast<size_t>(drawable.height) * 4, 0);
  glFinish();
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, drawable.width, drawable.height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  if (glGetError() != GL_NO_ERROR) return false;
  // GL's first row is the bottom one.
  const size_t stride = static_cast<size_t>(drawable.width) * 4;
  std::vector<uint8_t> row(stride);
  for (int y = 0; y < drawable.height / 2; ++y) {
    uint8_t* a = out.rgba.data() + static_cast<size_t>(y) * stride;
    uint8_t* b = out.rgba.data() + static_cast<size_t>(drawable.height - 1 - y) * stride;
    std::memcpy(row.data(), a, stride);
    std::memcpy(a, b, stride);
    std::memcpy(b, row.data(), stride);
  }
  return true;
}

std::string rendererString() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return name ? name : "";
}

bool drawsOnCpu() {
  const std::string name = rendererString();
  for (const char* cpu : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"}) {
    if (name.find(cpu) != std::string::npos) return true;
  }
  return false;
}

}  // namespace kiosk::platform::gl
