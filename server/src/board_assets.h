#pragma once
// The reception board's pages and assets from server/web, compiled in (see web/embed.cmake).

#include <string_view>
#include <vector>

namespace jobcenter {

struct WebAsset {
  std::string_view name;  // "staff.html", "board.css"
  std::string_view content;
};

const std::vector<WebAsset>& boardAssets();

}  // namespace jobcenter
