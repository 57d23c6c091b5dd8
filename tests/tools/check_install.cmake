# Installs the build into a fresh prefix and runs the installed kiosk from there, with no
# --data-dir: it must read its catalogs and assets/ from share/jobcenter-kiosk beside its bin/, not
# from the source checkout it was built in. To tell the two apart, the installed copy is changed:
# a catalog text is altered (the kiosk must show the altered one), then the guided tour is removed
# (the demo must say that "show me how" is not offered).
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}" RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(data "${PREFIX}/share/jobcenter-kiosk")
foreach(installed "${PREFIX}/bin/kiosk" "${PREFIX}/bin/jobcenter-sim" "${data}/i18n/languages.json" "${data}/i18n/da.json"
                  "${data}/assets/tour/self_booking.json")
  if(NOT EXISTS "${installed}")
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()

file(READ "${data}/i18n/da.json" da)
string(REPLACE "Tryk her for at starte" "Installeret: tryk her" da "${da}")
file(WRITE "${data}/i18n/da.json" "${da}")
set(script "${PREFIX}/expect_installed.json")
file(WRITE "${script}" [=[{ "steps": [ { "expect": { "key": "attract.touch_to_start", "text": "Installeret: tryk her" } } ] }]=])
execute_process(COMMAND "${PREFIX}/bin/kiosk" --script "${script}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the installed kiosk did not show its installed catalog (${rc}):\n${out}${err}")
endif()

file(REMOVE "${data}/assets/tour/self_booking.json")
execute_process(COMMAND "${PREFIX}/bin/kiosk" --demo --script "${script}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT "${err}" MATCHES "show me how is not offered")
  message(FATAL_ERROR "the installed demo kiosk did not look for its tour in the installed assets (${rc}):\n${out}${err}")
endif()
file(REMOVE_RECURSE "${PREFIX}")
