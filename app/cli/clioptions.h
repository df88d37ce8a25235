#pragma once

// Command-line parsing for `cnsim`. Pure: argv in, a Command or a usage error out, so it
// is testable without running anything. Options follow GNU conventions: `--seed 7` and
// `--seed=7`; `--` ends options.

#include "engine/simtime.h"
#include "scenario/trafficspec.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cnsim::cli {

// --exec 'AT: COMMAND': a kubectl command run against the simulated cluster at time AT.
struct ExecStep {
    SimTime at;
    std::string command; // as given, e.g. "kubectl get pods -o wide"
};

struct RunOptions {
    std::string file;
    std::optional<std::uint64_t> seed;
    std::optional<SimTime> until;
    std::optional<TrafficMode> trafficMode; // --traffic-mode: overrides simulation.trafficMode
    bool json = false;
    bool fingerprint = false;
    std::string metricsCsvPath;
    std::string eventsJsonlPath;
    std::string tablesCsvPath; // per-service / version / route table, one row each
    std::string tracesJsonPath;
    std::vector<ExecStep> execs; // in the order given
    // --explain POD: print kube-scheduler's latest decision for each, as JSON, at the end
    std::vector<std::string> explain; // pod names, in the order given
};

struct ValidateOptions {
    std::vector<std::string> files;
};

struct HelpRequest {
    std::string topic; // "", "run", "validate"
};

struct VersionRequest {};

using Command = std::variant<RunOptions, ValidateOptions, HelpRequest, VersionRequest>;

struct ParseResult {
    std::optional<Command> command;
    std::string error; // set when command is empty: what was wrong and how to fix it
};

ParseResult parseCommandLine(const std::vector<std::string>& args);

std::string usageText(const std::string& topic);
std::string versionText();

} // namespace cnsim::cli
