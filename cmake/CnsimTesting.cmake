# cnsim_add_test(<name> SOURCES <files...> [LIBS <targets...>] [GUI] [LABELS <labels...>])
#
# Creates one Qt Test executable, links it, and registers it with CTest. GUI tests run on
# the offscreen platform so they need no display; every test gets the source tree's
# scenarios/ folder in CNSIM_SCENARIO_DIR.
function(cnsim_add_test name)
    cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test cnsim::warnings ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        CNSIM_SCENARIO_DIR="${PROJECT_SOURCE_DIR}/scenarios"
        CNSIM_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/data")
    add_test(NAME ${name} COMMAND ${name})
    set(env "CNSIM_SCENARIO_DIR=${PROJECT_SOURCE_DIR}/scenarios")
    if(ARG_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${ARG_LABELS}" TIMEOUT 600)
endfunction()
