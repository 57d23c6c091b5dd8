#pragma once
// The Noto font files (fonts-noto-core) the appointment card is drawn with, held in memory: read
// once, at start-up, never while a citizen waits.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/services/card_scripts.h"

namespace kiosk::services {

// Cheap to copy (the bytes are shared and never change), so a copy can go to the printer's
// worker thread.
class CardFonts {
 public:
  static CardFonts load(const std::filesystem::path& dir = "/usr/share/fonts/truetype/noto");

  bool ok() const { return files_ != nullptr; }
  const std::string& error() const { return error_; }  // which file was missing

  // One font file's bytes, for FreeType to read in place (only when ok()).
  const std::vector<unsigned char>& bytes(bool bold, CardScript script) const;

 private:
  struct Files;
  std::shared_ptr<const Files> files_;
  std::string error_;
};

}  // namespace kiosk::services
