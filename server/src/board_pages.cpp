// The reception board's pages: /staff (help calls and arrivals), /manager (figures), /fleet
// (kiosk health), and their CSS and scripts under /board/. Plain files, no framework: a board
// must load instantly on any desk PC with nothing fetched from elsewhere, and stay readable by
// whoever maintains the jobcenter's own copy.

#include "board_assets.h"
#include "routes.h"

namespace jobcenter {
namespace {

std::string_view contentType(std::string_view name) {
  if (name.ends_with(".html")) return "text/html; charset=utf-8";
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  return "text/javascript; charset=utf-8";
}

std::string_view asset(std::string_view name) {
  for (const auto& a : boardAssets()) {
    if (a.name == name) return a.content;
  }
  return {};
}

void serve(httplib::Response& res, std::string_view name) {
  res.set_header("X-Frame-Options", "DENY");
  // Only this server's own files: no inline script, nothing from elsewhere.
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  res.set_content(std::string(asset(name)), std::string(contentType(name)));
}

}  // namespace

void addBoardPages(httplib::Server& server, RouteContext&) {
  for (const char* page : {"staff", "manager", "fleet"}) {
    server.Get(std::string("/") + page, [page](const httplib::Request&, httplib::Response& res) { serve(res, std::string(page) + ".html"); });
  }
  for (const char* file : {"board.css", "board.js", "staff.js", "manager.js", "fleet.js"}) {
    server.Get(std::string("/board/") + file, [file](const httplib::Request&, httplib::Response& res) { serve(res, file); });
  }
}

}  // namespace jobcenter
