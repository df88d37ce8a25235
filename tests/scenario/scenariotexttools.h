#pragma once

// What the scenario-reading tests share: a file's text, a shipped scenario's text, the
// diagnostics as compiler-style lines for a failure message, and the line a text is on.

#include "scenario/diagnostic.h"
#include "scenario/scenarioreader.h"

#include <QString>
#include <QTest>
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

inline std::string scenarioText(const char* name) {
    return readText(std::string(CNSIM_SCENARIO_DIR) + "/" + name);
}

inline QString describe(const std::vector<Diagnostic>& diagnostics) {
    QString out;
    for (const Diagnostic& d : diagnostics) {
        out += QString::fromStdString(d.toString()) + QLatin1Char('\n');
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

// The first `from` in `text` replaced by `to` must not load, and must report error `code` on
// the line holding `lineText` (in the edited text) with `message` in its text. Failures are
// reported to the running test.
inline void expectMistake(std::string text, const QString& from, const QString& to,
                          const QString& code, const QString& lineText, const QString& message) {
    const std::size_t at = text.find(from.toStdString());
    QVERIFY2(at != std::string::npos, qPrintable(from));
    text.replace(at, from.toStdString().size(), to.toStdString());
    const ScenarioLoadResult result = readScenario(text, "edited.yaml");
    QVERIFY2(!result.scenario, "the edited file must not load");
    const int line = lineOf(text, lineText.toStdString());
    bool found = false;
    for (const Diagnostic& d : result.diagnostics) {
        found =
            found || (d.severity == Severity::Error && d.code == code.toStdString() &&
                      d.line == line && d.message.find(message.toStdString()) != std::string::npos);
    }
    QVERIFY2(found, qPrintable(QStringLiteral("expected %1 at line %2 mentioning '%3'; got:\n%4")
                                   .arg(code)
                                   .arg(line)
                                   .arg(message, describe(result.diagnostics))));
}

} // namespace cnsim::test
