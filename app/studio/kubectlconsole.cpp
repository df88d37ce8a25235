#include "kubectlconsole.h"

#include "engine/simtime.h"
#include "kubectl/completion.h"
#include "model/simulation.h"
#include "simulationcontroller.h"

#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

namespace {

constexpr int kMaxHistory = 500;

QString commonPrefix(const std::vector<std::string>& words) {
    if (words.empty()) {
        return {};
    }
    std::string prefix = words.front();
    for (const std::string& w : words) {
        std::size_t n = 0;
        while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) {
            ++n;
        }
        prefix.resize(n);
    }
    return QString::fromStdString(prefix);
}

} // namespace

KubectlConsole::KubectlConsole(SimulationController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_output(new QPlainTextEdit(this)),
      m_input(new QLineEdit(this)) {
    setObjectName(QStringLiteral("kubectlConsole"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setObjectName(QStringLiteral("kubectlOutput"));
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    // Tables are wide; wrapping them would break the columns.
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setMaximumBlockCount(5000);
    m_input->setObjectName(QStringLiteral("kubectlInput"));
    m_input->setFont(mono);
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::returnPressed, this, &KubectlConsole::submit);
    connect(m_controller, &SimulationController::scriptedCommandRan, this,
            &KubectlConsole::showScriptedCommand);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_input);
    setFocusProxy(m_input);
    retranslateUi();
}

QString KubectlConsole::output() const {
    return m_output->toPlainText();
}

void KubectlConsole::execute(const QString& commandLine) {
    const QString line = commandLine.trimmed();
    if (line.isEmpty()) {
        return;
    }
    if (m_history.isEmpty() || m_history.last() != line) {
        m_history.append(line);
        if (m_history.size() > kMaxHistory) {
            m_history.removeFirst();
        }
    }
    m_historyIndex = static_cast<int>(m_history.size());
    m_draft.clear();
    if (line == QLatin1String("clear")) {
        clearOutput();
        return;
    }
    const bool prefixed = line.startsWith(QLatin1String("kubectl"));
    append(QStringLiteral("$ ") + (prefixed ? QString() : QStringLiteral("kubectl ")) + line);
    const cnsim::KubectlResult r = m_controller->runKubectl(line.toStdString());
    QString text = QString::fromStdString(r.out) + QString::fromStdString(r.err);
    if (text.endsWith(QLatin1Char('\n'))) {
        text.chop(1);
    }
    if (!text.isEmpty()) {
        append(text);
    }
}

void KubectlConsole::showScriptedCommand(const QString& command, const QString& output) {
    append(tr("[scenario, %1] $ %2")
               .arg(QString::fromStdString(cnsim::formatClock(m_controller->now())), command));
    QString text = output;
    if (text.endsWith(QLatin1Char('\n'))) {
        text.chop(1);
    }
    if (!text.isEmpty()) {
        append(text);
    }
}

void KubectlConsole::clearOutput() {
    m_output->clear();
}

void KubectlConsole::submit() {
    const QString line = m_input->text();
    m_input->clear();
    execute(line);
}

void KubectlConsole::recall(int direction) {
    if (m_history.isEmpty()) {
        return;
    }
    if (m_historyIndex == m_history.size()) {
        m_draft = m_input->text();
    }
    m_historyIndex = std::clamp(m_historyIndex + direction, 0, static_cast<int>(m_history.size()));
    m_input->setText(m_historyIndex == m_history.size() ? m_draft : m_history.at(m_historyIndex));
}

void KubectlConsole::complete() {
    const cnsim::Simulation* sim = m_controller->simulation();
    if (sim == nullptr) {
        return;
    }
    // Complete what is left of the cursor; the rest of the line stays as it is.
    const QString before = m_input->text().left(m_input->cursorPosition());
    const QString after = m_input->text().mid(m_input->cursorPosition());
    const std::vector<std::string> candidates =
        cnsim::kubectlCompletions(*sim, before.toStdString());
    if (candidates.empty()) {
        return;
    }
    const qsizetype wordStart = before.lastIndexOf(QLatin1Char(' ')) + 1;
    const QString word = before.mid(wordStart);
    QString replacement = commonPrefix(candidates);
    if (candidates.size() == 1 && !replacement.endsWith(QLatin1Char('/')) &&
        !replacement.endsWith(QLatin1Char('='))) {
        replacement += QLatin1Char(' ');
    }
    if (candidates.size() > 1 && replacement == word) {
        // Nothing more to add: list the choices, as a shell does on a second Tab.
        QStringList names;
        for (const std::string& c : candidates) {
            names << QString::fromStdString(c);
        }
        append(names.join(QLatin1String("  ")));
        return;
    }
    m_input->setText(before.left(wordStart) + replacement + after);
    m_input->setCursorPosition(static_cast<int>(wordStart + replacement.size()));
}

void KubectlConsole::append(const QString& text) {
    m_output->appendPlainText(text);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

bool KubectlConsole::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Up:
            recall(-1);
            return true;
        case Qt::Key_Down:
            recall(+1);
            return true;
        case Qt::Key_Tab:
            // Tab completes here instead of moving the focus.
            complete();
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KubectlConsole::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void KubectlConsole::retranslateUi() {
    m_input->setPlaceholderText(tr("Type a kubectl command, e.g. kubectl get pods -o wide"));
    m_input->setToolTip(
        tr("Runs against the simulated cluster at the current time. Up/Down: history, "
           "Tab: complete, \"clear\": clear the output"));
    m_output->setAccessibleName(tr("kubectl output"));
    m_input->setAccessibleName(tr("kubectl command"));
}
