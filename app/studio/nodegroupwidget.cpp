#include "nodegroupwidget.h"

#include "cadecisionlogmodel.h"
#include "explanationtext.h"
#include "hpadecisionlogmodel.h"
#include "model/simulation.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

double latest(const cnsim::MetricsStore& metrics, const std::string& series) {
    const cnsim::TimeSeries* s = metrics.find(series);
    return s != nullptr && !s->values.empty() ? s->values.back() : 0.0;
}

QString listItems(const std::vector<cnsim::ExplainStep>& steps) {
    QString items;
    for (const cnsim::ExplainStep& step : steps) {
        items += QStringLiteral("<li>%1</li>").arg(ExplanationText::step(step).toHtmlEscaped());
    }
    return items;
}

QString section(const QString& heading, const QString& items) {
    return QStringLiteral("<p style=\"margin-bottom:0\"><b>%1</b></p><ul style=\"margin-top:0; "
                          "margin-left:-20px\">%2</ul>")
        .arg(heading.toHtmlEscaped(), items);
}

} // namespace

NodeGroupWidget::NodeGroupWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_groupsTable(new QLabel(this)),
      m_logTitle(new QLabel(this)), m_log(new CaDecisionLogModel(this)),
      m_logView(new QTreeView(this)), m_scan(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("nodeGroupWidget"));
    m_title->setObjectName(QStringLiteral("nodeGroupTitle"));
    m_title->setWordWrap(true);
    m_groupsTable->setObjectName(QStringLiteral("nodeGroupTable"));
    for (QLabel* label : {m_title, m_groupsTable}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = font();
    bold.setBold(true);
    m_logTitle->setFont(bold);

    m_logView->setObjectName(QStringLiteral("caDecisionLog"));
    m_logView->setModel(m_log);
    m_logView->setRootIsDecorated(false);
    m_logView->setUniformRowHeights(true);
    m_logView->setAlternatingRowColors(true);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->header()->setStretchLastSection(true);
    m_logView->header()->setSectionResizeMode(CaDecisionLogModel::TimeColumn,
                                              QHeaderView::ResizeToContents);
    m_logView->header()->setSectionResizeMode(CaDecisionLogModel::NodesColumn,
                                              QHeaderView::ResizeToContents);
    m_scan->setObjectName(QStringLiteral("caScanDetail"));
    m_scan->setOpenLinks(false);

    auto* logBox = new QWidget(this);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_logView, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(logBox);
    splitter->addWidget(m_scan);
    splitter->setSizes({110, 140});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_groupsTable);
    layout->addWidget(splitter, 1);

    connect(m_logView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodeGroupWidget::showScan);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView, &QTreeView::scrollToBottom);
    retranslateUi();
}

QString NodeGroupWidget::groupsText() const {
    return m_groupsTable->toolTip();
}

QString NodeGroupWidget::scanText() const {
    return m_scan->toPlainText();
}

void NodeGroupWidget::clear() {
    m_groups.clear();
    m_latest.reset();
    m_draining.clear();
    m_dollarsPerHour = 0;
    m_dollars = 0;
    m_log->clear();
    showGroups();
    showScan();
}

void NodeGroupWidget::sync(const cnsim::Simulation& simulation) {
    const cnsim::MetricsStore& metrics = simulation.metrics();
    m_groups.clear();
    for (const cnsim::NodeGroupSpec& spec : simulation.scenario().cluster.nodeGroups) {
        Group g;
        g.name = qs(spec.name);
        g.minSize = spec.minSize;
        g.maxSize = spec.maxSize;
        const std::string prefix = "nodegroup/" + spec.name + "/";
        g.nodes = static_cast<int>(latest(metrics, prefix + "nodes"));
        g.target = static_cast<int>(latest(metrics, prefix + "target_size"));
        g.pricePerHour = spec.pricePerHour;
        g.spot = spec.spot.has_value();
        m_groups.push_back(g);
    }
    m_dollarsPerHour = latest(metrics, "cost/cluster/dollars_per_hour");
    m_dollars = latest(metrics, "cost/cluster/dollars");
    const auto& ca = simulation.scenario().simulation.clusterAutoscaler;
    m_scanInterval = ca ? ca->scanInterval : cnsim::k8s::kCaScanInterval;
    m_draining.clear();
    for (const auto& [key, node] : simulation.api().nodes()) {
        if (std::any_of(node.taints.begin(), node.taints.end(), [](const cnsim::Taint& t) {
                return t.key == cnsim::k8s::kCaToBeDeletedTaint;
            })) {
            m_draining << qs(node.meta.name);
        }
    }
    const std::optional<cnsim::CaDecisionHistory> history = simulation.clusterAutoscalerDecisions();
    const bool newScan = history && !history->records.empty() &&
                         (!m_latest || history->records.back().time != m_latest->time);
    if (newScan) {
        m_log->sync(*history);
        m_latest = history->records.back();
    }
    showGroups();
    if (newScan) {
        showScan();
    }
}

void NodeGroupWidget::showGroups() {
    m_groupsTable->setVisible(!m_groups.empty());
    if (m_groups.empty()) {
        m_title->setText(tr("This cluster has no node groups, so the cluster autoscaler does not "
                            "run. Add cluster.nodeGroups to a scenario to watch it add and "
                            "remove machines."));
        return;
    }
    m_title->setText(tr("The cluster autoscaler adds a node when pods are Pending because no "
                        "node has room, and removes nodes that stay underused."));
    QString rows = QStringLiteral("<tr>");
    for (const QString& heading : {tr("Node group"), tr("Min size"), tr("Nodes"), tr("Booting"),
                                   tr("Target"), tr("Max size"), tr("Price per node")}) {
        rows += QStringLiteral("<th align=\"left\">%1&nbsp;&nbsp;</th>").arg(heading);
    }
    rows += QStringLiteral("</tr>");
    QStringList lines;
    for (const Group& g : m_groups) {
        const int booting = std::max(0, g.target - g.nodes);
        const QString bootingText =
            booting > 0
                ? QStringLiteral("<span style=\"color:#b26a00\"><b>%1</b></span>").arg(booting)
                : QStringLiteral("0");
        const QString price = g.spot ? tr("$%1/h (spot)").arg(g.pricePerHour, 0, 'f', 3)
                                     : tr("$%1/h").arg(g.pricePerHour, 0, 'f', 3);
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td><b>%3</b></td><td>%4</td>"
                               "<td>%5</td><td>%6</td><td>%7</td></tr>")
                    .arg(g.name.toHtmlEscaped())
                    .arg(g.minSize)
                    .arg(g.nodes)
                    .arg(bootingText)
                    .arg(g.target)
                    .arg(g.maxSize)
                    .arg(price);
        lines << tr("%1: min %2, nodes %3, booting %4, target %5, max %6, %7 per node")
                     .arg(g.name)
                     .arg(g.minSize)
                     .arg(g.nodes)
                     .arg(booting)
                     .arg(g.target)
                     .arg(g.maxSize)
                     .arg(price);
    }
    const QString cost = tr("The cluster costs <b>$%1 per hour</b> now; <b>$%2</b> spent so far.")
                             .arg(m_dollarsPerHour, 0, 'f', 2)
                             .arg(m_dollars, 0, 'f', 2);
    m_groupsTable->setText(QStringLiteral("<table cellspacing=\"0\">%1</table>%2").arg(rows, cost));
    // The table as sentences: for screen readers and tests.
    m_groupsTable->setToolTip(lines.join(u'\n'));
}

void NodeGroupWidget::showScan() {
    const QModelIndexList selected = m_logView->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        const CaDecisionLogModel::Entry& e = m_log->entry(selected.front().row());
        m_scan->setHtml(section(tr("How the cluster autoscaler decided at %1:")
                                    .arg(HpaDecisionLogModel::shortClock(e.last)),
                                listItems(e.explanation.steps)));
        return;
    }
    if (!m_latest) {
        m_scan->setHtml(m_groups.empty() ? QString()
                                         : tr("No scan yet: the cluster autoscaler scans every "
                                              "%1.")
                                               .arg(ExplanationText::duration(m_scanInterval)));
        return;
    }
    const cnsim::CaDecisionRecord& r = *m_latest;
    QString html = QStringLiteral("<b>%1</b> ")
                       .arg(tr("Latest scan (%1):")
                                .arg(HpaDecisionLogModel::shortClock(r.time))
                                .toHtmlEscaped());
    const int pending = static_cast<int>(r.pendingPods.size());
    const int waiting = static_cast<int>(r.fitUpcomingPods.size());
    html += pending == 0 ? tr("no Pending pod needs a new node.")
            : waiting == 0
                ? tr("%n Pending pod(s) could not be scheduled.", nullptr, pending)
                : tr("%n Pending pod(s) could not be scheduled; %1 will fit on nodes that are "
                     "still booting.",
                     nullptr, pending)
                      .arg(waiting);
    html += listItems(r.explanation.steps).isEmpty()
                ? QString()
                : section(tr("Cluster health"), listItems(r.explanation.steps));
    if (r.scaleUp) {
        html +=
            section(r.scaleUp->scaledUp ? tr("Scale-up") : tr("No scale-up (NotTriggerScaleUp)"),
                    listItems(r.scaleUp->explanation.steps));
    }
    if (r.scaleDown) {
        // Per-node utilization lines are one per node and resource (the unremovable reason
        // already says when utilization keeps a node), and fixed nodes are never the
        // autoscaler's to remove: both would bury the lines that matter.
        std::vector<cnsim::ExplainStep> steps;
        for (const cnsim::ExplainStep& s : r.scaleDown->explanation.steps) {
            const cnsim::ExplainParam* reason = s.param("reason");
            const bool fixedNode =
                s.code == cnsim::ExplainCode::CaNodeUnremovable && reason != nullptr &&
                reason->value == cnsim::ExplainValue{std::string(cnsim::caUnremovableReasonName(
                                     cnsim::CaUnremovableReason::NotAutoscaled))};
            if (s.code != cnsim::ExplainCode::CaNodeUtilization && !fixedNode) {
                steps.push_back(s);
            }
        }
        html +=
            section(tr("Scale-down"),
                    steps.empty() ? QStringLiteral("<li>%1</li>").arg(tr("Every node is needed."))
                                  : listItems(steps));
    }
    if (!m_draining.isEmpty()) {
        html += section(tr("Being removed"),
                        QStringLiteral("<li>%1</li>")
                            .arg(tr("%1: tainted ToBeDeletedByClusterAutoscaler, pods are "
                                    "evicted, then the machine is deleted.")
                                     .arg(m_draining.join(QStringLiteral(", ")))
                                     .toHtmlEscaped()));
    }
    m_scan->setHtml(html);
}

void NodeGroupWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void NodeGroupWidget::retranslateUi() {
    m_logTitle->setText(tr("Decision log (scale-ups, pods left pending, nodes removed)"));
    m_logView->setToolTip(tr("Hover a line for every step of that scan; select it to read them "
                             "below."));
    m_log->retranslate();
    showGroups();
    showScan();
}
