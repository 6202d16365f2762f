# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# The formatting check: clang-format --dry-run -Werror (style: .clang-format) over every
# .cpp and .h of the source rooms (checks/ models/ ui/ app/ tests/). Fails on drift and
# lists the files that drift, with the command that fixes them.
# Run: cmake -DSOURCE_DIR=<checkout> -DCLANG_FORMAT=<clang-format> -P tests/format.cmake
# The style is clang-format 19's (Debian 13); another major version may format differently.
cmake_minimum_required(VERSION 3.25)
if(NOT SOURCE_DIR)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=DIR -DCLANG_FORMAT=PROGRAM -P format.cmake")
endif()
if(NOT CLANG_FORMAT)
    # ctest shows this test as skipped (SKIP_REGULAR_EXPRESSION), not passed.
    message("SKIPPED: clang-format not found; install it (Debian: clang-format) and reconfigure")
    return()
endif()

file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/checks/*.cpp ${SOURCE_DIR}/checks/*.h
    ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
    ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
    ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
list(SORT files)
execute_process(COMMAND ${CLANG_FORMAT} --version OUTPUT_VARIABLE version
    OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror --ferror-limit=1 ${files}
    WORKING_DIRECTORY ${SOURCE_DIR}
    RESULT_VARIABLE rc ERROR_VARIABLE diagnostics)
list(LENGTH files checked)
if(rc EQUAL 0)
    message("format: ${checked} files as .clang-format says (${version})")
    return()
endif()
# "path:line:col: error: code should be clang-formatted [-Wclang-format-violations]"
string(REGEX MATCHALL "[^\n]+:[0-9]+:[0-9]+: error: code should be clang-formatted" hits
    "${diagnostics}")
set(drifting)
foreach(hit IN LISTS hits)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: error: .*" "" f "${hit}")
    list(APPEND drifting ${f})
endforeach()
list(REMOVE_DUPLICATES drifting)
list(LENGTH drifting n)
if(n EQUAL 0)
    message(FATAL_ERROR "clang-format failed (exit ${rc}):\n${diagnostics}")
endif()
list(JOIN drifting "\n  " shown)
list(JOIN drifting " " args)
message(FATAL_ERROR "${n} of ${checked} files drift from .clang-format (${version}):\n  ${shown}\n"
    "Fix: clang-format -i ${args}")
