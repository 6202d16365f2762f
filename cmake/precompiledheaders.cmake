# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# Precompiled headers (DOCTOR_PCH, on in the asan and tsan presets that `tools/dev test`
# builds): parsing Qt's headers is most of what compiling one of our files costs at -O0
# (measured: clang ASan, a core file 9.1 -> 3.5 s CPU, a test 11.1 -> 5.8 s; BENCHMARKS.md,
# "Build and test time").
#
# A precompiled header is included into every file of its target, so a file that forgets an
# #include still compiles with it. The includes stay honest because of which build goes
# without: the dev preset has no precompiled header and `tools/dev test` builds every
# library and program of it, so a product file that forgets an #include fails there; a test
# gets <QTest> only, which it includes itself.

# The libraries: the Qt and standard headers most of their files include. doctor_core may
# use QtCore and QtSql only (tests/layers.cmake), so its list has nothing of QtGui.
set(DOCTOR_PCH_CORE
    <algorithm> <functional> <memory> <optional> <utility>
    <QByteArray> <QCoreApplication> <QDateTime> <QDir> <QElapsedTimer> <QFile> <QFileInfo>
    <QHash> <QJsonArray> <QJsonDocument> <QJsonObject> <QList> <QLocale> <QMap> <QMutex>
    <QObject> <QProcessEnvironment> <QRegularExpression> <QSet> <QSqlDatabase> <QSqlError>
    <QSqlQuery> <QString> <QStringList> <QTimer> <QVariant>)
set(DOCTOR_PCH_UI ${DOCTOR_PCH_CORE}
    <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox>
    <QFileDialog> <QFormLayout> <QHBoxLayout> <QHeaderView> <QLabel> <QLineEdit>
    <QMessageBox> <QPushButton> <QSettings> <QSplitter> <QStatusBar> <QTableView>
    <QVBoxLayout> <QWidget>)

# The compiler cache and precompiled headers: ccache puts a hash of the precompiled header's
# contents into the key of every file compiled with it, and the header holds the absolute
# paths of its build folder, so a new clone (CI) never hit what another had compiled
# (measured: 2 hits for 127 files of doctor_core in a new clone, against 73 of 120 for the
# dev build, which has no precompiled header). With CCACHE_PCH_EXTSUM (tools/dev) ccache
# hashes the file <header>.sum instead, when there is one: written here at configure time
# from what the header is made of (its list of includes, the compiler and its version, Qt's
# version and the system's package list, where the headers come from). The flags it is built
# with are those of each file compiled with it, which ccache hashes anyway. A change of the
# package list reconfigures (CMAKE_CONFIGURE_DEPENDS), so the sum follows it.
function(doctor_pch_checksum target headers)
    if(NOT CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
        return()
    endif()
    set(packages "")
    if(EXISTS /var/lib/dpkg/status)
        file(SHA256 /var/lib/dpkg/status packages)
        set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY
            CMAKE_CONFIGURE_DEPENDS /var/lib/dpkg/status)
    endif()
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        set(ext pch)
    else()
        set(ext gch)
    endif()
    get_target_property(dir ${target} BINARY_DIR)
    string(SHA256 sum "${headers}|${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}|\
${Qt6_VERSION}|${packages}")
    file(WRITE ${dir}/CMakeFiles/${target}.dir/cmake_pch.hxx.${ext}.sum "${sum}\n")
endfunction()

function(doctor_precompile_libraries)
    target_precompile_headers(doctor_core PRIVATE ${DOCTOR_PCH_CORE})
    target_precompile_headers(doctor_ui PRIVATE ${DOCTOR_PCH_UI})
    doctor_pch_checksum(doctor_core "${DOCTOR_PCH_CORE}")
    doctor_pch_checksum(doctor_ui "${DOCTOR_PCH_UI}")
    # Few files each: the core's header serves them (their extra Qt libraries' macros,
    # QT_GUI_LIB say, appear in none of its headers).
    target_precompile_headers(doctor_models REUSE_FROM doctor_core)
    target_precompile_headers(doctor_cli REUSE_FROM doctor_core)
endfunction()

# doctor_test_pch(TEST LIBRARIES): TEST includes a precompiled <QTest>, shared by the tests
# that link the same LIBRARIES (doctor_test_traits): <QTest> brings Qt's widget or GUI test
# helpers where QT_WIDGETS_LIB or QT_GUI_LIB is defined, so one header per set of libraries.
# The header is built in a small object library of its own, doctor_pch_<n>, so that a
# build of some tests (the tsan build's tests_threads) builds no other test for it.
function(doctor_test_pch test libraries)
    string(SHA1 key "${libraries}")
    string(SUBSTRING ${key} 0 8 key)
    set(holder doctor_pch_${key})
    if(NOT TARGET ${holder})
        set(stub ${CMAKE_CURRENT_BINARY_DIR}/${holder}.cpp)
        if(NOT EXISTS ${stub})
            file(WRITE ${stub} "// The precompiled <QTest> of tests linking: ${libraries}\n")
        endif()
        add_library(${holder} OBJECT ${stub})
        set_target_properties(${holder} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
        target_link_libraries(${holder} PRIVATE ${libraries} doctor_testsupport Qt6::Test)
        target_precompile_headers(${holder} PRIVATE <QTest>)
        doctor_pch_checksum(${holder} "<QTest>;${libraries}")
        doctor_test_common_properties(${holder})
    endif()
    target_precompile_headers(${test} REUSE_FROM ${holder})
endfunction()

# What every test target and its header's holder share. QT_TESTCASE_BUILDDIR: Qt's test
# macro QTEST_MAIN writes it into every test, and the default (the build folder, absolute)
# would differ between clones and miss the compiler cache; it only serves QFINDTESTDATA,
# which no test uses (they find their files through TestPaths::testData()).
# Only with the compiler cache (a new build folder of tools/dev), so that an existing build
# folder does not recompile every test for it.
# QT_TESTCASE_SOURCEDIR likewise: Qt6::Test gives every consumer the absolute
# "$<TARGET_PROPERTY:SOURCE_DIR>", with no property to change it, so every test object of a new
# clone missed the cache (a clone's asan build.ninja: 386 command lines naming /tmp/ci13/tests).
# It too only serves QFINDTESTDATA, and qtestcase.h falls back to nullptr without it.
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache" AND TARGET Qt6::Test)
    get_target_property(_test_defs Qt6::Test INTERFACE_COMPILE_DEFINITIONS)
    list(FILTER _test_defs EXCLUDE REGEX "^QT_TESTCASE_SOURCEDIR=")
    set_property(TARGET Qt6::Test PROPERTY INTERFACE_COMPILE_DEFINITIONS "${_test_defs}")
endif()

function(doctor_test_common_properties target)
    if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
        set_target_properties(${target} PROPERTIES QT_TESTCASE_BUILDDIR ".")
    endif()
endfunction()
