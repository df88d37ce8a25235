#include "autoscalingchart.h"

#include "explanationtext.h"
#include "metrics/metricsstore.h"
#include "simtimeaxis.h"

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <qcustomplot.h>

namespace {

constexpr std::size_t panelCount = 6;

std::size_t at(AutoscalingChart::Panel panel) {
    return static_cast<std::size_t>(panel);
}

// Each panel's place from the top, by Panel: load, metric, replicas, nodes, latency, cost.
constexpr std::array<int, 6> displayOrder = {0, 1, 2, 4, 5, 3};

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

// Okabe–Ito colours, as on the canvas and the Metrics chart.
const QColor loadColour(0x0072b2);
const QColor metricColour(0xe69f00);
const QColor targetColour(0x555555);
const QColor runningColour(0x009e73);
const QColor desiredColour(0x00513a);
const QColor nodesColour(0xcc79a7);
const QColor latencyColour(0xd55e00);
const QColor costColour(0x56b4e9);

} // namespace

AutoscalingChart::AutoscalingChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_margins(new QCPMarginGroup(m_plot)),
      m_rects(panelCount, nullptr), m_legends(panelCount, nullptr) {
    setObjectName(QStringLiteral("autoscalingChart"));
    m_plot->setObjectName(QStringLiteral("autoscalingPlot"));
    // The default legend lives in the first plot; each plot gets its own instead, next to
    // the lines it names.
    m_plot->legend->setVisible(false);
    m_plot->plotLayout()->clear();
    for (const Panel panel : {Panel::Load, Panel::Metric, Panel::Replicas, Panel::Latency}) {
        ensureRect(panel);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    retranslateUi();
    updateRanges(cnsim::SimTime::zero());
}

QCPAxisRect* AutoscalingChart::bottomRect() const {
    QCPLayoutGrid* grid = m_plot->plotLayout();
    return grid->rowCount() == 0
               ? nullptr
               : qobject_cast<QCPAxisRect*>(grid->element(grid->rowCount() - 1, 0));
}

QCPAxisRect* AutoscalingChart::axisRect(Panel panel) const {
    return m_rects[at(panel)];
}

QCPGraph* AutoscalingChart::graph(const QString& series) const {
    for (const Line& line : m_lines) {
        if (line.series == series) {
            return line.graph;
        }
    }
    return nullptr;
}

QCPAxisRect* AutoscalingChart::ensureRect(Panel panel) {
    if (QCPAxisRect* existing = m_rects[at(panel)]) {
        return existing;
    }
    auto* rect = new QCPAxisRect(m_plot);
    // Top to bottom in display order: node counts sit under the pods they make room for.
    int row = 0;
    for (std::size_t p = 0; p < panelCount; ++p) {
        if (m_rects[p] != nullptr && displayOrder[p] < displayOrder[at(panel)]) {
            ++row;
        }
    }
    m_plot->plotLayout()->insertRow(row);
    m_plot->plotLayout()->addElement(row, 0, rect);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, m_margins);
    QCPAxis* time = rect->axis(QCPAxis::atBottom);
    time->setTicker(SimTimeAxis::ticker(m_hours));
    time->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->axis(QCPAxis::atLeft)->grid()->setPen(QPen(QColor(0xe0e0e0), 0, Qt::DotLine));
    rect->axis(QCPAxis::atLeft)->setRange(0, 1);
    // Short plots: three value ticks keep the labels apart.
    rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
    rect->setRangeDrag(Qt::Horizontal);
    rect->setRangeZoom(Qt::Horizontal);
    connect(time, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) {
                for (QCPAxisRect* other : m_rects) {
                    if (other != nullptr) {
                        other->axis(QCPAxis::atBottom)->setRange(range);
                    }
                }
            });
    // A one-line legend in the top-left corner; the ranges leave headroom for it.
    auto* legend = new QCPLegend;
    rect->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignLeft);
    legend->setLayer(QStringLiteral("legend"));
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(3);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(QColor(255, 255, 255, 160));
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    legend->setFont(small);
    legend->setIconSize(18, 8);
    legend->setRowSpacing(0);
    legend->setVisible(true);
    if (panel == Panel::Replicas || panel == Panel::Nodes) {
        // Pods and nodes come whole: ticks on whole numbers only.
        QSharedPointer<QCPAxisTickerFixed> whole(new QCPAxisTickerFixed);
        whole->setTickStep(1.0);
        whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        whole->setTickCount(3);
        rect->axis(QCPAxis::atLeft)->setTicker(whole);
    }
    m_rects[at(panel)] = rect;
    m_legends[at(panel)] = legend;
    // About 65 pixels per plot: less and the value labels run into each other.
    m_plot->setMinimumHeight(
        65 * static_cast<int>(std::count_if(m_rects.begin(), m_rects.end(),
                                            [](const QCPAxisRect* r) { return r != nullptr; })));
    if (panel == Panel::Cost) {
        rect->axis(QCPAxis::atRight)->setVisible(true);
        rect->axis(QCPAxis::atRight)->setRange(0, 1);
        rect->axis(QCPAxis::atRight)->ticker()->setTickCount(3);
    }
    // Only the bottom plot labels time; the others would repeat it.
    for (QCPAxisRect* other : m_rects) {
        if (other != nullptr) {
            other->axis(QCPAxis::atBottom)->setTickLabels(other == bottomRect());
            other->axis(QCPAxis::atBottom)->setLabel(QString());
        }
    }
    if (panel == Panel::Cost || panel == Panel::Nodes) {
        retranslateUi();
    }
    return rect;
}

void AutoscalingChart::setTarget(const QString& hpa, const QString& deployment,
                                 const QString& service) {
    m_hpa = hpa;
    m_deployment = deployment;
    m_service = service;
    clear();
}

void AutoscalingChart::clear() {
    for (const Line& line : m_lines) {
        m_plot->removeGraph(line.graph);
    }
    m_lines.clear();
    m_seriesSeen = 0;
    m_now = cnsim::SimTime::zero();
    updateRanges(m_now);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AutoscalingChart::addLine(const QString& series, Panel panel, bool rightAxis) {
    QCPAxisRect* rect = ensureRect(panel);
    Line line;
    line.series = series;
    line.panel = panel;
    line.rightAxis = rightAxis;
    line.graph = m_plot->addGraph(rect->axis(QCPAxis::atBottom),
                                  rect->axis(rightAxis ? QCPAxis::atRight : QCPAxis::atLeft));
    line.graph->removeFromLegend();
    line.graph->addToLegend(m_legends[at(panel)]);
    styleLine(line);
    line.graph->setName(lineName(line));
    m_lines.push_back(line);
}

void AutoscalingChart::discoverLines(const cnsim::MetricsStore& metrics) {
    const std::vector<cnsim::TimeSeries>& all = metrics.all();
    if (all.size() == m_seriesSeen) {
        return; // no new series since the last look
    }
    m_seriesSeen = all.size();
    const QString hpaPrefix = QStringLiteral("hpa/%1/").arg(m_hpa);
    for (const cnsim::TimeSeries& s : all) {
        const QString name = fromStd(s.name);
        if (graph(name) != nullptr) {
            continue;
        }
        if (!m_service.isEmpty() &&
            name == QStringLiteral("service/%1/request_rate").arg(m_service)) {
            addLine(name, Panel::Load);
        } else if (!m_hpa.isEmpty() && name.startsWith(hpaPrefix) &&
                   (name.endsWith(QLatin1String("_current")) ||
                    name.endsWith(QLatin1String("_target")))) {
            addLine(name, Panel::Metric);
        } else if (!m_hpa.isEmpty() && name == hpaPrefix + QStringLiteral("desired_replicas")) {
            addLine(name, Panel::Replicas);
        } else if (!m_deployment.isEmpty() &&
                   name == QStringLiteral("deployment/%1/pods_running").arg(m_deployment)) {
            addLine(name, Panel::Replicas);
        } else if (name.startsWith(QLatin1String("nodegroup/")) &&
                   (name.endsWith(QLatin1String("/nodes")) ||
                    name.endsWith(QLatin1String("/target_size")))) {
            addLine(name, Panel::Nodes);
        } else if (!m_service.isEmpty() &&
                   name == QStringLiteral("service/%1/latency_p95_ms").arg(m_service)) {
            addLine(name, Panel::Latency);
        } else if (name == QLatin1String("cost/cluster/dollars_per_hour")) {
            addLine(name, Panel::Cost);
        } else if (name == QLatin1String("cost/cluster/dollars")) {
            addLine(name, Panel::Cost, true);
        }
    }
    retranslateUi();
}

void AutoscalingChart::styleLine(Line& line) const {
    QCPGraph* g = line.graph;
    const QString& s = line.series;
    QPen pen(loadColour, 2);
    switch (line.panel) {
    case Panel::Load:
        break;
    case Panel::Metric:
        pen.setColor(s.endsWith(QLatin1String("_target")) ? targetColour : metricColour);
        if (s.endsWith(QLatin1String("_target"))) {
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.5);
        }
        break;
    case Panel::Nodes:
        g->setLineStyle(QCPGraph::lsStepLeft);
        pen.setColor(nodesColour);
        // Target above nodes: machines requested and still booting.
        if (s.endsWith(QLatin1String("/target_size"))) {
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.5);
        }
        break;
    case Panel::Replicas:
        g->setLineStyle(QCPGraph::lsStepLeft);
        if (s.endsWith(QLatin1String("desired_replicas"))) {
            pen.setColor(desiredColour);
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.5);
        } else {
            pen.setColor(runningColour);
        }
        break;
    case Panel::Latency:
        pen.setColor(latencyColour);
        break;
    case Panel::Cost:
        pen.setColor(costColour);
        if (line.rightAxis) {
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.5);
        }
        break;
    }
    g->setPen(pen);
}

QString AutoscalingChart::lineName(const Line& line) const {
    const QString& s = line.series;
    switch (line.panel) {
    case Panel::Load:
        return tr("Requests/s to %1").arg(m_service);
    case Panel::Metric: {
        // hpa/<name>/<metric>_utilization_current, <metric>_average_target, …
        QString metric = s.mid(QStringLiteral("hpa/%1/").arg(m_hpa).size());
        const bool target = metric.endsWith(QLatin1String("_target"));
        metric.chop(target ? 7 : 8);
        for (const QLatin1String kind :
             {QLatin1String("_utilization"), QLatin1String("_average"), QLatin1String("_value")}) {
            if (metric.endsWith(kind)) {
                metric.chop(kind.size());
                break;
            }
        }
        const QString label = ExplanationText::metricName(metric.toStdString());
        if (target) {
            return tr("target");
        }
        return s.contains(QLatin1String("_utilization_")) ? tr("%1 (% of request)").arg(label)
                                                          : label;
    }
    case Panel::Nodes:
        return s.endsWith(QLatin1String("/target_size"))
                   ? tr("Target size of %1").arg(s.section(u'/', 1, 1))
                   : tr("Nodes in %1").arg(s.section(u'/', 1, 1));
    case Panel::Replicas:
        return s.endsWith(QLatin1String("desired_replicas")) ? tr("Desired (HPA)")
                                                             : tr("Running pods");
    case Panel::Latency:
        return tr("p95 latency of %1").arg(m_service);
    case Panel::Cost:
        return line.rightAxis ? tr("Spent so far ($, right)") : tr("Cost per hour");
    }
    return s;
}

void AutoscalingChart::sync(const cnsim::MetricsStore& metrics, cnsim::SimTime now) {
    m_now = now;
    discoverLines(metrics);
    for (Line& line : m_lines) {
        const cnsim::TimeSeries* series = metrics.find(line.series.toStdString());
        if (series == nullptr) {
            continue;
        }
        const std::size_t count = std::min(series->times.size(), series->values.size());
        for (std::size_t i = line.samples; i < count; ++i) {
            line.graph->addData(series->times[i].toSeconds(), series->values[i]);
            line.maxValue = std::max(line.maxValue, series->values[i]);
        }
        line.samples = count;
    }
    updateRanges(now);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void AutoscalingChart::updateRanges(cnsim::SimTime now) {
    // The whole run so far, at least a minute, as on the Metrics chart.
    const double right = std::max(60.0, now.toSeconds());
    if (const bool hours = SimTimeAxis::usesHours(right); hours != m_hours) {
        m_hours = hours;
        for (QCPAxisRect* rect : m_rects) {
            if (rect != nullptr) {
                SimTimeAxis::setFormat(rect->axis(QCPAxis::atBottom), hours);
            }
        }
        retranslateUi();
    }
    std::array<double, panelCount> top{};
    double rightTop = 0.0;
    for (const Line& line : m_lines) {
        double& t = line.rightAxis ? rightTop : top[at(line.panel)];
        t = std::max(t, line.maxValue);
    }
    // Headroom above the highest value keeps the lines clear of the legend.
    const std::array<double, panelCount> minimum = {1.0, 10.0, 2.0, 10.0, 0.1, 2.0};
    for (std::size_t p = 0; p < panelCount; ++p) {
        QCPAxisRect* rect = m_rects[p];
        if (rect == nullptr) {
            continue;
        }
        rect->axis(QCPAxis::atBottom)->setRange(0.0, right);
        const double upper = p == at(Panel::Replicas) || p == at(Panel::Nodes)
                                 ? std::ceil(top[p] * 1.5) + 1.0
                                 : top[p] * 1.7;
        rect->axis(QCPAxis::atLeft)->setRange(0.0, std::max(minimum[p], upper));
        if (p == at(Panel::Cost)) {
            rect->axis(QCPAxis::atRight)->setRange(0.0, std::max(0.1, rightTop * 1.7));
        }
    }
}

void AutoscalingChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void AutoscalingChart::retranslateUi() {
    const std::array<QString, panelCount> units = {tr("req/s"), tr("value"), tr("pods"),
                                                   tr("ms"),    tr("$/h"),   tr("nodes")};
    bool utilizationOnly = true;
    for (const Line& line : m_lines) {
        utilizationOnly = utilizationOnly && (line.panel != Panel::Metric ||
                                              line.series.contains(QLatin1String("_utilization_")));
    }
    for (std::size_t p = 0; p < panelCount; ++p) {
        if (QCPAxisRect* rect = m_rects[p]) {
            rect->axis(QCPAxis::atLeft)
                ->setLabel(p == at(Panel::Metric) && utilizationOnly ? tr("%", "percent axis")
                                                                     : units[p]);
        }
    }
    if (QCPAxisRect* cost = m_rects[at(Panel::Cost)]) {
        cost->axis(QCPAxis::atRight)->setLabel(tr("$"));
    }
    if (QCPAxisRect* bottom = bottomRect()) {
        bottom->axis(QCPAxis::atBottom)->setLabel(SimTimeAxis::label(m_hours));
    }
    for (const Line& line : m_lines) {
        line.graph->setName(lineName(line));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
