#include "clioptions.h"

#include "control/kubernetesdefaults.h"

#include <charconv>

namespace cnsim::cli {

namespace {

// The scenario format's own bound on duration (docs/scenario-format.md).
constexpr SimTime kMaxUntil = SimTime::hours(24 * 30);

ParseResult usageError(std::string message) {
    return ParseResult{std::nullopt, std::move(message)};
}

// Splits "--name=value" into name and value; plain "--name" leaves value empty.
struct OptionToken {
    std::string name;
    std::optional<std::string> value;
};

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

OptionToken splitOption(const std::string& arg) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos) {
        return {arg, std::nullopt};
    }
    return {arg.substr(0, eq), arg.substr(eq + 1)};
}

ParseResult parseRun(const std::vector<std::string>& args) {
    RunOptions run;
    bool optionsEnded = false;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-' || arg == "-") {
            positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            return ParseResult{HelpRequest{"run"}, {}};
        }
        const OptionToken option = splitOption(arg);
        const auto takeValue = [&]() -> std::optional<std::string> {
            if (option.value) {
                return option.value;
            }
            if (i + 1 < args.size()) {
                return args[++i];
            }
            return std::nullopt;
        };
        const auto noValue = [&] { return !option.value.has_value(); };
        if (option.name == "--seed") {
            const auto value = takeValue();
            if (!value) {
                return usageError("option --seed needs a value, e.g. --seed 42");
            }
            std::uint64_t seed = 0;
            const auto [end, ec] =
                std::from_chars(value->data(), value->data() + value->size(), seed);
            if (ec != std::errc() || end != value->data() + value->size() || value->empty()) {
                return usageError("invalid --seed '" + *value +
                                  "': expected a whole number from 0 to 18446744073709551615");
            }
            run.seed = seed;
        } else if (option.name == "--until") {
            const auto value = takeValue();
            if (!value) {
                return usageError("option --until needs a duration, e.g. --until 90s");
            }
            const auto until = parseDuration(*value);
            if (!until || *until <= SimTime::zero()) {
                return usageError("invalid --until '" + *value +
                                  "': expected a positive duration such as 90s, 5m or 1h30m");
            }
            if (*until > kMaxUntil) {
                return usageError("--until " + *value + " is longer than the maximum of 30 days");
            }
            run.until = until;
        } else if (option.name == "--traffic-mode") {
            const auto value = takeValue();
            if (value == "perRequest") {
                run.trafficMode = TrafficMode::PerRequest;
            } else if (value == "aggregate") {
                run.trafficMode = TrafficMode::Aggregate;
            } else {
                return usageError("invalid --traffic-mode '" + value.value_or("") +
                                  "': expected perRequest or aggregate");
            }
        } else if (option.name == "--metrics-csv" || option.name == "--events-jsonl" ||
                   option.name == "--tables-csv" || option.name == "--traces-json") {
            const auto value = takeValue();
            if (!value || value->empty()) {
                return usageError("option " + option.name + " needs a file path");
            }
            std::string& path = option.name == "--metrics-csv"    ? run.metricsCsvPath
                                : option.name == "--events-jsonl" ? run.eventsJsonlPath
                                : option.name == "--tables-csv"   ? run.tablesCsvPath
                                                                  : run.tracesJsonPath;
            path = *value;
        } else if (option.name == "--exec") {
            const auto value = takeValue();
            const std::size_t colon = value ? value->find(':') : std::string::npos;
            const auto at = colon == std::string::npos
                                ? std::nullopt
                                : parseDuration(trimmed(value->substr(0, colon)));
            const std::string command =
                colon == std::string::npos ? std::string() : trimmed(value->substr(colon + 1));
            if (!at || command.empty()) {
                return usageError("invalid --exec '" + value.value_or("") +
                                  "': expected 'AT: COMMAND' such as '5m: kubectl get pods'");
            }
            run.execs.push_back(ExecStep{*at, command});
        } else if (option.name == "--explain") {
            const auto value = takeValue();
            if (!value || value->empty()) {
                return usageError("option --explain needs a pod name, e.g. --explain web-1");
            }
            run.explain.push_back(*value);
        } else if (option.name == "--json" && noValue()) {
            run.json = true;
        } else if (option.name == "--fingerprint" && noValue()) {
            run.fingerprint = true;
        } else {
            return usageError("unknown option '" + arg +
                              "' for 'cnsim run' (see cnsim run --help)");
        }
    }
    if (run.json && !run.explain.empty()) {
        return usageError(
            "--explain cannot be combined with --json: both write to standard output");
    }
    if (run.json && !run.execs.empty()) {
        return usageError("--exec cannot be combined with --json: both write to standard output");
    }
    if (positional.empty()) {
        return usageError(
            "'cnsim run' needs a scenario file, e.g. cnsim run scenarios/hello-cluster.yaml");
    }
    if (positional.size() > 1) {
        return usageError("'cnsim run' takes one scenario file, got " +
                          std::to_string(positional.size()));
    }
    run.file = positional.front();
    return ParseResult{run, {}};
}

ParseResult parseValidate(const std::vector<std::string>& args) {
    ValidateOptions validate;
    bool optionsEnded = false;
    for (const std::string& arg : args) {
        if (!optionsEnded && arg == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && (arg == "-h" || arg == "--help")) {
            return ParseResult{HelpRequest{"validate"}, {}};
        } else if (!optionsEnded && arg.size() > 1 && arg[0] == '-') {
            return usageError("unknown option '" + arg +
                              "' for 'cnsim validate' (see cnsim validate --help)");
        } else {
            validate.files.push_back(arg);
        }
    }
    if (validate.files.empty()) {
        return usageError(
            "'cnsim validate' needs at least one file, e.g. cnsim validate scenarios/*.yaml");
    }
    return ParseResult{validate, {}};
}

} // namespace

ParseResult parseCommandLine(const std::vector<std::string>& args) {
    if (args.empty()) {
        return usageError("missing command (see cnsim --help)");
    }
    const std::string& command = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "-h" || command == "--help" || command == "help") {
        return ParseResult{HelpRequest{rest.empty() ? "" : rest.front()}, {}};
    }
    if (command == "--version" || command == "version") {
        return ParseResult{VersionRequest{}, {}};
    }
    if (command == "run") {
        return parseRun(rest);
    }
    if (command == "validate") {
        return parseValidate(rest);
    }
    return usageError("unknown command '" + command +
                      "' (commands: run, validate; see cnsim --help)");
}

std::string usageText(const std::string& topic) {
    if (topic == "run") {
        return "Usage: cnsim run FILE [options]\n"
               "\n"
               "Simulate a scenario and print a summary of what happened.\n"
               "\n"
               "Options:\n"
               "  --seed N              use seed N instead of the scenario's seed\n"
               "  --until DURATION      stop at DURATION (e.g. 90s, 5m, 1h30m) instead of the\n"
               "                        scenario's duration\n"
               "  --traffic-mode MODE   perRequest (one event per request, the reference) or\n"
               "                        aggregate (rates per pod and second, for large or busy\n"
               "                        scenarios) instead of the scenario's trafficMode\n"
               "  --json                print the summary as JSON\n"
               "  --metrics-csv PATH    write the per-second metrics as CSV\n"
               "  --events-jsonl PATH   write the cluster events as JSON Lines\n"
               "  --tables-csv PATH     write the per-service, per-version and per-route\n"
               "                        request tables as CSV (one row each, a kind column)\n"
               "  --traces-json PATH    write the sampled request traces (simulation.tracing)\n"
               "                        as JSON\n"
               "  --fingerprint         print the run's fingerprint (same scenario and seed give\n"
               "                        the same fingerprint on every machine)\n"
               "  --exec 'AT: COMMAND'  run a kubectl command at simulated time AT, e.g.\n"
               "                        --exec '5m: kubectl get pods -o wide'; repeatable;\n"
               "                        each output follows a '--- HH:MM:SS $ COMMAND' line\n"
               "  --explain POD         instead of the summary, print why kube-scheduler put POD\n"
               "                        where it is (or why it could not): every node's filter\n"
               "                        verdict and scores, as one JSON line; repeatable; use\n"
               "                        --until to choose the moment\n"
               "  -h, --help            show this help\n";
    }
    if (topic == "validate") {
        return "Usage: cnsim validate FILE...\n"
               "\n"
               "Check scenario files and report every problem with file:line:column.\n"
               "Exits 1 if any file has an error, 0 otherwise (warnings do not fail).\n";
    }
    return "Usage: cnsim COMMAND [options]\n"
           "\n"
           "cnsim simulates Kubernetes-style clusters for learning cloud-native computing.\n"
           "\n"
           "Commands:\n"
           "  run FILE        simulate a scenario and print a summary\n"
           "  validate FILE…  check scenario files and report every error\n"
           "  help [COMMAND]  show help for a command\n"
           "\n"
           "Options:\n"
           "  -h, --help      show this help\n"
           "  --version       show the version\n"
           "\n"
           "Exit status: 0 success, 1 invalid scenario or failed run, 2 wrong usage.\n";
}

std::string versionText() {
    return std::string("cnsim ") + CNSIM_VERSION + " (emulates Kubernetes " +
           std::string(k8s::kEmulatedVersion) + ")\n";
}

} // namespace cnsim::cli
