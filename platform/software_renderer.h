#pragma once
// Draws Dear ImGui's draw data on the CPU into a 32-bit framebuffer: no GL, no GPU, no Mesa.
//
// A kiosk frame is mostly axis-aligned rectangles (backgrounds, buttons) and glyph quads, with a
// few rounded shapes whose anti-aliased edges are thin fringe triangles. Rectangles and quads go
// through fast paths; everything else through a general triangle rasterizer that follows GL's
// rules (pixel centres, the top-left fill rule, linear texture filtering, the blending ImGui's GL
// renderer asks for), so both renderers draw the same pixels within a few levels at edges.
//
// Damage: the frame is cut into 64x64 tiles, each hashed from the clear colour and every
// primitive that touches it, in order. Only tiles whose hash changed since the last frame are
// drawn again, and damage() lists them, so a window can show just those; a frame identical to
// the last costs the hashing and nothing else.

#include <cstdint>
#include <vector>

#include "platform/window.h"

struct ImDrawVert;

namespace kiosk::platform {

struct PixelRect {
  int x = 0, y = 0, width = 0, height = 0;
  bool operator==(const PixelRect&) const = default;
};

class SoftwareRenderer {
 public:
  static constexpr int kTile = 64;

  // Copies ImGui's font atlas (of the current context) into the renderer's own texture. With
  // releaseImGuiCopy, ImGui's copy is freed afterwards, as the GL renderer does after its upload;
  // a caller that still needs it (a GL renderer uploading next) passes false.
  void reloadFonts(bool releaseImGuiCopy = true);

  // Draws the frame into pixels(); damage() then lists the rectangles that changed.
  void render(const ImDrawData* data, Size size, uint32_t clearRgb);
  // The window lost what it showed (resized, exposed): the next render reports everything.
  void invalidate() { previousTiles_.clear(); }

  Size size() const { return size_; }
  // One 0xFFRRGGBB word per pixel (SDL's ARGB8888 and, ignoring the top byte, XRGB8888), top row
  // first, width() words per row.
  const uint32_t* pixels() const { return pixels_.data(); }
  const std::vector<PixelRect>& damage() const { return damage_; }
  void capture(Image& out) const;

  // What the last render did, for tests and the benchmark.
  struct Stats {
    int tilesRedrawn = 0, tiles = 0;
    int rects = 0, texturedQuads = 0, triangles = 0;  // primitives drawn (in damaged tiles)
  };
  const Stats& stats() const { return stats_; }

  // The atlas as the renderer keeps it: one coverage byte per texel when every texel is white,
  // as ImGui's FreeType atlas is; full RGBA only for an atlas with coloured glyphs.
  struct Texture {
    int width = 0, height = 0;
    std::vector<uint8_t> alpha;   // width*height, when !coloured
    std::vector<uint32_t> rgba;   // width*height, 0xAABBGGRR as ImGui stores it, when coloured
    bool coloured = false;
    uint64_t generation = 0;      // changes with every reload, so every tile is drawn again
  };

  // The primitive list of one frame, as damage and drawing see it (public for the .cpp's helpers).
  struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // half-open: x0 <= x < x1
    bool empty() const { return x1 <= x0 || y1 <= y0; }
  };
  struct Primitive {
    const ImDrawVert* v[4]{};  // a rect's corners in ImGui's order (a, b, c, d), or a triangle's three
    Box clip;                  // the command's clip rectangle as GL's scissor sees it, within the frame
    Box bounds;                // the pixels it may touch: its box within clip
    bool rect = false;
  };

 private:
  void collect(const ImDrawData* data);
  void hashTiles(uint32_t clearRgb);
  void findDamage();
  void draw(uint32_t clearRgb);
  void drawWithin(const Primitive& p, const Box& limit);

  Size size_;
  float offsetX_ = 0, offsetY_ = 0, scaleX_ = 1, scaleY_ = 1;  // ImGui's display position and framebuffer scale
  std::vector<uint32_t> pixels_;
  Texture texture_;
  std::vector<Primitive> primitives_;
  std::vector<uint64_t> primitiveHashes_;
  int tilesX_ = 0, tilesY_ = 0;
  std::vector<uint64_t> tiles_, previousTiles_;
  std::vector<uint8_t> damagedTiles_;
  std::vector<PixelRect> damage_;
  Stats stats_;
};

}  // namespace kiosk::platform
