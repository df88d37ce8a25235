#include "commands.h"

#include "kubectl/kubectl.h"
#include "metrics/runexport.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "summaryprinter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace cnsim::cli {

namespace {

void printDiagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
    for (const Diagnostic& d : diagnostics) {
        err << d.toString() << '\n';
    }
}

// Writes `content` to `path` through a temporary file and a rename, so a failed export never
// leaves half a file where a previous good one was. Returns an error message or "".
std::string writeFileAtomically(const std::string& path, const std::string& content) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
        if (!file) {
            return "cannot write '" + path + "': the folder does not exist or is not writable";
        }
        file << content;
        file.flush();
        if (!file) {
            std::remove(temporary.c_str());
            return "cannot write '" + path + "': the disk may be full";
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return "cannot write '" + path + "': rename failed";
    }
    return {};
}

// "00:05:00", with milliseconds only when the time has them ("00:01:30.250").
std::string execClock(SimTime t) {
    std::string clock = formatClock(t);
    if (clock.size() > 8 && clock.substr(8) == ".000") {
        clock.resize(8);
    }
    return clock;
}

// Runs the simulation to its end, stopping at each --exec step's time (in time order; steps
// at the same time in the order given) to print what kubectl prints there. Returns
// kExitUsage when a step is after the end of the run (nothing is simulated then),
// kExitFailure when a command failed, else kExitOk.
int runWithExecs(Simulation& simulation, const std::vector<ExecStep>& given, std::ostream& out,
                 std::ostream& err) {
    std::vector<ExecStep> steps = given;
    std::stable_sort(steps.begin(), steps.end(),
                     [](const ExecStep& a, const ExecStep& b) { return a.at < b.at; });
    for (const ExecStep& step : steps) {
        if (step.at > simulation.endTime()) {
            err << "cnsim: --exec at " << formatDuration(step.at)
                << " is after the end of the run (" << formatDuration(simulation.endTime())
                << "); use --until to run longer\n";
            return kExitUsage;
        }
    }
    int status = kExitOk;
    for (const ExecStep& step : steps) {
        simulation.advanceTo(step.at);
        const bool prefixed = step.command.rfind("kubectl", 0) == 0;
        out << "--- " << execClock(step.at) << " $ " << (prefixed ? "" : "kubectl ") << step.command
            << '\n';
        const KubectlResult r = runKubectl(simulation, step.command);
        out << r.out;
        out.flush();
        err << r.err;
        if (r.exitCode != 0) {
            status = kExitFailure;
        }
    }
    simulation.runToEnd();
    return status;
}

} // namespace

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err) {
    ScenarioLoadResult loaded = readScenarioFile(options.file);
    printDiagnostics(loaded.diagnostics, err);
    if (!loaded.scenario) {
        err << "cnsim: '" << options.file << "' has errors; nothing was simulated\n";
        return kExitFailure;
    }
    if (options.trafficMode) {
        loaded.scenario->simulation.trafficMode = *options.trafficMode;
        if (*options.trafficMode == TrafficMode::Aggregate) {
            for (const ServiceBehaviourSpec& behaviour : loaded.scenario->simulation.services) {
                if (!behaviour.resilience.calls.empty()) {
                    err << "cnsim: --traffic-mode aggregate: '" << behaviour.service
                        << "' has resilience settings (timeouts, retries, circuit breakers), "
                           "which need individual requests; run it with perRequest\n";
                    return kExitUsage;
                }
            }
            if (loaded.scenario->simulation.mesh.mode == MeshMode::Sidecar) {
                err << "cnsim: --traffic-mode aggregate: the scenario has sidecars "
                       "(simulation.mesh), which route, retry and eject individual requests; "
                       "run it with perRequest\n";
                return kExitUsage;
            }
            if (!loaded.scenario->simulation.queues.empty()) {
                err << "cnsim: --traffic-mode aggregate: queue '"
                    << loaded.scenario->simulation.queues.front().name
                    << "' needs individual messages; run it with perRequest\n";
                return kExitUsage;
            }
        }
    }
    const Scenario scenario = *loaded.scenario;
    const auto wallStart = std::chrono::steady_clock::now();
    Simulation simulation(std::move(*loaded.scenario),
                          SimulationOptions{options.seed, options.until});
    // The scenario's own kubectl commands (simulation.commands) run at their times; their
    // output is shown like --exec output, except where stdout must stay machine-readable.
    const bool quiet = options.json || !options.explain.empty();
    simulation.setCommandHandler([&](Simulation& sim, const ScheduledCommand& command) {
        const KubectlResult r = runKubectl(sim, command.run);
        if (!quiet) {
            out << "--- " << execClock(sim.now()) << " $ " << command.run << "   (scenario)\n"
                << r.out;
        }
        err << r.err;
    });
    int status = runWithExecs(simulation, options.execs, out, err);
    if (status == kExitUsage) {
        return status;
    }
    if (!options.execs.empty()) {
        out << "--- end of run\n";
    }
    const double wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const RunSummary summary = simulation.summary();

    const auto exportTo = [&](const std::string& path, auto writer) {
        if (path.empty()) {
            return;
        }
        std::ostringstream content;
        writer(content);
        if (const std::string error = writeFileAtomically(path, content.str()); !error.empty()) {
            err << "cnsim: " << error << '\n';
            status = kExitFailure;
        }
    };
    exportTo(options.metricsCsvPath,
             [&](std::ostream& o) { writeMetricsCsv(simulation.metrics(), o); });
    exportTo(options.eventsJsonlPath,
             [&](std::ostream& o) { writeEventsJsonl(simulation.events(), o); });
    exportTo(options.tablesCsvPath, [&](std::ostream& o) { writeTablesCsv(summary, o); });
    exportTo(options.tracesJsonPath,
             [&](std::ostream& o) { writeTracesJson(simulation.traces(), o); });

    if (!options.explain.empty()) {
        // In place of the summary: one JSON object per line, for tools and for diffing runs.
        for (const std::string& pod : options.explain) {
            if (const auto decision = simulation.schedulingDecision(pod)) {
                out << toJson(*decision) << '\n';
            } else {
                // kube-scheduler keeps only its most recent attempts (KubeScheduler): a pod it
                // already bound or reported on was tried, and its record has been dropped.
                const std::string_view name = std::string_view(pod).substr(pod.find('/') + 1);
                const bool tried = std::any_of(
                    simulation.events().begin(), simulation.events().end(),
                    [&](const ClusterEvent& e) {
                        return e.component == Component::Scheduler && e.objectName == name;
                    });
                err << "cnsim: no scheduling decision for pod '" << pod << "' at "
                    << formatDuration(simulation.now())
                    << (tried ? ": it is no longer kept (kube-scheduler keeps its latest "
                                "attempts, 64 MiB of them; see docs/kubernetes-fidelity.md)\n"
                              : ": no such pod, or kube-scheduler has not tried it yet\n");
                status = kExitFailure;
            }
        }
        return status;
    }
    if (options.json) {
        writeSummaryJson(summary, out);
    } else {
        printSummary(scenario, summary, simulation.events(), wallSeconds, out);
        if (options.fingerprint) {
            out << "\nFingerprint " << summary.fingerprint << '\n';
        }
    }
    return status;
}

int validateCommand(const ValidateOptions& options, std::ostream& out, std::ostream& err) {
    int failed = 0;
    for (const std::string& file : options.files) {
        const ScenarioLoadResult loaded = readScenarioFile(file);
        printDiagnostics(loaded.diagnostics, err);
        if (loaded.scenario) {
            out << file << ": ok\n";
        } else {
            ++failed;
        }
    }
    if (failed > 0) {
        err << "cnsim: " << failed << " of " << options.files.size() << " file(s) have errors\n";
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace cnsim::cli
