#include "scenarioinfowidget.h"

#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

ScenarioInfoWidget::ScenarioInfoWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_description(new QLabel(this)),
      m_traffic(new QLabel(this)), m_file(new QLabel(this)) {
    setObjectName(QStringLiteral("scenarioInfo"));
    m_title->setObjectName(QStringLiteral("scenarioTitle"));
    m_description->setObjectName(QStringLiteral("scenarioDescription"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_traffic->setObjectName(QStringLiteral("scenarioTrafficMode"));
    m_traffic->setWordWrap(true);
    m_file->setWordWrap(true);
    m_file->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addWidget(m_traffic);
    layout->addWidget(m_file);
    layout->addStretch(1);
    refresh();
}

QString ScenarioInfoWidget::localized(const cnsim::LocalizedText& text, const QString& language) {
    if (language.startsWith(QLatin1String("zh")) && !text.zhCN.empty()) {
        // A folded YAML block (`>-`) joins lines with a space, which is wrong between two
        // Chinese characters; spaces between Chinese and Latin words are kept.
        static const QRegularExpression foldedSpace(
            QStringLiteral("(?<=[\\x{3000}-\\x{303F}\\x{4E00}-\\x{9FFF}\\x{FF00}-\\x{FFEF}])"
                           "\\s+"
                           "(?=[\\x{3000}-\\x{303F}\\x{4E00}-\\x{9FFF}\\x{FF00}-\\x{FFEF}])"));
        return QString::fromStdString(text.zhCN).replace(foldedSpace, QString());
    }
    return QString::fromStdString(text.en);
}

void ScenarioInfoWidget::setScenario(const cnsim::Scenario& scenario, const QString& fileName) {
    m_metadata = scenario.metadata;
    m_hasTraffic = !scenario.simulation.traffic.empty();
    m_trafficMode = scenario.simulation.trafficMode;
    m_fileName = fileName;
    refresh();
}

void ScenarioInfoWidget::setLanguage(const QString& language) {
    m_language = language;
    refresh();
}

QString ScenarioInfoWidget::title() const {
    const QString title = localized(m_metadata.title, m_language);
    return title.isEmpty() ? QString::fromStdString(m_metadata.name) : title;
}

QString ScenarioInfoWidget::description() const {
    return localized(m_metadata.description, m_language);
}

QString ScenarioInfoWidget::trafficMode() const {
    if (!m_hasTraffic) {
        return {};
    }
    return m_trafficMode == cnsim::TrafficMode::Aggregate
               ? tr("Traffic: aggregate — rates per pod and second (for long or busy scenarios)")
               : tr("Traffic: per request — every request simulated");
}

void ScenarioInfoWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        refresh();
    }
    QWidget::changeEvent(event);
}

void ScenarioInfoWidget::refresh() {
    m_title->setText(title().isEmpty() ? tr("No scenario open") : title());
    m_description->setText(description());
    m_traffic->setText(trafficMode());
    m_traffic->setVisible(m_hasTraffic);
    m_file->setText(m_fileName.isEmpty() ? QString()
                                         : tr("File: %1").arg(QFileInfo(m_fileName).fileName()));
    m_file->setToolTip(m_fileName);
}
