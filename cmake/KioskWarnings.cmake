# One place for the warning set every kiosk target uses.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
if(KIOSK_WERROR)
  target_compile_options(kiosk_warnings INTERFACE -Werror)
endif()
if(KIOSK_SANITIZE)
  target_compile_options(kiosk_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(kiosk_warnings INTERFACE -fsanitize=address,undefined)
endif()
add_library(kiosk::warnings ALIAS kiosk_warnings)
