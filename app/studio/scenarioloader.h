#pragma once

// ScenarioLoader: finds and reads scenario files for the studio.
//
// Reading goes through sim/'s scenario reader, so the studio and the CLI accept and
// reject exactly the same files with the same diagnostics. Paths starting with ":/" are
// Qt resources (the embedded default scenario) and are read through QFile.

#include "scenario/diagnostic.h"
#include "scenario/scenarioreader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class ScenarioLoader {
    Q_DECLARE_TR_FUNCTIONS(ScenarioLoader)

public:
    // Where the bare studio looks for hello-cluster.yaml, best first: the source tree it
    // was built from, the installed share/cnsim/scenarios, then the embedded copy, which
    // always exists.
    static QStringList defaultScenarioCandidates();
    static QString defaultScenarioPath();

    static cnsim::ScenarioLoadResult load(const QString& path);

    // "file:line:column: error: message", translated apart from the library's message.
    static QString formatDiagnostic(const cnsim::Diagnostic& diagnostic);
};
