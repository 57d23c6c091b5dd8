#include "platform/software_renderer.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace kiosk::platform {
namespace {

using Box = SoftwareRenderer::Box;
using Texture = SoftwareRenderer::Texture;

// Vertex positions are snapped to 1/256 of a pixel, as GL rasterizers do (llvmpipe's 8 bits of
// subpixel precision); a pixel is covered when its centre (x + 0.5) is.
constexpr int kSubpixelBits = 8;
constexpr int64_t kOne = 1 << kSubpixelBits;
constexpr int64_t kHalf = kOne / 2;

// Coordinates are kept within ±4 million pixels, so fixed-point products stay far inside 64 bits
// whatever a draw list holds.
constexpr double kFarthest = 1 << 22;
double bounded(float v) { return std::clamp(static_cast<double>(v), -kFarthest, kFarthest); }
int64_t snap(float v) { return std::llrint(bounded(v) * kOne); }

int64_t floorDiv(int64_t n, int64_t d) {  // d > 0
  int64_t q = n / d;
  if (n % d != 0 && n < 0) --q;
  return q;
}
int64_t ceilDiv(int64_t n, int64_t d) { return -floorDiv(-n, d); }

// The first pixel whose centre is at or right of an edge at fixed-point x: left and top edges are
// inside, right and bottom edges outside, so two shapes sharing an edge draw each pixel once.
int firstPixelFrom(int64_t edge) { return static_cast<int>(ceilDiv(edge - kHalf, kOne)); }

Box intersect(const Box& a, const Box& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

// x * y / 255, rounded, for 8-bit x and y: GL's unorm8 multiply.
inline uint32_t mul255(uint32_t x, uint32_t y) {
  const uint32_t p = x * y + 128;
  return (p + (p >> 8)) >> 8;
}

struct Rgba8 {
  uint32_t r = 255, g = 255, b = 255, a = 255;
};

Rgba8 unpack(ImU32 c) {
  return {(c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF, (c >> IM_COL32_B_SHIFT) & 0xFF, (c >> IM_COL32_A_SHIFT) & 0xFF};
}

Rgba8 modulate(const Rgba8& c, const Rgba8& t) { return {mul255(c.r, t.r), mul255(c.g, t.g), mul255(c.b, t.b), mul255(c.a, t.a)}; }

// GL's blending as ImGui asks for it: colour = src * srcAlpha + dst * (1 - srcAlpha).
inline uint32_t blend(uint32_t dst, const Rgba8& s) {
  if (s.a == 0) return dst;
  if (s.a == 255) return 0xFF000000u | s.r << 16 | s.g << 8 | s.b;
  const uint32_t ia = 255 - s.a;
  auto channel = [&](uint32_t src, int shift) {
    const uint32_t x = src * s.a + ((dst >> shift) & 0xFF) * ia + 128;
    return ((x + (x >> 8)) >> 8) << shift;
  };
  return 0xFF000000u | channel(s.r, 16) | channel(s.g, 8) | channel(s.b, 0);
}

void blendSpan(uint32_t* row, int x0, int x1, const Rgba8& s) {
  if (s.a == 0) return;
  if (s.a == 255) {
    std::fill(row + x0, row + x1, 0xFF000000u | s.r << 16 | s.g << 8 | s.b);
    return;
  }
  for (int x = x0; x < x1; ++x) row[x] = blend(row[x], s);
}

// --- The atlas --------------------------------------------------------------------------------

Rgba8 texel(const Texture& t, int i, int j) {
  i = std::clamp(i, 0, t.width - 1);  // GL_CLAMP_TO_EDGE
  j = std::clamp(j, 0, t.height - 1);
  const size_t at = static_cast<size_t>(j) * static_cast<size_t>(t.width) + static_cast<size_t>(i);
  if (!t.coloured) return {255, 255, 255, t.alpha[at]};
  const uint32_t c = t.rgba[at];
  return {c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF, c >> 24};
}

// GL_LINEAR at texel coordinates in 8.8 fixed point, already moved by half a texel (texel centres
// at whole numbers), with 8-bit weights as llvmpipe filters 8-bit textures.
Rgba8 sampleFixed(const Texture& t, int32_t s, int32_t u) {
  const int i = s >> 8, j = u >> 8;
  const uint32_t fx = static_cast<uint32_t>(s & 0xFF), fy = static_cast<uint32_t>(u & 0xFF);
  const Rgba8 a = texel(t, i, j), b = texel(t, i + 1, j), c = texel(t, i, j + 1), d = texel(t, i + 1, j + 1);
  auto lerp2 = [&](uint32_t p, uint32_t q, uint32_t r, uint32_t w) {
    const uint32_t top = p * (256 - fx) + q * fx, bottom = r * (256 - fx) + w * fx;
    return (top * (256 - fy) + bottom * fy + 32768) >> 16;
  };
  return {lerp2(a.r, b.r, c.r, d.r), lerp2(a.g, b.g, c.g, d.g), lerp2(a.b, b.b, c.b, d.b), lerp2(a.a, b.a, c.a, d.a)};
}

int32_t texelFixed(float uv, int size) { return static_cast<int32_t>(std::lround((static_cast<double>(uv) * size - 0.5) * 256.0)); }

Rgba8 sample(const Texture& t, ImVec2 uv) {
  if (t.width == 0) return {};  // no atlas yet: ImGui's white
  return sampleFixed(t, texelFixed(uv.x, t.width), texelFixed(uv.y, t.height));
}

// --- Hashing for damage -----------------------------------------------------------------------

inline uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xFF51AFD7ED558CCDull;
  return h ^ (h >> 32);
}

uint64_t hashVertex(uint64_t h, const ImDrawVert& v) {
  uint32_t words[5];
  static_assert(sizeof(ImDrawVert) == sizeof(words));
  std::memcpy(words, &v, sizeof(words));
  h = mix(h, (uint64_t{words[0]} << 32) | words[1]);
  h = mix(h, (uint64_t{words[2]} << 32) | words[3]);
  return mix(h, words[4]);
}

// --- Drawing ----------------------------------------------------------------------------------

struct Frame {
  uint32_t* pixels;
  int width;
  const Texture& texture;
  ImVec2 offset, scale;  // ImGui's display position and framebuffer scale
  float x(const ImDrawVert& v) const { return (v.pos.x - offset.x) * scale.x; }
  float y(const ImDrawVert& v) const { return (v.pos.y - offset.y) * scale.y; }
  uint32_t* row(int y) const { return pixels + static_cast<size_t>(y) * static_cast<size_t>(width); }
};

// An axis-aligned quad (ImGui's PrimRect / PrimRectUV): one colour, and either one texel (a solid
// rectangle) or texture coordinates that follow x and y (a glyph or a picture).
void drawRect(const Frame& f, const ImDrawVert* const* v, const Box& limit) {
  const ImDrawVert &a = *v[0], &b = *v[1], &c = *v[2];
  const int64_t xa = snap(f.x(a)), xb = snap(f.x(b)), ya = snap(f.y(a)), yc = snap(f.y(c));
  Box box{firstPixelFrom(std::min(xa, xb)), firstPixelFrom(std::min(ya, yc)), firstPixelFrom(std::max(xa, xb)), firstPixelFrom(std::max(ya, yc))};
  box = intersect(box, limit);
  if (box.empty()) return;
  const Rgba8 colour = unpack(a.col);
  if (a.uv.x == b.uv.x && a.uv.y == c.uv.y) {
    const Rgba8 s = modulate(colour, sample(f.texture, a.uv));
    for (int y = box.y0; y < box.y1; ++y) blendSpan(f.row(y), box.x0, box.x1, s);
    return;
  }
  const Texture& t = f.texture;
  if (t.width == 0) return;
  // Texel coordinates (centres at whole numbers) at the first pixel centre, and per pixel.
  const float x0 = f.x(a), x1 = f.x(b), y0 = f.y(a), y1 = f.y(c);
  const float dsdx = (b.uv.x - a.uv.x) * static_cast<float>(t.width) / (x1 - x0);
  const float dtdy = (c.uv.y - a.uv.y) * static_cast<float>(t.height) / (y1 - y0);
  const float s0 = a.uv.x * static_cast<float>(t.width) - 0.5f + (static_cast<float>(box.x0) + 0.5f - x0) * dsdx;
  const float t0 = a.uv.y * static_cast<float>(t.height) - 0.5f + (static_cast<float>(box.y0) + 0.5f - y0) * dtdy;
  auto near = [](float value, float to) { return std::fabs(value - to) < 1.f / 512; };
  // A glyph (or picture) drawn at its own size: one texel per pixel, so linear filtering mixes
  // the same four neighbours with the same weights everywhere in the quad — on whole pixels, the
  // weights are 1 and 0 and each pixel reads exactly one texel.
  if (!t.coloured && near(dsdx, 1) && near(dtdy, 1)) {
    const int32_t sFixed = static_cast<int32_t>(std::lround(s0 * 256.f)), tFixed = static_cast<int32_t>(std::lround(t0 * 256.f));
    const int i0 = sFixed >> 8, j0 = tFixed >> 8;
    const uint32_t fx = static_cast<uint32_t>(sFixed & 0xFF), fy = static_cast<uint32_t>(tFixed & 0xFF);
    const int w = box.x1 - box.x0, h = box.y1 - box.y0;
    const bool inside = i0 >= 0 && j0 >= 0 && i0 + w + 1 <= t.width && j0 + h + 1 <= t.height;
    for (int y = 0; y < h; ++y) {
      uint32_t* row = f.row(box.y0 + y) + box.x0;
      const uint8_t* top = inside ? t.alpha.data() + static_cast<size_t>(j0 + y) * static_cast<size_t>(t.width) + static_cast<size_t>(i0) : nullptr;
      for (int x = 0; x < w; ++x) {
        uint32_t alpha;
        if (!inside) {
          alpha = sampleFixed(t, sFixed + x * 256, tFixed + y * 256).a;
        } else if (fx == 0 && fy == 0) {
          alpha = top[x];
        } else {
          const uint8_t* bottom = top + t.width;
          const uint32_t upper = top[x] * (256 - fx) + top[x + 1] * fx, lower = bottom[x] * (256 - fx) + bottom[x + 1] * fx;
          alpha = (upper * (256 - fy) + lower * fy + 32768) >> 16;
        }
        if (alpha) row[x] = blend(row[x], {colour.r, colour.g, colour.b, mul255(colour.a, alpha)});
      }
    }
    return;
  }
  for (int y = box.y0; y < box.y1; ++y) {
    const int32_t tf = static_cast<int32_t>(std::lround((t0 + static_cast<float>(y - box.y0) * dtdy) * 256.f));
    uint32_t* row = f.row(y);
    for (int x = box.x0; x < box.x1; ++x) {
      const int32_t sf = static_cast<int32_t>(std::lround((s0 + static_cast<float>(x - box.x0) * dsdx) * 256.f));
      row[x] = blend(row[x], modulate(colour, sampleFixed(t, sf, tf)));
    }
  }
}

// Any triangle: edge functions on the snapped vertices, the top-left rule, colour and texture
// coordinates interpolated linearly (GL's, as ImGui's orthographic projection has w = 1).
void drawTriangle(const Frame& f, const ImDrawVert* const* vertices, const Box& limit) {
  const ImDrawVert* v[3] = {vertices[0], vertices[1], vertices[2]};
  int64_t X[3], Y[3];
  for (int i = 0; i < 3; ++i) X[i] = snap(f.x(*v[i])), Y[i] = snap(f.y(*v[i]));
  int64_t area = (X[1] - X[0]) * (Y[2] - Y[0]) - (Y[1] - Y[0]) * (X[2] - X[0]);
  if (area == 0) return;
  if (area < 0) {  // GL draws both windings (ImGui turns culling off)
    std::swap(v[1], v[2]), std::swap(X[1], X[2]), std::swap(Y[1], Y[2]);
    area = -area;
  }
  Box box{static_cast<int>(floorDiv(std::min({X[0], X[1], X[2]}), kOne)), static_cast<int>(floorDiv(std::min({Y[0], Y[1], Y[2]}), kOne)),
          static_cast<int>(floorDiv(std::max({X[0], X[1], X[2]}), kOne)) + 1, static_cast<int>(floorDiv(std::max({Y[0], Y[1], Y[2]}), kOne)) + 1};
  box = intersect(box, limit);
  if (box.empty()) return;

  // Edge i is opposite vertex i; inside means every edge function >= its threshold (0 on a top
  // or left edge, 1 elsewhere: a centre exactly on a right or bottom edge is outside).
  struct Edge {
    int64_t dx, dy, x, y, threshold;
    int64_t at(int64_t px, int64_t py) const { return dx * (py - y) - dy * (px - x); }
  } edges[3];
  for (int i = 0; i < 3; ++i) {
    const int from = (i + 1) % 3, to = (i + 2) % 3;
    Edge& e = edges[i];
    e.dx = X[to] - X[from], e.dy = Y[to] - Y[from], e.x = X[from], e.y = Y[from];
    const bool topLeft = e.dy < 0 || (e.dy == 0 && e.dx > 0);
    e.threshold = topLeft ? 0 : 1;
  }

  const Rgba8 c[3] = {unpack(v[0]->col), unpack(v[1]->col), unpack(v[2]->col)};
  const bool sameUv = v[0]->uv.x == v[1]->uv.x && v[0]->uv.x == v[2]->uv.x && v[0]->uv.y == v[1]->uv.y && v[0]->uv.y == v[2]->uv.y;
  const bool sameColour = v[0]->col == v[1]->col && v[0]->col == v[2]->col;
  const Texture& tex = f.texture;
  const Rgba8 onlyTexel = sameUv ? sample(tex, v[0]->uv) : Rgba8{};
  const Rgba8 constant = modulate(c[0], onlyTexel);

  // Attribute planes: value = sum(edge_i * attribute_i) / area, linear in x along a row.
  const double inv = 1.0 / static_cast<double>(area);
  auto plane = [&](auto attribute) {
    double a[3];
    for (int i = 0; i < 3; ++i) a[i] = attribute(i);
    double stepX = 0;
    for (int i = 0; i < 3; ++i) stepX += static_cast<double>(-edges[i].dy * kOne) * a[i];
    return std::pair{std::array<double, 3>{a[0], a[1], a[2]}, stepX * inv};
  };
  const float tw = static_cast<float>(tex.width), th = static_cast<float>(tex.height);
  const auto pr = plane([&](int i) { return static_cast<double>(c[i].r); });
  const auto pg = plane([&](int i) { return static_cast<double>(c[i].g); });
  const auto pb = plane([&](int i) { return static_cast<double>(c[i].b); });
  const auto pa = plane([&](int i) { return static_cast<double>(c[i].a); });
  const auto ps = plane([&](int i) { return static_cast<double>(v[i]->uv.x * tw - 0.5f); });
  const auto pt = plane([&](int i) { return static_cast<double>(v[i]->uv.y * th - 0.5f); });
  auto valueAt = [&](const auto& p, const int64_t* e) {
    return (static_cast<double>(e[0]) * p.first[0] + static_cast<double>(e[1]) * p.first[1] + static_cast<double>(e[2]) * p.first[2]) * inv;
  };

  for (int y = box.y0; y < box.y1; ++y) {
    const int64_t py = y * kOne + kHalf, px = box.x0 * kOne + kHalf;
    int64_t e[3];
    int64_t first = 0, last = box.x1 - box.x0 - 1;  // pixels as offsets from box.x0
    for (int i = 0; i < 3; ++i) {
      e[i] = edges[i].at(px, py);
      const int64_t step = -edges[i].dy * kOne;
      const int64_t need = edges[i].threshold - e[i];  // step * k >= need
      if (step == 0) {
        if (need > 0) first = last + 1;
      } else if (step > 0) {
        first = std::max(first, ceilDiv(need, step));
      } else {
        last = std::min(last, floorDiv(-need, -step));
      }
    }
    if (first > last) continue;
    uint32_t* row = f.row(y);
    const int x0 = box.x0 + static_cast<int>(first), x1 = box.x0 + static_cast<int>(last) + 1;
    if (sameUv && sameColour) {
      blendSpan(row, x0, x1, constant);
      continue;
    }
    int64_t ef[3];
    for (int i = 0; i < 3; ++i) ef[i] = e[i] - edges[i].dy * kOne * first;
    double r = valueAt(pr, ef), g = valueAt(pg, ef), b = valueAt(pb, ef), a = valueAt(pa, ef), s = valueAt(ps, ef), t = valueAt(pt, ef);
    for (int x = x0; x < x1; ++x) {
      auto to8 = [](double value) { return static_cast<uint32_t>(std::clamp(value + 0.5, 0.0, 255.0)); };
      const Rgba8 colour{to8(r), to8(g), to8(b), to8(a)};
      const Rgba8 texelColour = sameUv ? onlyTexel
                                       : sampleFixed(tex, static_cast<int32_t>(std::lround(s * 256.0)), static_cast<int32_t>(std::lround(t * 256.0)));
      row[x] = blend(row[x], modulate(colour, texelColour));
      r += pr.second, g += pg.second, b += pb.second, a += pa.second, s += ps.second, t += pt.second;
    }
  }
}

// ImGui's quads: two triangles (a, b, c) and (a, c, d) over an axis-aligned rectangle with one
// colour and texture coordinates that follow the axes.
bool isRect(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c, const ImDrawVert& d) {
  return a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y && d.pos.x == a.pos.x && a.pos.x != b.pos.x &&
         a.pos.y != d.pos.y && a.col == b.col && a.col == c.col && a.col == d.col && a.uv.x == d.uv.x && b.uv.x == c.uv.x &&
         a.uv.y == b.uv.y && c.uv.y == d.uv.y;
}

}  // namespace

void SoftwareRenderer::reloadFonts(bool releaseImGuiCopy) {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  if (!atlas.TexPixelsAlpha8 && !atlas.TexPixelsRGBA32) atlas.Build();
  Texture t;
  t.width = atlas.TexWidth, t.height = atlas.TexHeight;
  const size_t count = static_cast<size_t>(t.width) * static_cast<size_t>(t.height);
  if (atlas.TexPixelsAlpha8) {
    t.alpha.assign(atlas.TexPixelsAlpha8, atlas.TexPixelsAlpha8 + count);
  } else {
    t.rgba.assign(atlas.TexPixelsRGBA32, atlas.TexPixelsRGBA32 + count);
    t.coloured = std::any_of(t.rgba.begin(), t.rgba.end(), [](uint32_t c) { return (c & 0x00FFFFFF) != 0x00FFFFFF; });
    if (!t.coloured) {  // white everywhere: only the coverage matters
      t.alpha.resize(count);
      std::transform(t.rgba.begin(), t.rgba.end(), t.alpha.begin(), [](uint32_t c) { return static_cast<uint8_t>(c >> 24); });
      std::vector<uint32_t>().swap(t.rgba);
    }
  }
  t.generation = texture_.generation + 1;
  texture_ = std::move(t);
  // The renderer draws with its one texture whatever the id; ImGui only needs it set.
  if (!atlas.TexID) atlas.SetTexID(static_cast<ImTextureID>(&texture_));
  if (releaseImGuiCopy) atlas.ClearTexData();
}

void SoftwareRenderer::collect(const ImDrawData* data) {
  primitives_.clear();
  primitiveHashes_.clear();
  if (!data) return;
  const Box frame{0, 0, size_.width, size_.height};
  const ImVec2 offset = data->DisplayPos, scale = data->FramebufferScale;
  const float fbHeight = static_cast<float>(size_.height);
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList& list = *data->CmdLists[l];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) continue;  // the kiosk sets none; a reset of GL state means nothing here
      const float cx0 = (cmd.ClipRect.x - offset.x) * scale.x, cy0 = (cmd.ClipRect.y - offset.y) * scale.y;
      const float cx1 = (cmd.ClipRect.z - offset.x) * scale.x, cy1 = (cmd.ClipRect.w - offset.y) * scale.y;
      if (cx1 <= cx0 || cy1 <= cy0) continue;
      // ImGui's GL renderer turns the clip rectangle into a scissor box by truncating to whole
      // pixels, bottom-up; the same arithmetic gives the same pixels.
      const int sx = static_cast<int>(bounded(cx0)), sw = static_cast<int>(bounded(cx1 - cx0)), sh = static_cast<int>(bounded(cy1 - cy0));
      const int top = size_.height - (static_cast<int>(bounded(fbHeight - cy1)) + sh);
      const Box clip = intersect({sx, top, sx + sw, top + sh}, frame);
      if (clip.empty()) continue;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      const uint64_t clipHash = mix(mix(0, (uint64_t(uint32_t(clip.x0)) << 32) | uint32_t(clip.y0)), (uint64_t(uint32_t(clip.x1)) << 32) | uint32_t(clip.y1));
      for (unsigned i = 0; i + 3 <= cmd.ElemCount;) {
        Primitive p;
        p.clip = clip;
        int count = 3;
        if (i + 6 <= cmd.ElemCount && idx[i + 3] == idx[i] && idx[i + 4] == idx[i + 2] &&
            isRect(vtx[idx[i]], vtx[idx[i + 1]], vtx[idx[i + 2]], vtx[idx[i + 5]])) {
          p.rect = true;
          count = 4;
          p.v[0] = &vtx[idx[i]], p.v[1] = &vtx[idx[i + 1]], p.v[2] = &vtx[idx[i + 2]], p.v[3] = &vtx[idx[i + 5]];
          i += 6;
        } else {
          p.v[0] = &vtx[idx[i]], p.v[1] = &vtx[idx[i + 1]], p.v[2] = &vtx[idx[i + 2]];
          i += 3;
        }
        float minX = p.v[0]->pos.x, maxX = minX, minY = p.v[0]->pos.y, maxY = minY;
        uint64_t h = clipHash + static_cast<uint64_t>(count);
        for (int k = 0; k < count; ++k) {
          minX = std::min(minX, p.v[k]->pos.x), maxX = std::max(maxX, p.v[k]->pos.x);
          minY = std::min(minY, p.v[k]->pos.y), maxY = std::max(maxY, p.v[k]->pos.y);
          h = hashVertex(h, *p.v[k]);
        }
        const Box reach{static_cast<int>(std::floor(bounded((minX - offset.x) * scale.x))) - 1, static_cast<int>(std::floor(bounded((minY - offset.y) * scale.y))) - 1,
                        static_cast<int>(std::ceil(bounded((maxX - offset.x) * scale.x))) + 1, static_cast<int>(std::ceil(bounded((maxY - offset.y) * scale.y))) + 1};
        p.bounds = intersect(reach, clip);
        if (p.bounds.empty()) continue;
        primitives_.push_back(p);
        primitiveHashes_.push_back(h);
      }
    }
  }
}

void SoftwareRenderer::hashTiles(uint32_t clearRgb) {
  tilesX_ = (size_.width + kTile - 1) / kTile;
  tilesY_ = (size_.height + kTile - 1) / kTile;
  tiles_.assign(static_cast<size_t>(tilesX_) * static_cast<size_t>(tilesY_), mix(mix(clearRgb, texture_.generation), 0x6b69));
  for (size_t n = 0; n < primitives_.size(); ++n) {
    const Box& b = primitives_[n].bounds;
    for (int ty = b.y0 / kTile; ty <= (b.y1 - 1) / kTile; ++ty) {
      uint64_t* row = tiles_.data() + static_cast<size_t>(ty) * static_cast<size_t>(tilesX_);
      for (int tx = b.x0 / kTile; tx <= (b.x1 - 1) / kTile; ++tx) row[tx] = mix(row[tx], primitiveHashes_[n]);
    }
  }
}

void SoftwareRenderer::findDamage() {
  const bool everything = previousTiles_.size() != tiles_.size();
  damagedTiles_.assign(tiles_.size(), 0);
  stats_.tiles = static_cast<int>(tiles_.size());
  stats_.tilesRedrawn = 0;
  for (size_t t = 0; t < tiles_.size(); ++t) {
    damagedTiles_[t] = everything || tiles_[t] != previousTiles_[t];
    stats_.tilesRedrawn += damagedTiles_[t];
  }
  previousTiles_.swap(tiles_);

  // Runs of damaged tiles per tile row, merged with the run just above when it spans the same
  // columns: few rectangles for the window to show.
  damage_.clear();
  std::vector<size_t> openAbove;  // damage_ indices of the previous tile row's runs
  for (int ty = 0; ty < tilesY_; ++ty) {
    std::vector<size_t> open;
    for (int tx = 0; tx < tilesX_;) {
      if (!damagedTiles_[static_cast<size_t>(ty * tilesX_ + tx)]) {
        ++tx;
        continue;
      }
      int end = tx;
      while (end < tilesX_ && damagedTiles_[static_cast<size_t>(ty * tilesX_ + end)]) ++end;
      const int x = tx * kTile, w = std::min(end * kTile, size_.width) - x;
      const int y = ty * kTile, h = std::min(y + kTile, size_.height) - y;
      const auto above = std::find_if(openAbove.begin(), openAbove.end(), [&](size_t i) { return damage_[i].x == x && damage_[i].width == w; });
      if (above != openAbove.end()) {
        damage_[*above].height += h;
        open.push_back(*above);
      } else {
        damage_.push_back({x, y, w, h});
        open.push_back(damage_.size() - 1);
      }
      tx = end;
    }
    openAbove.swap(open);
  }
}

void SoftwareRenderer::drawWithin(const Primitive& p, const Box& limit) {
  const Frame f{pixels_.data(), size_.width, texture_, {offsetX_, offsetY_}, {scaleX_, scaleY_}};
  if (p.rect) {
    drawRect(f, p.v, limit);
    return;
  }
  drawTriangle(f, p.v, limit);
}

void SoftwareRenderer::draw(uint32_t clearRgb) {
  const uint32_t clear = 0xFF000000u | (clearRgb & 0xFFFFFF);
  for (const PixelRect& r : damage_) {
    for (int y = r.y; y < r.y + r.height; ++y) {
      uint32_t* row = pixels_.data() + static_cast<size_t>(y) * static_cast<size_t>(size_.width);
      std::fill(row + r.x, row + r.x + r.width, clear);
    }
  }
  stats_.rects = stats_.texturedQuads = stats_.triangles = 0;
  for (const Primitive& p : primitives_) {
    bool drawn = false;
    const Box& b = p.bounds;
    for (int ty = b.y0 / kTile; ty <= (b.y1 - 1) / kTile; ++ty) {
      const uint8_t* damaged = damagedTiles_.data() + static_cast<size_t>(ty) * static_cast<size_t>(tilesX_);
      const int last = (b.x1 - 1) / kTile;
      for (int tx = b.x0 / kTile; tx <= last;) {
        if (!damaged[tx]) {
          ++tx;
          continue;
        }
        int end = tx;
        while (end <= last && damaged[end]) ++end;
        drawWithin(p, intersect(b, {tx * kTile, ty * kTile, end * kTile, (ty + 1) * kTile}));
        drawn = true;
        tx = end;
      }
    }
    if (!drawn) continue;
    if (!p.rect) ++stats_.triangles;
    else if (p.v[0]->uv.x == p.v[1]->uv.x) ++stats_.rects;
    else ++stats_.texturedQuads;
  }
}

void SoftwareRenderer::render(const ImDrawData* data, Size size, uint32_t clearRgb) {
  if (size.width != size_.width || size.height != size_.height) {
    size_ = size;
    pixels_.assign(static_cast<size_t>(size.width) * static_cast<size_t>(size.height), 0xFF000000u);
    previousTiles_.clear();
  }
  if (data) {
    offsetX_ = data->DisplayPos.x, offsetY_ = data->DisplayPos.y;
    scaleX_ = data->FramebufferScale.x, scaleY_ = data->FramebufferScale.y;
  }
  collect(data);
  hashTiles(clearRgb);
  findDamage();
  draw(clearRgb);
}

void SoftwareRenderer::capture(Image& out) const {
  out.width = size_.width;
  out.height = size_.height;
  out.rgba.resize(pixels_.size() * 4);
  uint8_t* to = out.rgba.data();
  for (const uint32_t p : pixels_) {
    *to++ = static_cast<uint8_t>(p >> 16);
    *to++ = static_cast<uint8_t>(p >> 8);
    *to++ = static_cast<uint8_t>(p);
    *to++ = 255;
  }
}

}  // namespace kiosk::platform
