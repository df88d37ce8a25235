#include "scenarioloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

QStringList ScenarioLoader::defaultScenarioCandidates() {
    const QString fileName = QStringLiteral("hello-cluster.yaml");
    QStringList candidates;
#ifdef CNSIM_DEFAULT_SCENARIO
    candidates << QStringLiteral(CNSIM_DEFAULT_SCENARIO);
#endif
    // Relative to the executable first, so a relocated install finds its own copy.
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        candidates << QDir(appDir).filePath(QStringLiteral("../share/cnsim/scenarios/") + fileName);
    }
#ifdef CNSIM_INSTALLED_SCENARIO_DIR
    candidates << QDir(QStringLiteral(CNSIM_INSTALLED_SCENARIO_DIR)).filePath(fileName);
#endif
    candidates << QStringLiteral(":/scenarios/") + fileName;
    return candidates;
}

QString ScenarioLoader::defaultScenarioPath() {
    const QStringList candidates = defaultScenarioCandidates();
    for (const QString& candidate : candidates) {
        if (QFileInfo::exists(candidate)) {
            return QDir::cleanPath(candidate);
        }
    }
    return candidates.last();
}

cnsim::ScenarioLoadResult ScenarioLoader::load(const QString& path) {
    if (!path.startsWith(QLatin1String(":/"))) {
        return cnsim::readScenarioFile(QFile::encodeName(path).toStdString());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        cnsim::Diagnostic diagnostic;
        diagnostic.file = path.toStdString();
        diagnostic.code = "unreadable-file";
        diagnostic.message = file.errorString().toStdString();
        return {std::nullopt, {diagnostic}};
    }
    return cnsim::readScenario(file.readAll().toStdString(), path.toStdString());
}

QString ScenarioLoader::formatDiagnostic(const cnsim::Diagnostic& diagnostic) {
    const QString severity =
        diagnostic.severity == cnsim::Severity::Error ? tr("error") : tr("warning");
    const QString file = QString::fromStdString(diagnostic.file);
    const QString message = QString::fromStdString(diagnostic.message);
    if (diagnostic.line <= 0) {
        return tr("%1: %2: %3", "file: severity: message").arg(file, severity, message);
    }
    return tr("%1:%2:%3: %4: %5", "file:line:column: severity: message")
        .arg(file, QString::number(diagnostic.line), QString::number(diagnostic.column), severity,
             message);
}
