# One place for the warning set every kiosk target uses.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
# GCC 12 at -O2 reports std::variant holding a std::string as "maybe uninitialized" where it
# cannot be (GCC bugs 105562, 107919); the warning is all noise on this compiler.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kiosk_warnings INTERFACE -Wno-maybe-uninitialized)
endif()
if(KIOSK_WERROR)
  target_compile_options(kiosk_warnings INTERFACE -Werror)
endif()
# Sanitizers (docs/reliability.md): every finding stops the test that made it — UBSan would
# otherwise print and carry on, and a test that passes with a report in its log proves nothing.
if(KIOSK_SANITIZE AND KIOSK_SANITIZE_THREAD)
  message(FATAL_ERROR "KIOSK_SANITIZE and KIOSK_SANITIZE_THREAD cannot be combined: use the sanitize and tsan presets")
endif()
if(KIOSK_SANITIZE)
  target_compile_options(kiosk_warnings INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kiosk_warnings INTERFACE -fsanitize=address,undefined)
endif()
if(KIOSK_SANITIZE_THREAD)
  target_compile_options(kiosk_warnings INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(kiosk_warnings INTERFACE -fsanitize=thread)
endif()
add_library(kiosk::warnings ALIAS kiosk_warnings)
