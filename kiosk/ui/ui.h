#pragma once
// What every widget needs for one frame: the text path, the accessibility tree, the catalog in
// the current language, the palette and the layout scale. Screens get one Ui& and nothing else
// from the drawing side.

#include <string>
#include <string_view>

#include "kiosk/i18n/catalogs.h"
#include "kiosk/ui/access_tree.h"
#include "kiosk/ui/geometry.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

struct FrameSetup {
  Vec2 displaySize{design::kWidth, design::kHeight};
  std::string language = "da";
  float textScale = 1;
  Contrast contrast = Contrast::Normal;
  // Where screens begin (their header): 0.
  float screenTop = 0;
  // Where controls may begin: 0, or lower in the low-reach layout. The header stays at the top,
  // where it can be read from a wheelchair, and what follows it starts here.
  float reachTop = 0;
};

class Ui {
 public:
  Ui(TextPath& text, AccessTree& tree, const i18n::Catalogs& catalogs) : text_(text), tree_(tree), catalogs_(catalogs) {}

  void beginFrame(const FrameSetup& setup);

  const std::string& tr(std::string_view key) const { return catalogs_.text(setup_.language, key); }
  std::string format(std::string_view key, const i18n::Args& args) const { return catalogs_.format(setup_.language, key, args); }
  const i18n::Catalogs& catalogs() const { return catalogs_; }
  const std::string& language() const { return setup_.language; }

  TextPath& text() { return text_; }
  AccessTree& tree() { return tree_; }
  const Palette& colors() const { return *palette_; }
  Contrast contrast() const { return setup_.contrast; }
  float textScale() const { return setup_.textScale; }
  TextSizeStep textSizeStep() const { return ui::textSizeStep(setup_.textScale); }
  // One value per text size step, for what a layout changes with it: columns(5, 3, 2).
  template <typename T>
  T byTextSize(T normal, T large, T largest) const {
    switch (textSizeStep()) {
      case TextSizeStep::Normal: return normal;
      case TextSizeStep::Large: return large;
      case TextSizeStep::Largest: return largest;
    }
    return normal;
  }
  bool rightToLeft() const { return text_.direction() == text::Direction::RightToLeft; }

  // Design pixels (1920 x 1080 reference) to display pixels.
  float px(float design) const { return design * scale_; }
  Vec2 displaySize() const { return setup_.displaySize; }
  float screenTop() const { return setup_.screenTop; }
  void setScreenTop(float top) { setup_.screenTop = top; }  // once the shell has laid out the frame
  float reachTop() const { return setup_.reachTop; }
  void setReachTop(float top) { setup_.reachTop = top; }
  // The bottom of the header drawn this frame (0: none yet), for the low-reach note under it.
  float headerBottom() const { return headerBottom_; }
  void setHeaderBottom(float bottom) { headerBottom_ = bottom; }
  // A screen short of room below the reach line put text (never a control) in the band above
  // it this frame: the low-reach note leaves the band to it.
  bool reachBandTaken() const { return reachBandTaken_; }
  void takeReachBand() { reachBandTaken_ = true; }
  // A screen that found no room for a control it needs (a keyboard that could not be docked)
  // says so; the app may then make room from the next frame on (the speech strip folds away),
  // for as long as the screen says, each frame, that it still shows that control.
  bool roomAsked() const { return roomAsked_; }
  void askForRoom() { roomAsked_ = roomNeeded_ = true; }
  bool roomNeeded() const { return roomNeeded_; }
  void needRoom() { roomNeeded_ = true; }

  // Screens lay out as if text ran left to right; this mirrors a rectangle inside its container
  // for right-to-left languages, so whole layouts flip with one call per item.
  Rect place(const Rect& logical, const Rect& container) const;

  // A rectangle the driver wants scrolled into view (by key) before it taps; see ScrollArea.
  std::string scrollRequest;

 private:
  TextPath& text_;
  AccessTree& tree_;
  const i18n::Catalogs& catalogs_;
  FrameSetup setup_;
  const Palette* palette_ = &palette(Contrast::Normal);
  float scale_ = 1;
  float headerBottom_ = 0;
  bool reachBandTaken_ = false;
  bool roomAsked_ = false;
  bool roomNeeded_ = false;
};

}  // namespace kiosk::ui
