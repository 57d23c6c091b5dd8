# The Debian packages, made by CPack from the install rules of the tree already built
# (scripts/dev package; why CPack and not debhelper: packaging/README.md).
#   jobcenter-kiosk  the kiosk, its data, its configuration (a conffile), its user, its session unit
#   jobcenter-sim    the reference booking server and its unit, for training rooms and pilots
# The version is the project's (project(... VERSION) in the top CMakeLists.txt): nowhere else.

set(KIOSK_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(KIOSK_PACKAGING_BUILD_DIR ${CMAKE_BINARY_DIR}/packaging)

# The packages' system files (configuration, unit, user, docs) are components of their own,
# left out of a plain `cmake --install` (EXCLUDE_FROM_ALL): their destinations are absolute — a
# package installs to / with the prefix /usr, and Debian keeps configuration in /etc and units in
# /lib/systemd/system (bookworm) — and must never land on a developer's machine.
install(FILES ${KIOSK_PACKAGING_DIR}/../assets/config/kiosk.example.json
        DESTINATION /etc/jobcenter-kiosk RENAME kiosk.json PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        COMPONENT kiosk_system EXCLUDE_FROM_ALL)
install(FILES ${KIOSK_PACKAGING_DIR}/systemd/jobcenter-kiosk.service DESTINATION /lib/systemd/system COMPONENT kiosk_system EXCLUDE_FROM_ALL)
install(FILES ${KIOSK_PACKAGING_DIR}/systemd/jobcenter-kiosk.sysusers DESTINATION /usr/lib/sysusers.d
        RENAME jobcenter-kiosk.conf COMPONENT kiosk_system EXCLUDE_FROM_ALL)
install(FILES ${KIOSK_PACKAGING_DIR}/systemd/jobcenter-sim.service DESTINATION /lib/systemd/system COMPONENT sim_system EXCLUDE_FROM_ALL)

# Each package's /usr/share/doc: its copyright and a Debian changelog naming this version,
# compressed as Debian does (gzip -9n: no name, no time stamp, so the bytes are reproducible).
string(TIMESTAMP KIOSK_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
foreach(package jobcenter-kiosk jobcenter-sim)
  set(KIOSK_PACKAGE_NAME ${package})
  configure_file(${KIOSK_PACKAGING_DIR}/debian/changelog.in ${KIOSK_PACKAGING_BUILD_DIR}/${package}/changelog.Debian @ONLY)
  execute_process(COMMAND gzip -9nf ${KIOSK_PACKAGING_BUILD_DIR}/${package}/changelog.Debian)
endforeach()
install(FILES ${KIOSK_PACKAGING_DIR}/debian/copyright ${KIOSK_PACKAGING_BUILD_DIR}/jobcenter-kiosk/changelog.Debian.gz
              ${KIOSK_PACKAGING_DIR}/../docs/operator-guide.md ${KIOSK_PACKAGING_DIR}/../docs/operator.md
              ${KIOSK_PACKAGING_DIR}/../docs/configuration.md
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/jobcenter-kiosk COMPONENT kiosk_system EXCLUDE_FROM_ALL)
install(FILES ${KIOSK_PACKAGING_DIR}/debian/copyright ${KIOSK_PACKAGING_BUILD_DIR}/jobcenter-sim/changelog.Debian.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/jobcenter-sim COMPONENT sim_system EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Jobcenter kiosk maintainers <kiosk@jobcenter.invalid>")
set(CPACK_PACKAGE_VENDOR "Jobcenter kiosk project")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_SOURCE_DIR}/build/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk_program kiosk_system sim_program sim_system)
# One package per group: the program and its system files together.
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
foreach(part PROGRAM SYSTEM)
  set(CPACK_COMPONENT_KIOSK_${part}_GROUP kiosk)
  set(CPACK_COMPONENT_SIM_${part}_GROUP sim)
endforeach()
# Installing for a package builds only what the package holds (scripts/dev package builds the
# two programs first), not every test in the tree.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# The runtime libraries are computed by dpkg-shlibdeps from the binaries; only what the
# binaries do not link is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME jobcenter-kiosk)
set(CPACK_DEBIAN_KIOSK_DESCRIPTION "self-service touch kiosk for Danish jobcenters
A citizen books, moves or cancels a meeting with their job consultant,
checks in, fills in the job log or reads their plan, in ten languages,
in large text and with speech. The kiosk runs full screen in the cage
Wayland compositor on tty1, started by systemd (jobcenter-kiosk.service),
and talks HTTPS to the jobcenter's booking system, configured in
/etc/jobcenter-kiosk/kiosk.json.")
# Fonts and the speech engine are used at their installed paths and run as a process; cage and
# Xwayland (Debian's cage needs it) are the session the unit starts, and pam_systemd is what makes
# that session a logind session on seat0, which gives cage the display and input devices.
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS
    "fonts-noto-core, fonts-noto-extra, fonts-materialdesignicons-webfont, espeak-ng, cage, xwayland, systemd (>= 252), libpam-systemd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cups-client")
set(CPACK_DEBIAN_KIOSK_PACKAGE_SUGGESTS "jobcenter-sim, prometheus-node-exporter")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-kiosk/conffiles
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-kiosk/postinst
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-kiosk/prerm
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-kiosk/postrm)

set(CPACK_DEBIAN_SIM_PACKAGE_NAME jobcenter-sim)
set(CPACK_DEBIAN_SIM_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SIM_DESCRIPTION "reference booking server for the jobcenter kiosk
jobcenter-sim implements the kiosk's booking API (HTTPS, SQLite) with
invented demo citizens: for training rooms, demonstrations and pilots,
not for citizens' real data. State in /var/lib/jobcenter-sim; unit
jobcenter-sim.service.")
set(CPACK_DEBIAN_SIM_PACKAGE_DEPENDS "systemd (>= 252)")
set(CPACK_DEBIAN_SIM_PACKAGE_CONTROL_EXTRA
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-sim/postinst
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-sim/prerm
    ${KIOSK_PACKAGING_DIR}/debian/jobcenter-sim/postrm)

include(CPack)
