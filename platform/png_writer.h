#pragma once
#include <filesystem>

#include "platform/window.h"

namespace kiosk::platform {

// Writes an RGBA image as PNG (stb_image_write from Debian's libstb). False if it cannot.
bool writePng(const std::filesystem::path& file, const Image& image);

}  // namespace kiosk::platform
