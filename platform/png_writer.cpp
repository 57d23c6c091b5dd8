#include "platform/png_writer.h"

#include <stb/stb_image_write.h>

namespace kiosk::platform {

bool writePng(const std::filesystem::path& file, const Image& image) {
  if (image.width <= 0 || image.height <= 0) return false;
  return stbi_write_png(file.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
}

}  // namespace kiosk::platform
