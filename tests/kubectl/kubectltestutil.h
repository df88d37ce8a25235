#pragma once

// Shared by the kubectl tests: the test cluster scenario, running it to a time, and golden
// files under tests/kubectl/data (rewritten only with CNSIM_UPDATE_GOLDEN=1).

#include <QFile>
#include <QTest>

#ifndef Q_MOC_RUN
#include "kubectl/kubectl.h"
#include "model/simulation.h"
#include "scenario/scenarioreader.h"

#include <memory>
#include <string>
#endif

namespace cnsim::test {

inline std::unique_ptr<Simulation> clusterAt(SimTime t) {
    ScenarioLoadResult loaded =
        readScenarioFile(std::string(CNSIM_TEST_DATA_DIR) + "/kubectl-cluster.yaml");
    for (const Diagnostic& d : loaded.diagnostics) {
        qWarning("%s", d.toString().c_str());
    }
    if (!loaded.scenario) {
        qFatal("kubectl-cluster.yaml failed to load");
    }
    auto sim = std::make_unique<Simulation>(*loaded.scenario);
    sim->advanceTo(t);
    return sim;
}

inline QString goldenPath(const QString& name) {
    return QStringLiteral(CNSIM_TEST_DATA_DIR "/golden/") + name + QStringLiteral(".txt");
}

// Compares `actual` with the golden file, or rewrites the file under CNSIM_UPDATE_GOLDEN=1.
// Returns an empty string when they match, else a message for QVERIFY2.
inline QByteArray compareGolden(const QString& name, const std::string& actual) {
    QFile file(goldenPath(name));
    if (qEnvironmentVariable("CNSIM_UPDATE_GOLDEN") == QLatin1String("1")) {
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            return "cannot write " + file.fileName().toUtf8();
        }
        file.write(actual.data(), static_cast<qint64>(actual.size()));
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return "missing golden file " + file.fileName().toUtf8() +
               " (run with CNSIM_UPDATE_GOLDEN=1 to create it)";
    }
    const QByteArray expected = file.readAll();
    const QByteArray got = QByteArray::fromStdString(actual);
    if (expected == got) {
        return {};
    }
    return "output differs from " + file.fileName().toUtf8() + "\n--- expected\n" + expected +
           "--- actual\n" + got;
}

} // namespace cnsim::test
