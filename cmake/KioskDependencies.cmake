# Every dependency comes from a Debian bookworm package; nothing is vendored or downloaded.
find_package(PkgConfig REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(OpenGL REQUIRED)
find_package(Threads REQUIRED)

pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc icu-i18n)
pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(GLFW REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)

# Debian's libimgui.a bundles the renderer backends and imgui_freetype, but imgui.pc leaves the
# backends folder off the include path and FreeType off the link line.
find_path(IMGUI_BACKENDS_DIR imgui_impl_opengl3.h PATHS ${IMGUI_INCLUDEDIR} PATH_SUFFIXES backends imgui/backends REQUIRED)
add_library(kiosk_imgui INTERFACE)
target_link_libraries(kiosk_imgui INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE ${CMAKE_DL_LIBS})
target_include_directories(kiosk_imgui SYSTEM INTERFACE ${IMGUI_INCLUDEDIR} ${IMGUI_BACKENDS_DIR})
add_library(kiosk::imgui ALIAS kiosk_imgui)

# stb_image_write: header from libstb-dev, implementation in its libstb.
find_library(STB_LIBRARY NAMES stb REQUIRED)
find_path(STB_INCLUDE_DIR stb/stb_image_write.h REQUIRED)
add_library(kiosk_stb INTERFACE)
target_link_libraries(kiosk_stb INTERFACE ${STB_LIBRARY})
target_include_directories(kiosk_stb SYSTEM INTERFACE ${STB_INCLUDE_DIR})
add_library(kiosk::stb ALIAS kiosk_stb)
