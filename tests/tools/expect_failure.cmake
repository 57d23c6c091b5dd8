# Runs a command that must fail (non-zero exit) and print a message matching EXPECT.
execute_process(COMMAND ${COMMAND_LINE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "expected a failure, the command succeeded:\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${EXPECT}")
  message(FATAL_ERROR "the failure message does not match \"${EXPECT}\":\n${out}${err}")
endif()
message(STATUS "failed as expected: ${err}")
