#pragma once

// kubectl against the simulated cluster: a subset of kubectl 1.34's commands, with its
// output formats and error messages, run at the simulation's current time.
//
// runKubectl parses one command line (with or without the leading "kubectl"), executes it
// against the Simulation — reading its API objects, events and metrics, or applying an
// Action for commands that change the cluster — and returns what kubectl would print.
// Commands that change the cluster take effect at sim.now(), like a user's action; commands
// that would block on a real cluster (rollout status, drain) report the state at that
// instant instead of waiting. The library never prints and never advances time.

#include <string>
#include <string_view>

namespace cnsim {

class Simulation;

struct KubectlResult {
    int exitCode = 0; // 0 on success, 1 on any error, as kubectl exits
    std::string out;  // what kubectl writes to stdout
    std::string err;  // what it writes to stderr (errors, "No resources found …")
};

struct KubectlOptions {
    // Where `apply -f` resolves relative file names; empty: the process's working directory.
    std::string workingDirectory;
};

KubectlResult runKubectl(Simulation& sim, std::string_view commandLine,
                         const KubectlOptions& options = {});

} // namespace cnsim
