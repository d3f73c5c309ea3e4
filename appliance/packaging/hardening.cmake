# Debian's hardening flags for every binary of this build (the packages are made from it with
# cpack, so what is tested here is what is shipped): dpkg-buildflags with hardening=+all gives
# -fstack-protector-strong, -D_FORTIFY_SOURCE=2, -Wformat -Werror=format-security, PIE (gcc's
# default on Debian) and -Wl,-z,relro -Wl,-z,now. Taken from dpkg-buildflags rather than written
# here, so that they follow Debian's policy as a package built by dpkg-buildpackage would.
# Added here: -fstack-clash-protection and -fcf-protection (x86-64), which dpkg 1.22 (Debian 13)
# adds to hardening=+all as "stackclash" and "branch" but Debian 12's dpkg-buildflags does not
# have; hardening-check (tests/package) asks for both.
# The optimisation and debug flags stay the build type's (-g -O2 stripped from Debian's), and
# the file paths stay absolute (reproducible=-fixfilepath,-fixdebugpath: the prefix maps would
# give every worktree its own ccache entries and the debugger relative source paths).
# Sanitizer builds go without: _FORTIFY_SOURCE hides memory errors from ASan's interceptors.
option(MASSHO_HARDENING "Debian's hardening flags (dpkg-buildflags hardening=+all)" ON)
if(NOT MASSHO_HARDENING OR MASSHO_SANITIZE OR MASSHO_SANITIZE_THREAD)
  return()
endif()

find_program(MASSHO_DPKG_BUILDFLAGS dpkg-buildflags)
if(NOT MASSHO_DPKG_BUILDFLAGS)
  message(FATAL_ERROR "hardening: dpkg-buildflags is missing: install dpkg-dev "
                      "(appliance/tools/install-deps), or configure with -DMASSHO_HARDENING=OFF "
                      "for a build that is never packaged.")
endif()

function(massho_dpkg_buildflags flag out)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env
            "DEB_BUILD_MAINT_OPTIONS=hardening=+all reproducible=-fixfilepath,-fixdebugpath"
            "DEB_${flag}_MAINT_STRIP=-g -O2" "${MASSHO_DPKG_BUILDFLAGS}" --get ${flag}
    OUTPUT_VARIABLE value OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  separate_arguments(value UNIX_COMMAND "${value}")
  set(${out} "${value}" PARENT_SCOPE)
endfunction()
massho_dpkg_buildflags(CPPFLAGS cppflags)
massho_dpkg_buildflags(CFLAGS cflags)
massho_dpkg_buildflags(CXXFLAGS cxxflags)
massho_dpkg_buildflags(LDFLAGS ldflags)
list(APPEND cflags -fstack-clash-protection)
list(APPEND cxxflags -fstack-clash-protection)
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|i.86)$")
  list(APPEND cflags -fcf-protection)
  list(APPEND cxxflags -fcf-protection)
endif()
message(STATUS "hardening (dpkg-buildflags): ${cppflags} ${cxxflags} ${ldflags}")

# _FORTIFY_SOURCE needs optimisation: glibc's headers warn (an error under -Werror) without it.
add_compile_options("$<$<NOT:$<CONFIG:Debug>>:${cppflags}>"
                    "$<$<COMPILE_LANGUAGE:C>:${cflags}>" "$<$<COMPILE_LANGUAGE:CXX>:${cxxflags}>")
add_link_options(${ldflags})
