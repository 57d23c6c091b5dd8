// The software renderer (platform/software_renderer.*) on shapes whose pixels can be worked out by
// hand: coverage by pixel centres and the top-left rule, GL's blending, clip rectangles, glyphs
// copied from the atlas, anti-aliased edges, and damage: what an unchanged or a changed frame
// redraws, and that a frame drawn over damage equals one drawn from scratch.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>
#include <functional>

#include "platform/software_renderer.h"

using kiosk::platform::PixelRect;
using kiosk::platform::SoftwareRenderer;

namespace {

constexpr uint32_t kBlue = 0x00457C;  // the kiosk's background, as the clear colour
constexpr int kWidth = 256, kHeight = 192;

// An ImGui context of its own with ImGui's built-in font; each frame is drawn into the
// background draw list, as plain shapes with no windows around them.
struct Scene {
  Scene() : context(ImGui::CreateContext()) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kWidth, kHeight);
    io.DeltaTime = 1.f / 60;
    io.Fonts->AddFontDefault();
    io.Fonts->Build();
    renderer.reloadFonts(/*releaseImGuiCopy=*/false);  // the tests read the atlas too
  }
  ~Scene() { ImGui::DestroyContext(context); }

  ImDrawData* frame(const std::function<void(ImDrawList&)>& draw) {
    ImGui::SetCurrentContext(context);
    ImGui::NewFrame();
    draw(*ImGui::GetBackgroundDrawList());
    ImGui::Render();
    return ImGui::GetDrawData();
  }
  void draw(const std::function<void(ImDrawList&)>& shapes, SoftwareRenderer& into) { into.render(frame(shapes), {kWidth, kHeight}, kBlue); }
  void draw(const std::function<void(ImDrawList&)>& shapes) { draw(shapes, renderer); }

  uint32_t at(int x, int y) const { return renderer.pixels()[y * kWidth + x] & 0xFFFFFF; }
  int count(uint32_t rgb) const {
    int n = 0;
    for (int i = 0; i < kWidth * kHeight; ++i) n += (renderer.pixels()[i] & 0xFFFFFF) == rgb;
    return n;
  }

  ImGuiContext* context;
  SoftwareRenderer renderer;
};

int channel(uint32_t rgb, int shift) { return static_cast<int>((rgb >> shift) & 0xFF); }

}  // namespace

TEST_CASE("a solid rectangle covers exactly the pixels whose centres lie inside it, left and top edges included") {
  Scene s;
  s.draw([](ImDrawList& l) { l.AddRectFilled({10.5f, 20.5f}, {30.5f, 25.5f}, IM_COL32(255, 0, 0, 255)); });
  // Centres at x + 0.5 in [10.5, 30.5): x = 10..29; y = 20..24.
  CHECK(s.count(0xFF0000) == 20 * 5);
  CHECK(s.at(10, 20) == 0xFF0000);
  CHECK(s.at(29, 24) == 0xFF0000);
  CHECK(s.at(30, 24) == kBlue);
  CHECK(s.at(29, 25) == kBlue);
  CHECK(s.renderer.stats().rects == 1);  // the fast path, not two triangles
}

TEST_CASE("a half-transparent colour blends over the background as GL blends: src * a + dst * (1 - a)") {
  Scene s;
  s.draw([](ImDrawList& l) { l.AddRectFilled({0, 0}, {8, 8}, IM_COL32(255, 255, 255, 128)); });
  const uint32_t p = s.at(3, 3);
  // 255 * 128/255 + dst * 127/255, rounded: 0x00 -> 128, 0x45 -> 162, 0x7C -> 190.
  CHECK(channel(p, 16) == 128);
  CHECK(channel(p, 8) == 162);
  CHECK(channel(p, 0) == 190);
}

TEST_CASE("two triangles sharing an edge draw each pixel once, so a half-transparent quad has no seam") {
  Scene s;
  s.draw([](ImDrawList& l) {
    // Not a rectangle (the corners differ in colour), so it goes through the triangle rasterizer.
    l.PrimReserve(6, 4);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const ImU32 a = IM_COL32(255, 255, 255, 128), b = IM_COL32(255, 255, 254, 128);
    l.PrimWriteVtx({3.3f, 4.7f}, uv, a), l.PrimWriteVtx({60.2f, 9.1f}, uv, b);
    l.PrimWriteVtx({50.6f, 70.4f}, uv, a), l.PrimWriteVtx({7.9f, 55.5f}, uv, b);
    const auto i = static_cast<ImDrawIdx>(l._VtxCurrentIdx - 4);
    l.PrimWriteIdx(i), l.PrimWriteIdx(static_cast<ImDrawIdx>(i + 1)), l.PrimWriteIdx(static_cast<ImDrawIdx>(i + 2));
    l.PrimWriteIdx(i), l.PrimWriteIdx(static_cast<ImDrawIdx>(i + 2)), l.PrimWriteIdx(static_cast<ImDrawIdx>(i + 3));
  });
  CHECK(s.renderer.stats().triangles == 2);
  int once = 0, twice = 0;
  for (int y = 0; y < 80; ++y) {
    for (int x = 0; x < 80; ++x) {
      const int red = channel(s.at(x, y), 16);
      once += red == 128;
      twice += red == 192;  // blended a second time over itself
    }
  }
  CHECK(once > 2500);
  CHECK(twice == 0);
}

TEST_CASE("a clip rectangle cuts what is drawn inside it, as GL's scissor does") {
  Scene s;
  s.draw([](ImDrawList& l) {
    l.PushClipRect({20, 30}, {40.7f, 45.2f});
    l.AddRectFilled({0, 0}, {100, 100}, IM_COL32(0, 255, 0, 255));
    l.PopClipRect();
  });
  // GL's scissor as ImGui sets it, in whole pixels counted from the bottom: x from 20, width
  // (int)(40.7 - 20) = 20; bottom (int)(192 - 45.2) = 146, height (int)(45.2 - 30) = 15, so rows
  // 31 to 45 from the top.
  CHECK(s.count(0x00FF00) == 20 * 15);
  CHECK(s.at(20, 31) == 0x00FF00);
  CHECK(s.at(39, 45) == 0x00FF00);
  CHECK(s.at(40, 45) == kBlue);
  CHECK(s.at(19, 31) == kBlue);
  CHECK(s.at(20, 30) == kBlue);
}

TEST_CASE("a glyph drawn at its own size on whole pixels takes each pixel's coverage straight from the atlas") {
  Scene s;
  const ImFontGlyph* glyph = ImGui::GetIO().Fonts->Fonts[0]->FindGlyph('W');
  REQUIRE(glyph);
  unsigned char* atlas = nullptr;
  int aw = 0, ah = 0;
  ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&atlas, &aw, &ah);
  const ImVec2 at(40, 50);
  const ImVec2 size(glyph->X1 - glyph->X0, glyph->Y1 - glyph->Y0);
  s.draw([&](ImDrawList& l) { l.AddImage(ImGui::GetIO().Fonts->TexID, at, {at.x + size.x, at.y + size.y}, {glyph->U0, glyph->V0}, {glyph->U1, glyph->V1}, IM_COL32(255, 255, 255, 255)); });
  CHECK(s.renderer.stats().texturedQuads == 1);
  const int u0 = static_cast<int>(std::lround(glyph->U0 * static_cast<float>(aw))), v0 = static_cast<int>(std::lround(glyph->V0 * static_cast<float>(ah)));
  int inked = 0;
  for (int y = 0; y < static_cast<int>(size.y); ++y) {
    for (int x = 0; x < static_cast<int>(size.x); ++x) {
      const int coverage = atlas[(v0 + y) * aw + u0 + x];
      // White over the background's blue channel (0x7C) with that coverage, rounded as GL does.
      const int expected = (255 * coverage + 0x7C * (255 - coverage) + 127) / 255;
      CHECK(std::abs(channel(s.at(static_cast<int>(at.x) + x, static_cast<int>(at.y) + y), 0) - expected) <= 1);
      inked += coverage > 0;
    }
  }
  CHECK(inked > 10);
}

TEST_CASE("an anti-aliased circle has a solid inside, partial pixels on its edge and the area of a circle") {
  Scene s;
  const float r = 30;
  s.draw([&](ImDrawList& l) { l.AddCircleFilled({100, 90}, r, IM_COL32(255, 255, 255, 255), 64); });
  double area = 0;
  int partial = 0;
  for (int y = 50; y < 130; ++y) {
    for (int x = 60; x < 140; ++x) {
      const int red = channel(s.at(x, y), 16);  // the background has no red: red is coverage
      area += red / 255.0;
      partial += red > 0 && red < 255;
    }
  }
  CHECK(s.at(100, 90) == 0xFFFFFF);
  CHECK(s.at(100, 90 - 35) == kBlue);
  CHECK(partial > 100);                               // the fringe is drawn, not dropped
  CHECK(std::abs(area - M_PI * r * r) < 0.01 * M_PI * r * r);  // and is as wide as one pixel, not two
}

TEST_CASE("a frame identical to the last damages nothing and draws nothing") {
  Scene s;
  auto shapes = [](ImDrawList& l) {
    l.AddRectFilled({10, 10}, {50, 40}, IM_COL32(255, 255, 255, 255), 8);
    l.AddText({12, 60}, IM_COL32(255, 255, 0, 255), "Book a meeting");
  };
  s.draw(shapes);
  CHECK(s.renderer.damage() == std::vector<PixelRect>{{0, 0, kWidth, kHeight}});  // the first frame: everything
  s.draw(shapes);
  CHECK(s.renderer.damage().empty());
  CHECK(s.renderer.stats().tilesRedrawn == 0);
  CHECK(s.renderer.stats().triangles + s.renderer.stats().rects + s.renderer.stats().texturedQuads == 0);
}

TEST_CASE("a button that changes colour damages only the tiles it touches, and the result equals a frame drawn from scratch") {
  Scene s;
  auto buttons = [](ImU32 second) {
    return [second](ImDrawList& l) {
      l.AddRectFilled({10, 10}, {100, 50}, IM_COL32(255, 255, 255, 255), 12);
      l.AddRectFilled({140, 130}, {185, 180}, second, 12);  // within the tile at (128, 128)
      l.AddText({20, 20}, IM_COL32(0, 0, 0, 255), "Check in");
    };
  };
  s.draw(buttons(IM_COL32(255, 255, 255, 255)));
  s.draw(buttons(IM_COL32(255, 200, 0, 255)));
  CHECK(s.renderer.damage() == std::vector<PixelRect>{{128, 128, 64, 64}});
  CHECK(s.renderer.stats().tilesRedrawn == 1);

  SoftwareRenderer fresh;
  fresh.reloadFonts(false);
  s.draw(buttons(IM_COL32(255, 200, 0, 255)), fresh);
  CHECK(std::equal(fresh.pixels(), fresh.pixels() + kWidth * kHeight, s.renderer.pixels()));
}

TEST_CASE("a shape moving across tiles leaves each frame equal to one drawn from scratch") {
  Scene s;
  for (int step = 0; step < 12; ++step) {
    auto shapes = [step](ImDrawList& l) {
      l.AddRectFilled({5, 5}, {250, 30}, IM_COL32(40, 40, 40, 255), 6);
      l.AddCircleFilled({20.f + 17.3f * static_cast<float>(step), 100.f + 3.1f * static_cast<float>(step)}, 25, IM_COL32(255, 255, 255, 200));
      l.AddLine({2, 2}, {20.f + 3.f * static_cast<float>(step), 40}, IM_COL32(255, 0, 0, 255), 3);
    };
    s.draw(shapes);
    SoftwareRenderer fresh;
    fresh.reloadFonts(false);
    s.draw(shapes, fresh);
    INFO("step " << step);
    CHECK(std::equal(fresh.pixels(), fresh.pixels() + kWidth * kHeight, s.renderer.pixels()));
    if (step > 0) CHECK(s.renderer.stats().tilesRedrawn < s.renderer.stats().tiles);
  }
}

TEST_CASE("shapes far larger than the frame, or far outside it, draw what falls inside and nothing else") {
  Scene s;
  s.draw([](ImDrawList& l) {
    l.AddRectFilled({-1e9f, -1e9f}, {1e9f, 1e9f}, IM_COL32(0, 0, 0, 255));
    l.AddTriangleFilled({-3e12f, 5}, {4e12f, 5}, {0, 3e12f}, IM_COL32(255, 255, 255, 255));
    l.AddRectFilled({5e6f, 5e6f}, {6e6f, 6e6f}, IM_COL32(255, 0, 0, 255));
  });
  CHECK(s.count(0xFFFFFF) == kWidth * (kHeight - 5));  // the triangle covers every row from 5 down
  CHECK(s.count(0x000000) == kWidth * 5);
  CHECK(s.count(0xFF0000) == 0);
}
