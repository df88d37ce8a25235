#pragma once

// What the scenario-reading tests share: a file's text, a shipped scenario's text, the
// diagnostics as compiler-style lines for a failure message, and the line a text is on.

#include "scenario/diagnostic.h"

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

} // namespace cnsim::test
