#include "commands.h"

#include "metrics/runexport.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"
#include "summaryprinter.h"

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

} // namespace

int runCommand(const RunOptions& options, std::ostream& out, std::ostream& err) {
    ScenarioLoadResult loaded = readScenarioFile(options.file);
    printDiagnostics(loaded.diagnostics, err);
    if (!loaded.scenario) {
        err << "cnsim: '" << options.file << "' has errors; nothing was simulated\n";
        return kExitFailure;
    }
    const Scenario scenario = *loaded.scenario;
    const auto wallStart = std::chrono::steady_clock::now();
    Simulation simulation(std::move(*loaded.scenario),
                          SimulationOptions{options.seed, options.until});
    simulation.runToEnd();
    const double wallSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    const RunSummary summary = simulation.summary();

    int status = kExitOk;
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
