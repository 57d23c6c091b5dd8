#include "kiosk/services/card_fonts.h"

#include <array>
#include <fstream>

namespace kiosk::services {
namespace {

constexpr const char* kFontFiles[2][kScriptCount] = {
    {"NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf", "NotoSansEthiopic-Regular.ttf"},
    {"NotoSans-Bold.ttf", "NotoSansArabic-Bold.ttf", "NotoSansEthiopic-Bold.ttf"},
};

}  // namespace

struct CardFonts::Files {
  std::array<std::array<std::vector<unsigned char>, kScriptCount>, 2> bytes;  // [bold][script]
};

Result<CardFonts> CardFonts::load(const std::filesystem::path& dir) {
  CardFonts fonts;
  auto files = std::make_shared<Files>();
  for (int bold = 0; bold < 2; ++bold) {
    for (int script = 0; script < kScriptCount; ++script) {
      const auto path = dir / kFontFiles[bold][script];
      std::ifstream in(path, std::ios::binary | std::ios::ate);
      const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
      auto& bytes = files->bytes[static_cast<size_t>(bold)][static_cast<size_t>(script)];
      if (size > 0) {
        bytes.resize(static_cast<size_t>(size));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(bytes.data()), size);
      }
      if (size <= 0 || !in) return failure(path.string() + " is missing (install fonts-noto-core)");
    }
  }
  fonts.files_ = std::move(files);
  return fonts;
}

const std::vector<unsigned char>& CardFonts::bytes(bool bold, CardScript script) const {
  return files_->bytes[bold ? 1 : 0][static_cast<size_t>(script)];
}

}  // namespace kiosk::services
