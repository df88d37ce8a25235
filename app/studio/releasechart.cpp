#include "releasechart.h"

#include "metrics/metricsstore.h"
#include "simtimeaxis.h"

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <qcustomplot.h>

namespace {

// Okabe–Ito colours, as on the other charts; versions take them in the order they serve.
const QColor weightColour(0xe69f00);
const std::array<QColor, 5> versionColours = {QColor(0x0072b2), QColor(0xd55e00), QColor(0x009e73),
                                              QColor(0xcc79a7), QColor(0x56b4e9)};

QString seriesPrefix(const QString& service, const QString& version) {
    return QStringLiteral("version/%1/%2/").arg(service, version);
}

} // namespace

ReleaseChart::ReleaseChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_weightRect(nullptr), m_errorRect(nullptr) {
    setObjectName(QStringLiteral("releaseChart"));
    m_plot->setObjectName(QStringLiteral("releasePlot"));
    m_plot->legend->setVisible(false);
    m_plot->plotLayout()->clear();
    m_weightRect = makeRect(m_weightLegend);
    m_errorRect = makeRect(m_errorLegend);
    auto* margins = new QCPMarginGroup(m_plot);
    m_weightRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_errorRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_weightRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    // A weight is 0–100 %: the headroom above 100 is for the legend, so no tick there.
    auto percentTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (const int percent : {0, 50, 100}) {
        percentTicks->addTick(percent, QString::number(percent));
    }
    m_weightRect->axis(QCPAxis::atLeft)->setTicker(percentTicks);
    m_weight.graph = m_plot->addGraph(m_weightRect->axis(QCPAxis::atBottom),
                                      m_weightRect->axis(QCPAxis::atLeft));
    m_weight.graph->setLineStyle(QCPGraph::lsStepLeft);
    m_weight.graph->setPen(QPen(weightColour, 2));
    m_weight.graph->removeFromLegend();
    m_weight.graph->addToLegend(m_weightLegend);
    connect(
        m_errorRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
        this,
        [this](const QCPRange& range) { m_weightRect->axis(QCPAxis::atBottom)->setRange(range); });
    m_plot->setMinimumHeight(150);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    retranslateUi();
    updateRanges(cnsim::SimTime::zero());
}

QCPAxisRect* ReleaseChart::makeRect(QCPLegend*& legend) {
    auto* rect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, rect);
    QCPAxis* time = rect->axis(QCPAxis::atBottom);
    time->setTicker(SimTimeAxis::ticker(m_hours));
    time->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->axis(QCPAxis::atLeft)->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    legend = new QCPLegend;
    rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(4);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(QColor(255, 255, 255, 170));
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    legend->setFont(small);
    legend->setIconSize(18, 8);
    legend->setRowSpacing(0);
    return rect;
}

QCPGraph* ReleaseChart::errorGraph(const QString& version) const {
    for (const Line& line : m_versions) {
        if (line.version == version) {
            return line.graph;
        }
    }
    return nullptr;
}

void ReleaseChart::setTarget(const QString& rollout, const QString& service) {
    m_rollout = rollout;
    m_service = service;
    clear();
}

void ReleaseChart::clear() {
    for (const Line& line : m_versions) {
        m_plot->removeGraph(line.graph);
    }
    m_versions.clear();
    m_weight.graph->data()->clear();
    m_weight.samples = 0;
    m_seriesSeen = 0;
    m_errorTop = 0.0;
    updateRanges(cnsim::SimTime::zero());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReleaseChart::discoverVersions(const cnsim::MetricsStore& metrics) {
    const std::vector<cnsim::TimeSeries>& all = metrics.all();
    if (all.size() == m_seriesSeen || m_service.isEmpty()) {
        return;
    }
    m_seriesSeen = all.size();
    const QString prefix = QStringLiteral("version/%1/").arg(m_service);
    const QString suffix = QStringLiteral("/request_rate");
    for (const cnsim::TimeSeries& s : all) {
        const QString name = QString::fromStdString(s.name);
        if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
            continue;
        }
        const QString version =
            name.mid(prefix.size(), name.size() - prefix.size() - suffix.size());
        if (errorGraph(version) != nullptr) {
            continue;
        }
        Line line;
        line.version = version;
        line.graph = m_plot->addGraph(m_errorRect->axis(QCPAxis::atBottom),
                                      m_errorRect->axis(QCPAxis::atLeft));
        line.graph->setPen(QPen(versionColours[m_versions.size() % versionColours.size()], 2));
        line.graph->removeFromLegend();
        line.graph->addToLegend(m_errorLegend);
        m_versions.push_back(std::move(line));
    }
    retranslateUi();
}

void ReleaseChart::sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now) {
    if (const cnsim::TimeSeries* weight =
            metrics.find(QStringLiteral("rollout/%1/canary_weight").arg(m_rollout).toStdString())) {
        const std::size_t count = std::min(weight->times.size(), weight->values.size());
        for (std::size_t i = m_weight.samples; i < count; ++i) {
            m_weight.graph->addData(weight->times[i].toSeconds(), weight->values[i]);
        }
        m_weight.samples = count;
    }
    discoverVersions(metrics);
    for (Line& line : m_versions) {
        const std::string prefix = seriesPrefix(m_service, line.version).toStdString();
        const cnsim::TimeSeries* requests = metrics.find(prefix + "request_rate");
        const cnsim::TimeSeries* errors = metrics.find(prefix + "error_rate");
        if (requests == nullptr || errors == nullptr) {
            continue;
        }
        const std::size_t count = std::min(requests->values.size(), errors->values.size());
        for (std::size_t i = line.samples; i < count; ++i) {
            line.requests.push_back(requests->values[i]);
            line.errors.push_back(errors->values[i]);
            if (line.requests.size() > kErrorWindowSeconds) {
                line.requests.pop_front();
                line.errors.pop_front();
            }
            double sent = 0.0;
            double failed = 0.0;
            for (std::size_t k = 0; k < line.requests.size(); ++k) {
                sent += line.requests[k];
                failed += line.errors[k];
            }
            // A version that serves nothing this second has no share: a gap, not a zero, and
            // its line ends when it stops serving (not a window later).
            const bool serving = requests->values[i] > 0.0;
            const double share = serving && sent > 0.0 ? 100.0 * failed / sent : qQNaN();
            line.graph->addData(requests->times[i].toSeconds(), share);
            if (serving && sent > 0.0) {
                m_errorTop = std::max(m_errorTop, share);
            }
        }
        line.samples = count;
    }
    updateRanges(now);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReleaseChart::updateRanges(cnsim::SimTime now) {
    const double right = std::max(60.0, now.toSeconds());
    if (const bool hours = SimTimeAxis::usesHours(right); hours != m_hours) {
        m_hours = hours;
        SimTimeAxis::setFormat(m_weightRect->axis(QCPAxis::atBottom), hours);
        SimTimeAxis::setFormat(m_errorRect->axis(QCPAxis::atBottom), hours);
        retranslateUi();
    }
    m_errorRect->axis(QCPAxis::atBottom)->setRange(0.0, right);
    m_weightRect->axis(QCPAxis::atBottom)->setRange(0.0, right);
    // Headroom above the highest value keeps the lines clear of the legend.
    m_weightRect->axis(QCPAxis::atLeft)->setRange(0.0, 160.0);
    m_errorRect->axis(QCPAxis::atLeft)->setRange(0.0, std::max(5.0, m_errorTop * 1.7));
}

void ReleaseChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ReleaseChart::retranslateUi() {
    m_weightRect->axis(QCPAxis::atLeft)->setLabel(tr("% of traffic"));
    m_errorRect->axis(QCPAxis::atLeft)->setLabel(tr("% errors"));
    m_errorRect->axis(QCPAxis::atBottom)->setLabel(SimTimeAxis::label(m_hours));
    m_weight.graph->setName(tr("Canary weight (stable gets the rest)"));
    for (const Line& line : m_versions) {
        line.graph->setName(tr("errors of %1").arg(line.version));
    }
    m_errorLegend->setVisible(!m_versions.empty());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
