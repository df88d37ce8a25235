#pragma once

// CommandLineOptions: what `cnsim-studio [options] [FILE]` was asked to do.
//
// Parsing is here rather than in main.cpp so it can be tested and so main.cpp only wires
// objects together. Errors are returned as text for main() to print (exit code 2, the
// Unix convention for usage errors).

#include "engine/simtime.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

class CommandLineOptions {
    Q_DECLARE_TR_FUNCTIONS(CommandLineOptions)

public:
    QString scenarioFile;   // empty: the default scenario
    QString language;       // empty: the remembered one
    QString screenshotPath; // non-empty: screenshot mode, then quit
    cnsim::SimTime runFor;  // simulated time to run before the screenshot
    QString selectPod;      // a pod to select before the screenshot ("Why this node?")
    QString showDock;       // a dock to raise before the screenshot ("controlplane", …)
    QSize windowSize{1400, 900};
    QString error; // non-empty: bad options

    static CommandLineOptions parse(const QStringList& arguments);
};
