# Regenerates docs/accessibility.md into OUT and fails when the committed DOC differs: the
# document must always be what the checks say.
execute_process(COMMAND ${REPORT} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "accessibility_report exited with ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${DOC} RESULT_VARIABLE differs)
if(differs)
  message(FATAL_ERROR "docs/accessibility.md is not what the checks say now (the new version is ${OUT}).\n"
                      "Regenerate it and commit the result:\n"
                      "  build/ci/tests/accessibility_report docs/accessibility.md\n"
                      "(or, from this build: ${REPORT} ${DOC})")
endif()
