#include "diagnosticsdialog.h"

#include "scenarioloader.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

DiagnosticsDialog::DiagnosticsDialog(const QString& path,
                                     const std::vector<cnsim::Diagnostic>& diagnostics,
                                     QWidget* parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_list(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("diagnosticsDialog"));
    setWindowTitle(tr("Could not open scenario"));
    const int count = static_cast<int>(diagnostics.size());
    m_summary->setText(tr("%1 could not be opened: %n problem(s) found. "
                          "Nothing was changed; the current scenario stays open.",
                          nullptr, count)
                           .arg(QFileInfo(path).fileName()));
    m_summary->setWordWrap(true);

    QStringList lines;
    for (const cnsim::Diagnostic& diagnostic : diagnostics) {
        lines << ScenarioLoader::formatDiagnostic(diagnostic);
    }
    if (lines.isEmpty()) {
        lines << tr("The file could not be read.");
    }
    m_list->setReadOnly(true);
    m_list->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->setPlainText(lines.join(QLatin1Char('\n')));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(720, 320);
}

QString DiagnosticsDialog::summaryText() const {
    return m_summary->text();
}

QString DiagnosticsDialog::diagnosticsText() const {
    return m_list->toPlainText();
}
