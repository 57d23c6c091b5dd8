# Writes the reception board's pages and assets (server/web) into one C++ file, so jobcenter-sim
# serves them from memory: nothing to install beside the binary, nothing fetched at run time.
# Usage: cmake -DDIR=<web dir> -DOUT=<file.cpp> -DFILES=a.html,b.js -P embed.cmake
set(body "// Generated from server/web by embed.cmake; edit those files, not this one.\n#include \"board_assets.h\"\n\nnamespace jobcenter {\n\nconst std::vector<WebAsset>& boardAssets() {\n  static const std::vector<WebAsset> assets = {\n")
string(REPLACE "," ";" FILES "${FILES}")
foreach(name IN LISTS FILES)
  file(READ "${DIR}/${name}" content)
  string(FIND "${content}" ")webasset\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} holds the raw-string delimiter )webasset\"")
  endif()
  string(APPEND body "      {\"${name}\", R\"webasset(${content})webasset\"},\n")
endforeach()
string(APPEND body "  };\n  return assets;\n}\n\n}  // namespace jobcenter\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
