# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# doctor_test_traits(SOURCE LIBRARIES_VAR LABELS_VAR): what a test links and how CTest labels
# it, read from the test's source, so a new tst_*.cpp is linked and labelled without a list
# to keep. The test's file is a configure dependency: an edit re-runs CMake.
#
# Libraries: the lowest project library whose headers it includes (ARCHITECTURE.md: "the
# lowest library it needs"): doctor_ui for a header of ui/ or any QtWidgets header,
# doctor_models for a header of models/, otherwise doctor_core; doctor_cli for "cli/...";
# plus Qt6::Gui for a QtGui header, Qt6::Network for a QtNetwork one and yaml-cpp for
# <yaml-cpp/...>.
#
# Labels (the lanes select by them: tools/dev sanitize, README "Tests"):
#   unit     needs no PostgreSQL server       pg       tst_pg_*: the fixture server
#   gui      creates widgets (links doctor_ui)
#   threads  starts threads of ours (ThreadSanitizer runs these): uses a class that starts
#            them (the runner, the connection tester, the secret store, and what owns them),
#            a thread primitive, the silent test server, or runs the doctor binary
#   timing   asserts on wall-clock time; RUN_SERIAL, since other tests' load adds to it
#   perf     a performance budget that instrumentation breaks (not run under sanitizers)
# A class that starts threads joins DOCTOR_THREAD_STARTERS below.
set(DOCTOR_THREAD_STARTERS
    CheckRunner runAndWait ConnectionTester ConnectionDialog SecretStore PasswordPrompt
    MainWindow SilentServer QtConcurrent QThreadPool QThread "std::thread" MigrationsFilterModel
    HistoryClient FleetLoader
    "/app/doctor\"")
set(DOCTOR_TIMING_MARKERS QElapsedTimer StallProbe elapsedMs)
# Event-loop stall budgets of tens of milliseconds: under ASan or TSan they measure the
# sanitizer, not the application.
set(DOCTOR_PERF_TESTS tst_uistall)

set(qt_headers ${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS})

function(doctor_test_traits src out_libs out_labels)
    get_filename_component(name ${src} NAME_WE)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${src})
    file(READ ${src} text)

    set(ui FALSE)
    set(models FALSE)
    set(libs)
    string(REGEX MATCHALL "#include [<\"][^>\"]+[>\"]" includes "${text}")
    foreach(inc IN LISTS includes)
        string(REGEX REPLACE "#include [<\"]([^>\"]+)[>\"]" "\\1" h "${inc}")
        if(EXISTS ${PROJECT_SOURCE_DIR}/ui/${h} OR EXISTS ${qt_headers}/QtWidgets/${h}
           OR h MATCHES "^QtWidgets/")
            set(ui TRUE)
        elseif(EXISTS ${PROJECT_SOURCE_DIR}/models/${h})
            set(models TRUE)
        elseif(EXISTS ${qt_headers}/QtGui/${h} OR h MATCHES "^QtGui/")
            list(APPEND libs Qt6::Gui)
        elseif(h MATCHES "^cli/")
            list(APPEND libs doctor_cli)
        elseif(EXISTS ${qt_headers}/QtNetwork/${h} OR h MATCHES "^QtNetwork/")
            list(APPEND libs Qt6::Network) # tst_pushgateway reads the gateway back
        elseif(h MATCHES "^yaml-cpp/")
            list(APPEND libs yaml-cpp::yaml-cpp)
        elseif(h STREQUAL "libpq-fe.h")
            list(APPEND libs PostgreSQL::PostgreSQL)
        endif()
    endforeach()
    if(ui)
        list(PREPEND libs doctor_ui)
    elseif(models)
        list(PREPEND libs doctor_models)
    else()
        list(PREPEND libs doctor_core)
    endif()
    list(REMOVE_DUPLICATES libs)

    if(name MATCHES "^tst_pg_")
        set(labels pg)
    else()
        set(labels unit)
    endif()
    if(ui)
        list(APPEND labels gui)
    endif()
    string(REGEX REPLACE "//[^\n]*" "" code "${text}") # a class named in a comment starts nothing
    foreach(marker IN LISTS DOCTOR_THREAD_STARTERS)
        string(FIND "${code}" "${marker}" at)
        if(at GREATER -1)
            list(APPEND labels threads)
            break()
        endif()
    endforeach()
    foreach(marker IN LISTS DOCTOR_TIMING_MARKERS)
        string(FIND "${code}" "${marker}" at)
        if(at GREATER -1)
            list(APPEND labels timing)
            break()
        endif()
    endforeach()
    if(name IN_LIST DOCTOR_PERF_TESTS)
        list(APPEND labels perf)
    endif()

    set(${out_libs} ${libs} PARENT_SCOPE)
    set(${out_labels} ${labels} PARENT_SCOPE)
endfunction()
