// cnsim-studio: wires the application together; everything else is in cnsim_studio_gui.

#include "commandlineoptions.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("cnsim"));
    QApplication::setApplicationName(QStringLiteral("cnsim-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("cnsim Studio"));
    QApplication::setApplicationVersion(QStringLiteral(CNSIM_VERSION));

    const CommandLineOptions options = CommandLineOptions::parse(QApplication::arguments());
    if (!options.error.isEmpty()) {
        QTextStream(stderr) << QStringLiteral("cnsim-studio: ") << options.error << Qt::endl;
        return 2;
    }

    MainWindow window;
    LanguageManager* languages = window.languageManager();
    // --lang is for this run (screenshots, demos); only a menu choice is remembered.
    if (options.language.isEmpty()) {
        languages->setLanguage(languages->savedLanguage(), false);
    } else {
        languages->setLanguage(options.language, false);
    }

    const bool opened = options.scenarioFile.isEmpty()
                            ? window.openDefaultScenario()
                            : window.openScenarioFile(options.scenarioFile);
    if (!opened && !options.scenarioFile.isEmpty()) {
        // The named file is broken: say so (the dialog is up) but still offer the default.
        window.openDefaultScenario();
    }

    window.resize(options.windowSize);
    window.show();
    if (options.screenshotPath.isEmpty()) {
        return QApplication::exec();
    }

    int status = 0;
    QTimer::singleShot(0, &window, [&] {
        window.runFor(options.runFor);
        if (!options.selectPod.isEmpty() && !window.selectPod(options.selectPod)) {
            QTextStream(stderr) << QStringLiteral("cnsim-studio: no pod named ")
                                << options.selectPod << Qt::endl;
        }
        if (!options.showDock.isEmpty() && !window.raiseDock(options.showDock)) {
            QTextStream(stderr) << QStringLiteral("cnsim-studio: no dock named ")
                                << options.showDock << Qt::endl;
        }
        // One more turn of the event loop so layouts and the canvas settle before grabbing.
        QTimer::singleShot(0, &window, [&] {
            if (!window.screenshot().save(options.screenshotPath, "PNG")) {
                QTextStream(stderr) << QStringLiteral("cnsim-studio: cannot write ")
                                    << options.screenshotPath << Qt::endl;
                status = 1;
            }
            QApplication::quit();
        });
    });
    const int loopStatus = QApplication::exec();
    return status != 0 ? status : loopStatus;
}
