#include "commandlineoptions.h"

#include "languagemanager.h"

#include <QCommandLineParser>
#include <QRegularExpression>

CommandLineOptions CommandLineOptions::parse(const QStringList& arguments) {
    CommandLineOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("cnsim Studio: watch a simulated Kubernetes cluster schedule pods, serve traffic "
           "and recover from failures."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        tr("Interface language: en or zh_CN."), tr("language"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        tr("Save a PNG of the main window to <path> and quit (after --run-for)."), tr("path"));
    const QCommandLineOption runForOption(
        QStringLiteral("run-for"),
        tr("Simulated time to run before the screenshot, e.g. 60s or 2m."), tr("duration"),
        QStringLiteral("0s"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        tr("Window size for the screenshot, e.g. 1400x900."),
                                        tr("size"), QStringLiteral("1400x900"));
    const QCommandLineOption selectPodOption(
        QStringLiteral("select-pod"),
        tr("Select the pod named <name> (or the first pod whose name starts with it) before "
           "the screenshot, showing why it is on its node."),
        tr("name"));
    const QCommandLineOption showDockOption(
        QStringLiteral("show-dock"),
        tr("Show and raise the dock <name> (autoscaling, controlplane, chart, decision, events, "
           "kubectl, nodegroups, releases, scenario, services, traces) before the screenshot."),
        tr("name"));
    parser.addOptions(
        {langOption, screenshotOption, runForOption, sizeOption, selectPodOption, showDockOption});
    parser.addPositionalArgument(tr("file"), tr("Scenario file to open."), tr("[file]"));

    if (!parser.parse(arguments)) {
        options.error = parser.errorText();
        return options;
    }
    if (parser.isSet(helpOption)) {
        parser.showHelp(0); // exits
    }
    if (parser.isSet(versionOption)) {
        parser.showVersion(); // exits
    }

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        options.error = tr("Too many files: cnsim-studio opens one scenario at a time.");
        return options;
    }
    if (!positional.isEmpty()) {
        options.scenarioFile = positional.first();
    }
    if (parser.isSet(langOption)) {
        options.language = parser.value(langOption);
        if (!LanguageManager::availableLanguages().contains(options.language)) {
            options.error =
                tr("Unknown language '%1': use one of %2.")
                    .arg(options.language,
                         LanguageManager::availableLanguages().join(QLatin1String(", ")));
            return options;
        }
    }
    options.screenshotPath = parser.value(screenshotOption);
    options.selectPod = parser.value(selectPodOption);
    options.showDock = parser.value(showDockOption);
    const std::optional<cnsim::SimTime> runFor =
        cnsim::parseDuration(parser.value(runForOption).toStdString());
    if (!runFor) {
        options.error = tr("Invalid duration '%1' for --run-for: use e.g. 90s, 5m or 1h30m.")
                            .arg(parser.value(runForOption));
        return options;
    }
    options.runFor = *runFor;
    const QRegularExpression sizePattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const QRegularExpressionMatch size = sizePattern.match(parser.value(sizeOption));
    if (!size.hasMatch()) {
        options.error =
            tr("Invalid size '%1': use WIDTHxHEIGHT, e.g. 1400x900.").arg(parser.value(sizeOption));
        return options;
    }
    options.windowSize = QSize(size.captured(1).toInt(), size.captured(2).toInt());
    return options;
}
