# One place for compiler flags every cnsim target shares.
add_library(cnsim_warnings INTERFACE)
add_library(cnsim::warnings ALIAS cnsim_warnings)
target_compile_options(cnsim_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wconversion -Wsign-conversion -Wnull-dereference
    -Wimplicit-fallthrough)
if(CNSIM_WERROR)
    target_compile_options(cnsim_warnings INTERFACE -Werror)
endif()
if(CNSIM_ASAN)
    target_compile_options(cnsim_warnings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(cnsim_warnings INTERFACE -fsanitize=address,undefined)
endif()
