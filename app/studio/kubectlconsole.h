#pragma once

// KubectlConsole: the console dock's content — a terminal-like pane where a student types
// kubectl commands against the running simulation (sim/kubectl). An input line with
// history (Up/Down, as a shell) and Tab completion of commands, resource types and object
// names; the output pane shows each command after a "$" prompt, in a monospace font.
//
// kubectl's own output is program output and is shown untranslated, as in a terminal; the
// console's own texts (placeholder, hints) go through tr().

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class SimulationController;

class KubectlConsole : public QWidget {
    Q_OBJECT

public:
    explicit KubectlConsole(SimulationController* controller, QWidget* parent = nullptr);

    QStringList history() const { return m_history; }
    QString output() const;

public slots:
    // Runs one command line as if typed and Enter pressed.
    void execute(const QString& commandLine);
    // Shows a command the scenario ran by itself (simulation.commands) and its output.
    void showScriptedCommand(const QString& command, const QString& output);
    void clearOutput();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void submit();
    void recall(int direction); // -1: older, +1: newer
    void complete();
    void append(const QString& text);
    void retranslateUi();

    SimulationController* m_controller;
    QPlainTextEdit* m_output;
    QLineEdit* m_input;
    QStringList m_history;
    int m_historyIndex = 0; // == m_history.size() while editing a new line
    QString m_draft;        // the unfinished line kept while browsing history
};
