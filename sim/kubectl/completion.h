#pragma once

// Tab completion for kubectl command lines, as kubectl's cobra completion offers it:
// commands, sub-commands, resource types (from the same registry `get` uses), object names
// from the simulated cluster, and flags. The console dock and any other front end call it.

#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

class Simulation;

// Candidates for the word under the cursor at the end of `line` (the empty word after a
// trailing space), each a full replacement for that word, sorted and without duplicates.
std::vector<std::string> kubectlCompletions(const Simulation& sim, std::string_view line);

} // namespace cnsim
