#pragma once
// The Noto font files (fonts-noto-core) the appointment card is drawn with, held in memory: read
// once, at start-up, never while a citizen waits.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/result.h"

#include "kiosk/services/card_scripts.h"

namespace kiosk::services {

// Cheap to copy (the bytes are shared and never change), so a copy can go to the printer's
// worker thread.
class CardFonts {
 public:
  // A failure names the file that is missing. Without fonts (CardFonts{}) the card still prints,
  // in Danish only: the citizen's own lines need the faces.
  static Result<CardFonts> load(const std::filesystem::path& dir = "/usr/share/fonts/truetype/noto");

  bool available() const { return files_ != nullptr; }

  // One font file's bytes, for FreeType to read in place (only when available()).
  const std::vector<unsigned char>& bytes(bool bold, CardScript script) const;

 private:
  struct Files;
  std::shared_ptr<const Files> files_;
};

}  // namespace kiosk::services
