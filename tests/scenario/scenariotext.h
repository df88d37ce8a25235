#pragma once

// Scenario text for reader tests: a shipped scenario's text, the line of a piece of text in
// it (to check a diagnostic's place), and diagnostics as one string for failure messages.

#include "scenario/diagnostic.h"
#include "scenario/scenarioreader.h"
#include "scenario/scenariowriter.h"

#include <QString>
#include <QTest>
#include <QtGlobal>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cnsim::test {

inline std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A file of scenarios/ (CNSIM_SCENARIO_DIR).
inline std::string scenarioText(const char* name) {
    return readText(std::string(CNSIM_SCENARIO_DIR) + "/" + name);
}

inline QString describe(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + "\n";
    }
    return out;
}

// The line (1-based) of the first occurrence of `needle`.
inline int lineOf(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    if (at == std::string::npos) {
        qFatal("'%s' not in the scenario", needle.c_str());
    }
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

// Reading, writing, reading again gives the same scenario, and writing it again the same
// text. Empty when so; else what went wrong, for QVERIFY2.
inline QString checkRoundTrip(const std::string& text) {
    const ScenarioLoadResult first = readScenario(text, "a.yaml");
    if (!first.scenario) {
        return describe(first.diagnostics);
    }
    const std::string written = writeScenario(*first.scenario);
    const ScenarioLoadResult second = readScenario(written, "b.yaml");
    if (!second.scenario) {
        return describe(second.diagnostics) + QString::fromStdString(written);
    }
    if (!(*second.scenario == *first.scenario)) {
        return QStringLiteral("the scenario read back differs from the one written");
    }
    if (writeScenario(*second.scenario) != written) {
        return QStringLiteral("writing it again gives other text");
    }
    return {};
}

// A mistake test: `from` replaced by `to` in `text` must not load, with an error `code` on the
// line of `lineNeedle` (in the edited text) whose message contains `message`. Empty when so;
// else what went wrong, for QVERIFY2.
inline QString checkMistakeIn(std::string text, const std::string& from, const std::string& to,
                              const std::string& code, const std::string& lineNeedle,
                              const std::string& message) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) {
        return QString::fromStdString("'" + from + "' is not in the text");
    }
    text.replace(at, from.size(), to);
    const ScenarioLoadResult result = readScenario(text, "edited.yaml");
    if (result.scenario) {
        return QStringLiteral("the edited file must not load");
    }
    const int line = lineOf(text, lineNeedle);
    for (const Diagnostic& d : result.diagnostics) {
        if (d.severity == Severity::Error && d.code == code && d.line == line &&
            d.message.find(message) != std::string::npos) {
            return {};
        }
    }
    return QString::fromStdString("expected " + code + " at line " + std::to_string(line) +
                                  " mentioning '" + message + "'; got:\n") +
           describe(result.diagnostics);
}

// The same on a shipped scenario.
inline QString checkMistake(const char* file, const std::string& from, const std::string& to,
                            const std::string& code, const std::string& lineNeedle,
                            const std::string& message) {
    return checkMistakeIn(scenarioText(file), from, to, code, lineNeedle, message);
}

// checkMistakeIn, reported to the running test.
inline void expectMistake(const std::string& text, const QString& from, const QString& to,
                          const QString& code, const QString& lineText, const QString& message) {
    const QString problem =
        checkMistakeIn(text, from.toStdString(), to.toStdString(), code.toStdString(),
                       lineText.toStdString(), message.toStdString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

} // namespace cnsim::test
