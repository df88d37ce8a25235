#pragma once

// DiagnosticsDialog: lists every problem found in a scenario file that did not open,
// one "file:line:column: severity: message" per line, and says nothing was changed.
// Non-blocking (open()), so the caller's state is already untouched when it shows.

#include <QDialog>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "scenario/diagnostic.h"

#include <vector>

class QLabel;
class QPlainTextEdit;

class DiagnosticsDialog : public QDialog {
    Q_OBJECT

public:
    DiagnosticsDialog(const QString& path, const std::vector<cnsim::Diagnostic>& diagnostics,
                      QWidget* parent = nullptr);

    QString summaryText() const;
    QString diagnosticsText() const;

private:
    QLabel* m_summary;
    QPlainTextEdit* m_list;
};
