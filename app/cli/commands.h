#pragma once

// The `cnsim` commands. Each returns the process exit status and writes results to `out`,
// problems to `err`.

#include "clioptions.h"

#include <ostream>

namespace cnsim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // invalid scenario, unwritable output
inline constexpr int kExitUsage = 2;   // wrong command line

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err);
int validateCommand(const ValidateOptions& options, std::ostream& out, std::ostream& err);

} // namespace cnsim::cli
