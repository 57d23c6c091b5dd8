# kiosk_require_no_imgui(<target>...): configuration fails if any of these targets links ImGui,
# directly or through any target it links (and the targets those link, all the way down).
#
# Checked once every directory has been added (a deferred call at the end of the top-level
# CMakeLists.txt), so targets defined after the caller — the platform, the server — are walked too.

# Every target <target> links, directly or through others: its LINK_LIBRARIES and
# INTERFACE_LINK_LIBRARIES, aliases resolved, $<LINK_ONLY:...> unwrapped, followed recursively.
# Items that are not targets (flags, library files) are kept as they are, so they can be checked too.
function(kiosk_all_links target out)
  set(seen "")
  set(todo ${target})
  while(todo)
    list(POP_FRONT todo item)
    if(item IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${item})
    if(NOT TARGET ${item})
      continue()
    endif()
    get_target_property(aliased ${item} ALIASED_TARGET)
    if(aliased)
      list(APPEND todo ${aliased})
      continue()
    endif()
    set(direct "")
    foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
      get_target_property(links ${item} ${property})
      if(links)
        list(APPEND direct ${links})
      endif()
    endforeach()
    foreach(link IN LISTS direct)
      # A static library's private links appear in its interface as $<LINK_ONLY:name>.
      string(REGEX REPLACE "^\\$<LINK_ONLY:(.+)>$" "\\1" link "${link}")
      list(APPEND todo ${link})
    endforeach()
  endwhile()
  list(REMOVE_ITEM seen ${target})
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# The deferred check: every target ever passed to kiosk_require_no_imgui.
function(kiosk_check_no_imgui)
  get_property(pures GLOBAL PROPERTY KIOSK_NO_IMGUI_TARGETS)
  foreach(pure IN LISTS pures)
    if(NOT TARGET ${pure})
      message(FATAL_ERROR "kiosk_require_no_imgui: there is no target ${pure}")
    endif()
    kiosk_all_links(${pure} links)
    foreach(link IN LISTS links)
      string(TOLOWER "${link}" lower)
      if(lower MATCHES "imgui")
        message(FATAL_ERROR "${pure} must not link ImGui, but it links ${link} (all it links: ${links})")
      endif()
    endforeach()
  endforeach()
endfunction()

function(kiosk_require_no_imgui)
  get_property(scheduled GLOBAL PROPERTY KIOSK_NO_IMGUI_TARGETS SET)
  set_property(GLOBAL APPEND PROPERTY KIOSK_NO_IMGUI_TARGETS ${ARGN})
  if(NOT scheduled)
    # A deferred call reads its arguments when it runs, so the targets travel in the property.
    cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL kiosk_check_no_imgui)
  endif()
endfunction()
