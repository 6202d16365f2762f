# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# The layer test (ARCHITECTURE.md, "Rooms"): the dependency arrows point down only,
# app -> ui -> models -> checks, and inside checks/ engine/ is the floor that includes none
# of its sibling rooms. Fails, naming file, line and rule, on a forbidden #include:
#   - checks/engine/ includes a sibling room of checks/ (every other folder of checks/);
#   - checks/ includes a header of models/ or ui/, a QtWidgets, QtGui or QtNetwork header, or
#     app/cli (doctor run --push's QtNetwork lives in app/cli/pushgateway.cpp);
#   - models/ includes a header of ui/ or a QtWidgets header;
#   - app/cli/ includes a header of models/ or ui/, or a QtWidgets header (doctor_cli links
#     doctor_core only).
# Run: cmake -DSOURCE_DIR=<checkout> -DQT_HEADERS=<Qt's include folder> -P tests/layers.cmake
# (QT_HEADERS holds QtWidgets/ and QtGui/; ctest passes both.)
cmake_minimum_required(VERSION 3.25)
if(NOT SOURCE_DIR OR NOT QT_HEADERS)
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=DIR -DQT_HEADERS=DIR -P layers.cmake")
endif()
if(NOT IS_DIRECTORY ${QT_HEADERS}/QtWidgets OR NOT IS_DIRECTORY ${QT_HEADERS}/QtGui)
    message(FATAL_ERROR "${QT_HEADERS} holds no QtWidgets/ and QtGui/ folders")
endif()

# The rooms of checks/ other than engine/, found rather than listed, so a new room
# (history/, say) is a sibling from its first file.
file(GLOB rooms LIST_DIRECTORIES true RELATIVE ${SOURCE_DIR}/checks ${SOURCE_DIR}/checks/*)
set(siblings)
foreach(room IN LISTS rooms)
    if(IS_DIRECTORY ${SOURCE_DIR}/checks/${room} AND NOT room STREQUAL "engine"
       AND NOT room STREQUAL "connection")
        list(APPEND siblings ${room})
    endif()
endforeach()

set(rule_engine "checks/engine/ includes none of its sibling rooms but connection/; a check says \
what it needs through the Check interface or its context")
# connection/ is the floor beneath the engine: the ConnectionSpec value that an Environment
# holds, and the parsers that make one (libpq, Npgsql). It includes no other room.
set(rule_connection "checks/connection/ (connection specs and their parsers) is the floor \
beneath the engine: it includes no other room of checks/")
set(rule_core_up "nothing in checks/ includes models/ or ui/ (the arrows point down: \
app -> ui -> models -> checks)")
set(rule_core_qt "checks/ (doctor_core) uses QtCore and QtSql only: no QtWidgets, QtGui or \
QtNetwork header")
set(rule_core_cli "checks/ does not include the CLI (app/cli/ stands beside the core and uses it)")
set(rule_models "models/ includes no ui/ header and no QtWidgets header (QtGui at most)")
set(rule_cli "app/cli/ (doctor_cli) stands on doctor_core alone: no models/, ui/ or QtWidgets \
header")
set(violations 0)

# report(FILE CONTENT INCLUDE_LINE RULE): prints "file:line: #include ...: rule".
function(report file content line rule)
    string(FIND "${content}" "${line}" at)
    string(SUBSTRING "${content}" 0 ${at} before)
    string(REGEX MATCHALL "\n" newlines "${before}")
    list(LENGTH newlines n)
    math(EXPR n "${n} + 1")
    string(STRIP "${line}" shown)
    message("${file}:${n}: ${shown}: ${rule}")
    math(EXPR count "${violations} + 1")
    set(violations ${count} PARENT_SCOPE)
endfunction()

# Whether header H (as written in the #include) is one of room DIR's headers: "ui/x.h" or
# a bare "x.h" that exists in DIR.
function(in_room h dir out)
    get_filename_component(base ${h} NAME)
    if(h MATCHES "^${dir}/" OR (h STREQUAL base AND EXISTS ${SOURCE_DIR}/${dir}/${base}))
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

function(is_qt h module out)
    if(h MATCHES "^${module}(/|$)" OR (NOT h MATCHES "/" AND EXISTS ${QT_HEADERS}/${module}/${h}))
        set(${out} TRUE PARENT_SCOPE)
    else()
        set(${out} FALSE PARENT_SCOPE)
    endif()
endfunction()

file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/checks/*.h ${SOURCE_DIR}/checks/*.cpp
    ${SOURCE_DIR}/models/*.h ${SOURCE_DIR}/models/*.cpp
    ${SOURCE_DIR}/app/cli/*.h ${SOURCE_DIR}/app/cli/*.cpp)
list(SORT sources)
foreach(file IN LISTS sources)
    file(READ ${SOURCE_DIR}/${file} content)
    string(REGEX MATCHALL "\n[ \t]*#[ \t]*include[ \t]*[<\"][^>\"\n]+[>\"]" lines "\n${content}")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE "^\n" "" line "${line}")
        string(REGEX REPLACE ".*[<\"]([^>\"]+)[>\"]$" "\\1" h "${line}")
        in_room(${h} ui is_ui)
        in_room(${h} models is_models)
        is_qt(${h} QtWidgets is_widgets)
        is_qt(${h} QtGui is_gui)
        is_qt(${h} QtNetwork is_network)
        if(file MATCHES "^checks/")
            if(file MATCHES "^checks/engine/")
                foreach(room IN LISTS siblings)
                    if(h MATCHES "^${room}/")
                        report(${file} "${content}" "${line}"
                            "${rule_engine}")
                    endif()
                endforeach()
            endif()
            if(file MATCHES "^checks/connection/" AND h MATCHES "^[a-z]+/"
               AND NOT h MATCHES "^connection/")
                string(REGEX REPLACE "/.*" "" hroom "${h}")
                if(IS_DIRECTORY ${SOURCE_DIR}/checks/${hroom})
                    report(${file} "${content}" "${line}" "${rule_connection}")
                endif()
            endif()
            if(is_ui OR is_models)
                report(${file} "${content}" "${line}"
                    "${rule_core_up}")
            endif()
            if(is_widgets OR is_gui OR is_network)
                report(${file} "${content}" "${line}"
                    "${rule_core_qt}")
            endif()
            in_room(${h} app/cli is_cli)
            if(h MATCHES "^cli/" OR is_cli)
                report(${file} "${content}" "${line}"
                    "${rule_core_cli}")
            endif()
        elseif(file MATCHES "^models/")
            if(is_ui OR is_widgets)
                report(${file} "${content}" "${line}"
                    "${rule_models}")
            endif()
        elseif(file MATCHES "^app/cli/")
            if(is_ui OR is_models OR is_widgets)
                report(${file} "${content}" "${line}"
                    "${rule_cli}")
            endif()
        endif()
    endforeach()
endforeach()

list(LENGTH sources checked)
if(violations GREATER 0)
    message(FATAL_ERROR "${violations} forbidden include(s) in ${checked} files "
        "(rules: tests/layers.cmake, ARCHITECTURE.md \"Rooms\")")
endif()
message("layers: ${checked} files of checks/, models/ and app/cli/ include only what their "
    "layer may")
