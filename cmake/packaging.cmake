# SPDX-FileCopyrightText: 2026 Doctor Dashboard contributors
# SPDX-License-Identifier: MIT
# Native packages (issue 19): `cpack -G DEB` in a build folder writes two .deb files from the
# install components:
#   doctor            the CLI, its man page and bash/zsh completions; links Qt Core and Sql
#                     only (no Qt Gui or Widgets), so it fits a server or a container;
#   doctor-dashboard  the desktop application, its .desktop file, AppStream metainfo and icon;
#                     it depends on doctor of the same version (the metainfo provides both
#                     binaries).
# Depends come from dpkg-shlibdeps (package dpkg-dev) reading the binaries' NEEDED entries,
# plus what no NEEDED entry names: the Qt SQL driver plugins loaded at run time (QSQLITE for
# the run history and the demo, QPSQL for a postgresql:// history store).
# tests/packaging/debinstall.sh installs both into a clean Debian 13 root.
include(GNUInstallDirs)

# The man page is installed gzipped (Debian policy 12.1); compressed at configure time so
# `cpack` alone, which builds nothing, finds it. Editing docs/doctor.1 re-runs CMake.
set(doctor_man ${PROJECT_SOURCE_DIR}/docs/doctor.1)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${doctor_man})
execute_process(COMMAND gzip -9 -n -c ${doctor_man}
                OUTPUT_FILE ${PROJECT_BINARY_DIR}/doctor.1.gz
                RESULT_VARIABLE doctor_man_gzip)
if(NOT doctor_man_gzip EQUAL 0)
    message(FATAL_ERROR "gzip of ${doctor_man} failed (${doctor_man_gzip}); install gzip")
endif()
install(FILES ${PROJECT_BINARY_DIR}/doctor.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT doctor)
# Where bash-completion and Debian's zsh look for completions of installed packages.
install(FILES ${PROJECT_SOURCE_DIR}/resources/completions/doctor.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME doctor
        COMPONENT doctor)
install(FILES ${PROJECT_SOURCE_DIR}/resources/completions/_doctor
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT doctor)
foreach(component doctor doctor-dashboard)
    install(FILES ${PROJECT_SOURCE_DIR}/LICENSE RENAME copyright
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${component} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME doctor-dashboard)
set(CPACK_PACKAGE_VENDOR "Doctor Dashboard contributors")
set(CPACK_PACKAGE_CONTACT
    "Doctor Dashboard contributors <doctor-dashboard@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL doctor doctor-dashboard)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # doctor_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/doctordashboard/doctor-dashboard)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)

set(CPACK_DEBIAN_DOCTOR_PACKAGE_NAME doctor)
set(CPACK_DEBIAN_DOCTOR_PACKAGE_SECTION database)
set(CPACK_DEBIAN_DOCTOR_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_DOCTOR_DESCRIPTION "health checks for PostgreSQL environments (command line)
 doctor runs read-only health checks (connectivity, connection pool, locks, migrations of
 EF Core, Flyway, Liquibase and others, wraparound, replication, vacuum) against the
 environments of a YAML file, prints text, JSON or OpenMetrics, records runs in a history
 store and shows the knowledge-base fix for each deployment style.")

set(CPACK_DEBIAN_DOCTOR-DASHBOARD_PACKAGE_NAME doctor-dashboard)
set(CPACK_DEBIAN_DOCTOR-DASHBOARD_PACKAGE_SECTION database)
set(CPACK_DEBIAN_DOCTOR-DASHBOARD_PACKAGE_DEPENDS
    "doctor (= ${PROJECT_VERSION}), libqt6sql6-sqlite, libqt6sql6-psql")
set(CPACK_DEBIAN_DOCTOR-DASHBOARD_DESCRIPTION "health checks for PostgreSQL environments (desktop)
 Doctor Dashboard connects to PostgreSQL databases, runs the read-only health checks of
 doctor and shows each result next to a knowledge-base article with copyable fix commands
 for Docker Compose, systemd and Kubernetes, the migrations of every environment side by
 side, and their history over time.")

include(CPack)
