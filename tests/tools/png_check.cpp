// Checks a screenshot is a real frame: the expected size, many colours (text was drawn, not a
// blank or single-colour window) and the header band in the theme's primary colour.
#include <stb/stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <set>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: png_check FILE WIDTH HEIGHT HEADER_RGB_HEX\n");
    return 2;
  }
  int w = 0, h = 0, n = 0;
  unsigned char* pixels = stbi_load(argv[1], &w, &h, &n, 4);
  if (!pixels) {
    std::fprintf(stderr, "%s: not a readable PNG\n", argv[1]);
    return 1;
  }
  const int wantW = std::atoi(argv[2]), wantH = std::atoi(argv[3]);
  const auto header = static_cast<unsigned>(std::strtoul(argv[4], nullptr, 16));
  std::set<unsigned> colours;
  for (int i = 0; i < w * h; i += 7) {
    const unsigned char* p = pixels + static_cast<size_t>(i) * 4;
    colours.insert((unsigned{p[0]} << 16) | (unsigned{p[1]} << 8) | p[2]);
  }
  const unsigned char* corner = pixels + (static_cast<size_t>(10) * static_cast<size_t>(w) + 10) * 4;
  const unsigned cornerRgb = (unsigned{corner[0]} << 16) | (unsigned{corner[1]} << 8) | corner[2];
  stbi_image_free(pixels);
  int failures = 0;
  if (w != wantW || h != wantH) std::fprintf(stderr, "size %dx%d, expected %dx%d\n", w, h, wantW, wantH), ++failures;
  if (colours.size() < 50) std::fprintf(stderr, "only %zu colours: nothing was drawn\n", colours.size()), ++failures;
  if (cornerRgb != header) std::fprintf(stderr, "top-left pixel is %06X, expected the header colour %06X\n", cornerRgb, header), ++failures;
  if (failures == 0) std::printf("%s: %dx%d, %zu colours, header %06X\n", argv[1], w, h, colours.size(), cornerRgb);
  return failures == 0 ? 0 : 1;
}
