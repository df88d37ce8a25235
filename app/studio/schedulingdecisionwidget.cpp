#include "schedulingdecisionwidget.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>
#include <vector>

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The chosen node's background: a pale green that keeps black text readable.
const QColor kChosenBackground(214, 240, 214);
const QColor kRejectedText(150, 60, 60);
const QColor kMutedText(128, 128, 128);

} // namespace

SchedulingDecisionWidget::SchedulingDecisionWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_explanation(new QLabel(this)),
      m_table(new QTableWidget(this)) {
    setObjectName(QStringLiteral("schedulingDecisionWidget"));
    m_title->setObjectName(QStringLiteral("decisionTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_explanation->setObjectName(QStringLiteral("decisionExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("decisionTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->setWordWrap(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_explanation);
    layout->addWidget(m_table, 1);
    rebuild();
}

void SchedulingDecisionWidget::showDecision(
    const QString& pod, const std::optional<cnsim::SchedulingDecision>& decision, bool bound) {
    m_pod = pod;
    m_decision = decision;
    m_bound = bound;
    rebuild();
}

void SchedulingDecisionWidget::retranslate() {
    rebuild();
}

void SchedulingDecisionWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

QString SchedulingDecisionWidget::headline() const {
    return m_title->text();
}

QString SchedulingDecisionWidget::explanation() const {
    return m_explanation->text();
}

QString SchedulingDecisionWidget::pluginPurpose(const QString& plugin) {
    // What each score plugin rewards, in a student's words (pkg/scheduler/framework/plugins).
    if (plugin == QLatin1String("NodeResourcesFit")) {
        return tr("CPU and memory left after placing the pod (or used, when bin-packing)");
    }
    if (plugin == QLatin1String("PodTopologySpread")) {
        return tr("fewer pods of the same workload on that node and in that zone");
    }
    if (plugin == QLatin1String("NodeResourcesBalancedAllocation")) {
        return tr("CPU and memory used in balance");
    }
    if (plugin == QLatin1String("TaintToleration")) {
        return tr("fewer PreferNoSchedule taints the pod does not tolerate");
    }
    if (plugin == QLatin1String("NodeAffinity")) {
        return tr("the pod's preferred node affinity");
    }
    if (plugin == QLatin1String("InterPodAffinity")) {
        return tr("the pod's preferred pod affinity and anti-affinity");
    }
    if (plugin == QLatin1String("ImageLocality")) {
        return tr("the container images already on the node");
    }
    return plugin;
}

QString SchedulingDecisionWidget::explain(const cnsim::SchedulingDecision& d) const {
    using cnsim::SchedulingResult;
    if (d.result != SchedulingResult::Scheduled) {
        if (d.result == SchedulingResult::Unschedulable) {
            return tr("No node passed every filter (the table says which plugin rejected each "
                      "node). The pod waits; kube-scheduler tries again when a node is added "
                      "or changes, or a pod is removed.");
        }
        return tr("kube-scheduler could not consider any node for this pod.");
    }
    const QString chosen = qs(d.selectedNode);
    if (d.scoringSkipped) {
        return tr("%1 was the only node that passed every filter, so there was nothing to "
                  "score.")
            .arg(chosen);
    }
    const auto winnerIt = std::find_if(d.scores.begin(), d.scores.end(),
                                       [&](const auto& s) { return s.node == d.selectedNode; });
    if (winnerIt == d.scores.end()) {
        return {};
    }
    const std::size_t winner = static_cast<std::size_t>(winnerIt - d.scores.begin());
    QString text = tr("%1 won with %2 points.").arg(chosen).arg(winnerIt->total);
    // The runner-up: the best other node (first in visiting order on a tie).
    std::optional<std::size_t> runnerUp;
    for (std::size_t i = 0; i < d.scores.size(); ++i) {
        if (i != winner && (!runnerUp || d.scores[i].total > d.scores[*runnerUp].total)) {
            runnerUp = i;
        }
    }
    if (runnerUp && d.scores[*runnerUp].total == winnerIt->total) {
        text += QLatin1Char(' ') +
                tr("%n node(s) tied for the top score; kube-scheduler picked one at random.",
                   nullptr, d.tiedTopNodes);
        return text;
    }
    if (!runnerUp) {
        return text;
    }
    // The plugins where the winner gained most over the runner-up, biggest first.
    std::vector<std::size_t> order(d.scorePlugins.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto gain = [&](std::size_t k) {
        return d.pluginScore(winner, k).weighted - d.pluginScore(*runnerUp, k).weighted;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return gain(a) > gain(b); });
    QStringList reasons;
    for (const std::size_t k : order) {
        if (gain(k) <= 0 || reasons.size() == 2) {
            break;
        }
        const QString name = qs(d.scorePlugins[k].name);
        reasons << tr("%1 (%2 %3 × %4)")
                       .arg(pluginPurpose(name), name)
                       .arg(d.pluginScore(winner, k).normalized)
                       .arg(d.scorePlugins[k].weight);
    }
    text += QLatin1Char(' ') + tr("It beat %1 (%2 points) mostly on %3.")
                                   .arg(qs(d.scores[*runnerUp].node))
                                   .arg(d.scores[*runnerUp].total)
                                   .arg(reasons.join(tr(" and ")));
    return text;
}

void SchedulingDecisionWidget::rebuild() {
    m_table->clear();
    m_table->setRowCount(0);
    m_chosenRow = -1;
    if (m_pod.isEmpty()) {
        m_title->setText(tr("Why this node?"));
        m_explanation->setText(tr("Click a pod on the canvas to see how kube-scheduler chose "
                                  "its node: which nodes passed the filters and how each one "
                                  "scored."));
        m_table->setColumnCount(0);
        return;
    }
    if (!m_decision) {
        m_title->setText(tr("Pod %1").arg(m_pod));
        m_explanation->setText(m_bound ? tr("The decision for this pod is no longer kept.")
                                       : tr("kube-scheduler has not tried this pod yet."));
        m_table->setColumnCount(0);
        return;
    }
    const cnsim::SchedulingDecision& d = *m_decision;
    if (d.result == cnsim::SchedulingResult::Scheduled) {
        m_title->setText(tr("Pod %1 → %2").arg(m_pod, qs(d.selectedNode)));
    } else {
        m_title->setText(tr("Pod %1 is Pending: %2").arg(m_pod, qs(d.message)));
    }
    m_explanation->setText(explain(d));

    // Columns: node, filter verdict, one per plugin that scored, total.
    std::vector<std::size_t> plugins;
    for (std::size_t k = 0; k < d.scorePlugins.size(); ++k) {
        if (!d.scorePlugins[k].skipped && !d.scoringSkipped) {
            plugins.push_back(k);
        }
    }
    // Plugins that told the nodes apart most come first; a plugin giving every node the
    // same points cannot have decided anything.
    const auto range = [&](std::size_t k) {
        std::int64_t low = 0;
        std::int64_t high = 0;
        for (std::size_t i = 0; i < d.scores.size(); ++i) {
            const std::int64_t w = d.pluginScore(i, k).weighted;
            low = i == 0 ? w : std::min(low, w);
            high = i == 0 ? w : std::max(high, w);
        }
        return high - low;
    };
    std::stable_sort(plugins.begin(), plugins.end(),
                     [&](std::size_t a, std::size_t b) { return range(a) > range(b); });
    // The total comes right after the verdict, so the deciding number is never scrolled away.
    m_table->setColumnCount(FirstPluginColumn + static_cast<int>(plugins.size()));
    QStringList headers{tr("Node"), tr("Filter"), tr("Total")};
    for (const std::size_t k : plugins) {
        headers << tr("%1\n×%2").arg(qs(d.scorePlugins[k].name)).arg(d.scorePlugins[k].weight);
    }
    m_table->setHorizontalHeaderLabels(headers);
    for (int c = 0; c < static_cast<int>(plugins.size()); ++c) {
        const QString name = qs(d.scorePlugins[plugins[static_cast<std::size_t>(c)]].name);
        m_table->horizontalHeaderItem(FirstPluginColumn + c)->setToolTip(pluginPurpose(name));
    }

    // Rows: scored nodes by total (highest first, visiting order on ties), then the nodes
    // that passed without scoring, then rejected ones, then those never evaluated.
    std::vector<std::size_t> scored(d.scores.size());
    std::iota(scored.begin(), scored.end(), std::size_t{0});
    std::stable_sort(scored.begin(), scored.end(), [&](std::size_t a, std::size_t b) {
        return d.scores[a].total > d.scores[b].total;
    });
    const auto addRow = [&](const QString& node, const QString& verdict, bool rejected) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, NodeColumn, new QTableWidgetItem(node));
        auto* filter = new QTableWidgetItem(verdict);
        filter->setToolTip(verdict);
        if (rejected) {
            filter->setForeground(kRejectedText);
        }
        m_table->setItem(row, FilterColumn, filter);
        if (node == qs(d.selectedNode)) {
            m_chosenRow = row;
        }
        return row;
    };
    const auto number = [](std::int64_t value) {
        auto* item = new QTableWidgetItem(QString::number(value));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (const std::size_t i : scored) {
        const int row = addRow(qs(d.scores[i].node), tr("passed"), false);
        for (int c = 0; c < static_cast<int>(plugins.size()); ++c) {
            const std::size_t k = plugins[static_cast<std::size_t>(c)];
            const cnsim::PluginScore& s = d.pluginScore(i, k);
            QTableWidgetItem* item = number(s.weighted);
            item->setToolTip(tr("%1: raw %2, normalized %3 × weight %4 = %5")
                                 .arg(qs(d.scorePlugins[k].name))
                                 .arg(s.raw)
                                 .arg(s.normalized)
                                 .arg(d.scorePlugins[k].weight)
                                 .arg(s.weighted));
            m_table->setItem(row, FirstPluginColumn + c, item);
        }
        m_table->setItem(row, TotalColumn, number(d.scores[i].total));
    }
    for (const cnsim::NodeFilterVerdict& v : d.filter) {
        if (!v.passed() || !d.scores.empty()) {
            continue;
        }
        addRow(qs(v.node), tr("passed (not scored: the only feasible node)"), false);
    }
    for (const cnsim::NodeFilterVerdict& v : d.filter) {
        if (v.passed()) {
            continue;
        }
        QStringList reasons;
        for (const std::string& r : v.reasons) {
            reasons << qs(r);
        }
        addRow(qs(v.node), tr("rejected by %1: %2").arg(qs(v.plugin), reasons.join(tr("; "))),
               true);
    }
    for (const std::string& node : d.notEvaluated) {
        const int row = addRow(qs(node), tr("not evaluated (enough feasible nodes found)"), false);
        m_table->item(row, FilterColumn)->setForeground(kMutedText);
    }
    if (m_chosenRow >= 0) {
        for (int c = 0; c < m_table->columnCount(); ++c) {
            QTableWidgetItem* item = m_table->item(m_chosenRow, c);
            if (item == nullptr) {
                item = new QTableWidgetItem;
                m_table->setItem(m_chosenRow, c, item);
            }
            item->setBackground(kChosenBackground);
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
        }
        m_table->item(m_chosenRow, NodeColumn)->setText(tr("%1 (chosen)").arg(qs(d.selectedNode)));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(false);
}
