#include "chartwidget.h"

#include "metrics/metricsstore.h"
#include "scenario/scenario.h"
#include "simtimeaxis.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>
#include <variant>

namespace {

QCPAxisRect* addAxisRect(QCustomPlot* plot, int row, QCPMarginGroup* margins) {
    auto* rect = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(row, 0, rect);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    return rect;
}

void styleAxisRect(QCPAxisRect* rect, const QSharedPointer<QCPAxisTicker>& ticker) {
    rect->axis(QCPAxis::atBottom)->setTicker(ticker);
    rect->axis(QCPAxis::atLeft)->setRange(0, 1);
    rect->axis(QCPAxis::atBottom)->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->axis(QCPAxis::atLeft)->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
}

} // namespace

ChartWidget::ChartWidget(QWidget* parent)
    : QWidget(parent), m_serviceLabel(new QLabel(this)), m_serviceCombo(new QComboBox(this)),
      m_deploymentLabel(new QLabel(this)), m_deploymentCombo(new QComboBox(this)),
      m_plot(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("chartWidget"));
    m_serviceCombo->setObjectName(QStringLiteral("serviceCombo"));
    m_deploymentCombo->setObjectName(QStringLiteral("deploymentCombo"));
    m_serviceLabel->setBuddy(m_serviceCombo);
    m_deploymentLabel->setBuddy(m_deploymentCombo);

    // Three plots, one per unit, so no graph is squashed by another's scale: a student
    // reads "requests per second", "milliseconds" and "pods" each on its own axis.
    QCPAxisRect* first = m_plot->axisRect();
    auto* margins = new QCPMarginGroup(m_plot);
    first->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_rateRect = first;
    m_latencyRect = addAxisRect(m_plot, 1, margins);
    m_podsRect = addAxisRect(m_plot, 2, margins);

    // One ticker for the three plots, so a switch to hours reaches them all.
    const QSharedPointer<QCPAxisTickerTime> ticker = SimTimeAxis::ticker(m_hours);
    for (QCPAxisRect* rect : {m_rateRect, m_latencyRect, m_podsRect}) {
        styleAxisRect(rect, ticker);
        connect(rect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
                this, [this](const QCPRange& range) {
                    for (QCPAxisRect* other : {m_rateRect, m_latencyRect, m_podsRect}) {
                        other->axis(QCPAxis::atBottom)->setRange(range);
                    }
                });
    }
    // Only the bottom plot labels time; the others would repeat it.
    m_rateRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_latencyRect->axis(QCPAxis::atBottom)->setTickLabels(false);

    auto graphIn = [this](QCPAxisRect* rect, const QColor& color, Qt::PenStyle style) {
        QCPGraph* graph =
            m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        graph->setPen(QPen(color, 2, style));
        return graph;
    };
    m_requestRate = graphIn(m_rateRect, QColor(0x0072b2), Qt::SolidLine);
    m_errorRate = graphIn(m_rateRect, QColor(0xc62828), Qt::DashLine);
    m_latency = graphIn(m_latencyRect, QColor(0xd55e00), Qt::SolidLine);
    m_runningPods = graphIn(m_podsRect, QColor(0x009e73), Qt::SolidLine);
    m_runningPods->setLineStyle(QCPGraph::lsStepLeft);
    m_requestRateFeed.graph = m_requestRate;
    m_errorRateFeed.graph = m_errorRate;
    m_latencyFeed.graph = m_latency;
    m_runningPodsFeed.graph = m_runningPods;

    // The legend gets its own row above the plots, laid out in one line.
    m_plot->plotLayout()->insertRow(0);
    m_rateRect->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    // Two entries per line: four in one line get clipped in a dock. setFillOrder(…, true)
    // re-flows the entries already added.
    m_plot->legend->setWrap(2);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setVisible(true);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->setMinimumHeight(320);

    auto* comboRow = new QHBoxLayout;
    comboRow->addWidget(m_serviceLabel);
    comboRow->addWidget(m_serviceCombo, 1);
    comboRow->addSpacing(12);
    comboRow->addWidget(m_deploymentLabel);
    comboRow->addWidget(m_deploymentCombo, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(comboRow);
    layout->addWidget(m_plot, 1);

    connect(m_serviceCombo, &QComboBox::currentIndexChanged, this, &ChartWidget::restartGraphs);
    connect(m_deploymentCombo, &QComboBox::currentIndexChanged, this, &ChartWidget::restartGraphs);
    retranslateUi();
    updateRanges(cnsim::SimTime::zero());
}

bool ChartWidget::selectService(const QString& service) {
    const int index = m_serviceCombo->findText(service);
    if (index < 0) {
        return false;
    }
    m_serviceCombo->setCurrentIndex(index);
    return true;
}

QString ChartWidget::service() const {
    return m_serviceCombo->currentText();
}

QString ChartWidget::deployment() const {
    return m_deploymentCombo->currentText();
}

void ChartWidget::setScenario(const cnsim::Scenario& scenario) {
    const QSignalBlocker serviceBlock(m_serviceCombo);
    const QSignalBlocker deploymentBlock(m_deploymentCombo);
    m_serviceCombo->clear();
    m_deploymentCombo->clear();
    for (const cnsim::Manifest& manifest : scenario.workloads) {
        if (const auto* service = std::get_if<cnsim::ServiceSpec>(&manifest)) {
            m_serviceCombo->addItem(QString::fromStdString(service->name));
        } else if (const auto* deployment = std::get_if<cnsim::DeploymentSpec>(&manifest)) {
            m_deploymentCombo->addItem(QString::fromStdString(deployment->name));
        }
    }
    restartGraphs();
}

void ChartWidget::clear() {
    m_metrics = nullptr;
    m_now = cnsim::SimTime::zero();
    restartGraphs();
}

void ChartWidget::restartGraphs() {
    for (Feed* f : {&m_requestRateFeed, &m_errorRateFeed, &m_latencyFeed, &m_runningPodsFeed}) {
        f->graph->data()->clear();
        f->samples = 0;
        f->maxValue = 0.0;
    }
    retranslateUi(); // legend names carry the selected Service / Deployment
    if (m_metrics) {
        sync(*m_metrics, m_now);
    } else {
        updateRanges(m_now);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void ChartWidget::feed(Feed& f, const cnsim::MetricsStore& metrics, const QString& series) {
    const cnsim::TimeSeries* timeSeries = metrics.find(series.toStdString());
    if (!timeSeries) {
        return;
    }
    const std::size_t count = std::min(timeSeries->times.size(), timeSeries->values.size());
    for (std::size_t i = f.samples; i < count; ++i) {
        f.graph->addData(timeSeries->times[i].toSeconds(), timeSeries->values[i]);
        f.maxValue = std::max(f.maxValue, timeSeries->values[i]);
    }
    f.samples = count;
}

void ChartWidget::sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now) {
    m_metrics = &metrics;
    m_now = now;
    const QString service = m_serviceCombo->currentText();
    const QString deployment = m_deploymentCombo->currentText();
    if (!service.isEmpty()) {
        feed(m_requestRateFeed, metrics, QStringLiteral("service/%1/request_rate").arg(service));
        feed(m_errorRateFeed, metrics, QStringLiteral("service/%1/error_rate").arg(service));
        feed(m_latencyFeed, metrics, QStringLiteral("service/%1/latency_p95_ms").arg(service));
    }
    if (!deployment.isEmpty()) {
        feed(m_runningPodsFeed, metrics,
             QStringLiteral("deployment/%1/pods_running").arg(deployment));
    }
    updateRanges(now);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ChartWidget::updateRanges(cnsim::SimTime now) {
    // The whole run so far, at least a minute, so the first seconds do not look like noise.
    const double right = std::max(60.0, now.toSeconds());
    if (const bool hours = SimTimeAxis::usesHours(right); hours != m_hours) {
        m_hours = hours;
        SimTimeAxis::setFormat(m_podsRect->axis(QCPAxis::atBottom), hours);
        m_podsRect->axis(QCPAxis::atBottom)->setLabel(SimTimeAxis::label(hours));
    }
    for (QCPAxisRect* rect : {m_rateRect, m_latencyRect, m_podsRect}) {
        rect->axis(QCPAxis::atBottom)->setRange(0.0, right);
    }
    const auto top = [](double maxValue, double minimum) {
        return std::max(minimum, maxValue * 1.2);
    };
    m_rateRect->axis(QCPAxis::atLeft)
        ->setRange(0.0, top(std::max(m_requestRateFeed.maxValue, m_errorRateFeed.maxValue), 1.0));
    m_latencyRect->axis(QCPAxis::atLeft)->setRange(0.0, top(m_latencyFeed.maxValue, 10.0));
    m_podsRect->axis(QCPAxis::atLeft)
        ->setRange(0.0, std::max(2.0, m_runningPodsFeed.maxValue + 1.0));
}

void ChartWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ChartWidget::retranslateUi() {
    m_serviceLabel->setText(tr("&Service:"));
    m_deploymentLabel->setText(tr("&Deployment:"));
    const QString service = m_serviceCombo->currentText();
    const QString deployment = m_deploymentCombo->currentText();
    m_requestRate->setName(tr("Requests/s to %1").arg(service));
    m_errorRate->setName(tr("Errors/s"));
    m_latency->setName(tr("p95 latency"));
    m_runningPods->setName(tr("Running pods of %1").arg(deployment));
    m_rateRect->axis(QCPAxis::atLeft)->setLabel(tr("Requests/s"));
    m_latencyRect->axis(QCPAxis::atLeft)->setLabel(tr("p95 latency (ms)"));
    m_podsRect->axis(QCPAxis::atLeft)->setLabel(tr("Running pods"));
    m_podsRect->axis(QCPAxis::atBottom)->setLabel(SimTimeAxis::label(m_hours));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
