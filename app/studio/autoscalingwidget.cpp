#include "autoscalingwidget.h"

#include "autoscalingchart.h"
#include "explanationtext.h"
#include "hpadecisionlogmodel.h"
#include "model/simulation.h"
#include "nodegroupwidget.h"
#include "objectcombo.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString plain(const QString& html) {
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

const QColor overTarget(0xc6, 0x28, 0x28);
const QColor onTarget(0x2e, 0x7d, 0x32);
const QColor limited(0xb2, 0x6a, 0x00);

QString coloured(const QString& text, const QColor& colour) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), text);
}

// The first Service in the Deployment's namespace whose selector picks its pods: where the
// load that drives the HPA arrives.
QString serviceFor(const cnsim::ApiServer& api, const cnsim::DeploymentObject& deployment) {
    for (const auto& [key, service] : api.services()) {
        if (service.meta.nameSpace != deployment.meta.nameSpace || service.spec.selector.empty()) {
            continue;
        }
        bool selects = true;
        for (const auto& [label, value] : service.spec.selector) {
            const auto it = deployment.spec.podLabels.find(label);
            selects = selects && it != deployment.spec.podLabels.end() && it->second == value;
        }
        if (selects) {
            return qs(service.meta.name);
        }
    }
    return {};
}

} // namespace

AutoscalingWidget::AutoscalingWidget(QWidget* parent)
    : QWidget(parent), m_comboLabel(new QLabel(this)), m_combo(new QComboBox(this)),
      m_title(new QLabel(this)), m_metrics(new QLabel(this)), m_replicas(new QLabel(this)),
      m_conditions(new QLabel(this)), m_logTitle(new QLabel(this)),
      m_log(new HpaDecisionLogModel(this)), m_logView(new QTreeView(this)),
      m_detail(new QTextBrowser(this)), m_chart(new AutoscalingChart(this)),
      m_nodeGroups(new NodeGroupWidget(this)), m_tabs(new QTabWidget(this)) {
    setObjectName(QStringLiteral("autoscalingWidget"));
    m_combo->setObjectName(QStringLiteral("hpaCombo"));
    m_comboLabel->setBuddy(m_combo);
    m_title->setObjectName(QStringLiteral("hpaTitle"));
    m_title->setWordWrap(true);
    m_metrics->setObjectName(QStringLiteral("hpaMetrics"));
    m_replicas->setObjectName(QStringLiteral("hpaReplicas"));
    m_conditions->setObjectName(QStringLiteral("hpaConditions"));
    m_conditions->setWordWrap(true);
    for (QLabel* label : {m_title, m_metrics, m_replicas, m_conditions}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    // The two numbers a student watches are the largest text in the dock.
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.3);
    big.setBold(true);
    m_metrics->setFont(big);
    m_replicas->setFont(big);
    QFont bold = font();
    bold.setBold(true);
    m_logTitle->setFont(bold);

    m_logView->setObjectName(QStringLiteral("hpaDecisionLog"));
    m_logView->setModel(m_log);
    m_logView->setRootIsDecorated(false);
    m_logView->setUniformRowHeights(true);
    m_logView->setTextElideMode(Qt::ElideRight);
    m_logView->setAlternatingRowColors(true);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->header()->setStretchLastSection(true);
    m_logView->header()->setSectionResizeMode(HpaDecisionLogModel::TimeColumn,
                                              QHeaderView::ResizeToContents);
    m_logView->header()->setSectionResizeMode(HpaDecisionLogModel::ReplicasColumn,
                                              QHeaderView::ResizeToContents);
    m_detail->setObjectName(QStringLiteral("hpaDecisionDetail"));
    m_detail->setOpenLinks(false);

    auto* comboRow = new QHBoxLayout;
    comboRow->addWidget(m_comboLabel);
    comboRow->addWidget(m_combo, 1);
    auto* logBox = new QWidget(this);
    auto* logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_logView, 1);
    auto* hpaSplitter = new QSplitter(Qt::Vertical, this);
    hpaSplitter->setChildrenCollapsible(false);
    hpaSplitter->addWidget(logBox);
    hpaSplitter->addWidget(m_detail);
    hpaSplitter->setSizes({115, 85});
    m_history = hpaSplitter;
    auto* hpaPage = new QWidget(this);
    auto* hpaLayout = new QVBoxLayout(hpaPage);
    hpaLayout->setContentsMargins(0, 0, 0, 0);
    hpaLayout->addLayout(comboRow);
    hpaLayout->addWidget(m_title);
    hpaLayout->addWidget(m_metrics);
    hpaLayout->addWidget(m_replicas);
    hpaLayout->addWidget(m_conditions);
    hpaLayout->addWidget(hpaSplitter, 1);
    // Pods (HPA) and nodes (cluster autoscaler) share the chart below: one time axis for
    // load, replicas, node-group sizes and cost.
    m_tabs->setObjectName(QStringLiteral("autoscalingTabs"));
    m_tabs->addTab(hpaPage, QString());
    m_tabs->addTab(m_nodeGroups, QString());
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("autoscalingSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_chart);
    // The chart gets most of the height; the status and log above keep about 300 pixels.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 600});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(splitter, 1);

    m_comboLabel->setVisible(false); // shown when there is a choice
    m_combo->setVisible(false);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        onHpaChosen();
        emit hpaChosen();
    });
    connect(m_logView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AutoscalingWidget::showDetail);
    connect(m_log, &QAbstractItemModel::rowsInserted, m_logView, &QTreeView::scrollToBottom);
    retranslateUi();
}

QStringList AutoscalingWidget::hpaNames() const {
    QStringList names;
    for (int i = 0; i < m_combo->count(); ++i) {
        names << m_combo->itemText(i);
    }
    return names;
}

QString AutoscalingWidget::currentHpa() const {
    return m_combo->currentText();
}

bool AutoscalingWidget::selectHpa(const QString& name) {
    const int index = m_combo->findText(name);
    if (index < 0) {
        return false;
    }
    m_combo->setCurrentIndex(index);
    return true;
}

QString AutoscalingWidget::metricsText() const {
    return plain(m_metrics->text());
}

QString AutoscalingWidget::replicasText() const {
    return plain(m_replicas->text());
}

QString AutoscalingWidget::conditionsText() const {
    return m_conditionsPlain;
}

QString AutoscalingWidget::detailText() const {
    return m_detail->toPlainText();
}

void AutoscalingWidget::clear() {
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    onHpaChosen();
    m_nodeGroups->clear();
    m_chart->clear();
    showPanels();
}

void AutoscalingWidget::onHpaChosen() {
    m_key = m_combo->currentData().toString();
    m_hpa.reset();
    m_latest.reset();
    m_version = 0;
    m_targetChanged = true;
    m_log->clear();
    m_chart->setTarget(QString(), QString(), QString());
    showStatus();
    showDetail();
}

void AutoscalingWidget::sync(const cnsim::Simulation& simulation) {
    const cnsim::ApiServer& api = simulation.api();
    // HPAs come and go with kubectl, so the combo follows the API server, not the scenario.
    QStringList keys;
    for (const auto& [key, hpa] : api.horizontalPodAutoscalers()) {
        keys << qs(key);
    }
    if (ObjectCombo::sync(m_combo, m_comboLabel, keys, m_key)) {
        onHpaChosen();
    }
    m_nodeGroups->sync(simulation);
    showPanels();
    if (m_key.isEmpty()) {
        if (m_nodeGroups->hasGroups()) {
            m_chart->sync(simulation.metrics(), simulation.now());
        }
        return;
    }
    const std::string key = m_key.toStdString();
    const std::size_t slash = key.find('/');
    const cnsim::HorizontalPodAutoscalerObject* hpa =
        api.horizontalPodAutoscalers().find(key.substr(0, slash), key.substr(slash + 1));
    if (hpa == nullptr) {
        return;
    }
    if (!m_hpa || hpa->meta.resourceVersion != m_version) {
        m_version = hpa->meta.resourceVersion;
        m_hpa = *hpa;
        if (const std::optional<cnsim::HpaDecisionHistory> history = simulation.hpaDecision(key)) {
            m_log->sync(*history);
            if (!history->records.empty()) {
                m_latest = history->records.back();
            }
        }
        showStatus();
        showDetail();
    }
    if (m_targetChanged) {
        m_targetChanged = false;
        QString deployment;
        QString service;
        if (hpa->spec.scaleTargetRef.kind == "Deployment") {
            deployment = qs(hpa->spec.scaleTargetRef.name);
            if (const cnsim::DeploymentObject* d =
                    api.deployments().find(hpa->meta.nameSpace, hpa->spec.scaleTargetRef.name)) {
                service = serviceFor(api, *d);
            }
        }
        m_chart->setTarget(qs(hpa->meta.name), deployment, service);
    }
    m_chart->sync(simulation.metrics(), simulation.now());
}

void AutoscalingWidget::showStatus() {
    const bool known = m_hpa.has_value();
    m_metrics->setVisible(known);
    m_replicas->setVisible(known);
    m_conditions->setVisible(known);
    m_history->setVisible(!m_key.isEmpty());
    showPanels();
    if (!known) {
        m_conditionsPlain.clear();
    }
    if (m_key.isEmpty()) {
        m_title->setText(tr("This cluster has no HorizontalPodAutoscaler. Add one "
                            "(autoscaling/v2) to a scenario to watch it scale a Deployment."));
        return;
    }
    if (!known) {
        m_title->setText(
            tr("HorizontalPodAutoscaler %1").arg(ObjectCombo::displayName(m_key).toHtmlEscaped()));
        return;
    }
    const cnsim::HorizontalPodAutoscalerObject& hpa = *m_hpa;
    const int minReplicas = hpa.spec.minReplicas.value_or(cnsim::k8s::kHpaDefaultMinReplicas);
    m_title->setText(tr("HorizontalPodAutoscaler <b>%1</b> scales %2 <b>%3</b> between %4 and %5 "
                        "replicas.")
                         .arg(qs(hpa.meta.name).toHtmlEscaped(),
                              qs(hpa.spec.scaleTargetRef.kind).toHtmlEscaped(),
                              qs(hpa.spec.scaleTargetRef.name).toHtmlEscaped())
                         .arg(minReplicas)
                         .arg(hpa.spec.maxReplicas));

    if (!m_latest) {
        m_metrics->setText(tr("No sync yet: the controller syncs every 15 s."));
        m_replicas->clear();
    } else {
        const cnsim::HpaDecision& d = m_latest->decision;
        QStringList lines;
        for (const cnsim::HpaMetricResult& r : d.metrics) {
            const cnsim::HpaMetricSpec& spec = r.spec;
            const bool resource = spec.type == cnsim::HpaMetricSourceType::Resource ||
                                  spec.type == cnsim::HpaMetricSourceType::ContainerResource;
            const QString name =
                resource ? ExplanationText::metricName(spec.name) : qs(spec.name).toHtmlEscaped();
            QString current = tr("unknown");
            QString target;
            double ratio = -1.0;
            switch (spec.targetType) {
            case cnsim::HpaMetricTargetType::Utilization:
                target = tr("%1%").arg(spec.averageUtilization);
                if (r.valid && r.currentAverageUtilization) {
                    current = tr("%1%").arg(*r.currentAverageUtilization);
                    ratio = spec.averageUtilization > 0
                                ? static_cast<double>(*r.currentAverageUtilization) /
                                      spec.averageUtilization
                                : -1.0;
                }
                break;
            case cnsim::HpaMetricTargetType::AverageValue:
                target = tr("%1 per pod").arg(static_cast<double>(spec.averageValueMilli) / 1000.0);
                if (r.valid && r.currentAverageValue) {
                    current =
                        tr("%1 per pod").arg(static_cast<double>(*r.currentAverageValue) / 1000.0);
                    ratio = spec.averageValueMilli > 0
                                ? static_cast<double>(*r.currentAverageValue) /
                                      static_cast<double>(spec.averageValueMilli)
                                : -1.0;
                }
                break;
            case cnsim::HpaMetricTargetType::Value:
                target = QString::number(static_cast<double>(spec.valueMilli) / 1000.0);
                if (r.valid && r.currentValue) {
                    current = QString::number(static_cast<double>(*r.currentValue) / 1000.0);
                    ratio = spec.valueMilli > 0 ? static_cast<double>(*r.currentValue) /
                                                      static_cast<double>(spec.valueMilli)
                                                : -1.0;
                }
                break;
            }
            // Above the tolerance band reads red, inside it green: what the HPA reacts to.
            if (!r.valid) {
                current = coloured(current, overTarget);
            } else if (ratio > 1.1) {
                current = coloured(current, overTarget);
            } else if (ratio >= 0.9) {
                current = coloured(current, onTarget);
            }
            lines << tr("%1 %2 / target %3", "metric, current value, target")
                         .arg(name, current, target);
        }
        m_metrics->setText(lines.join(QStringLiteral("<br>")));
        QString replicas =
            d.desiredReplicas == d.currentReplicas
                ? tr("%n replica(s), as desired", nullptr, d.currentReplicas)
                : tr("%1 replicas now → %2 desired").arg(d.currentReplicas).arg(d.desiredReplicas);
        // A cap, a rate limit or the stabilization window makes "desired" differ from what
        // the metrics asked for; say what they asked for, or "as desired" would hide it.
        if (d.metricsProposal >= 0 && d.metricsProposal != d.desiredReplicas) {
            replicas = d.desiredReplicas == d.currentReplicas
                           ? tr("%1 replicas; the metrics ask for %2")
                                 .arg(d.currentReplicas)
                                 .arg(d.metricsProposal)
                           : tr("%1 replicas now → %2 desired; the metrics ask for %3")
                                 .arg(d.currentReplicas)
                                 .arg(d.desiredReplicas)
                                 .arg(d.metricsProposal);
        }
        m_replicas->setText(replicas);
    }

    QString rows;
    QStringList lines;
    QStringList messages;
    for (const cnsim::HpaCondition& c : hpa.conditions) {
        const bool bad = (c.type == cnsim::HpaConditionType::ScalingLimited) == c.status;
        const QColor colour = !bad                                                ? onTarget
                              : c.type == cnsim::HpaConditionType::ScalingLimited ? limited
                                                                                  : overTarget;
        const QString hint = ExplanationText::conditionReason(c.reason);
        rows +=
            QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2&nbsp;</td><td>%3%4</td></tr>")
                .arg(qs(std::string(cnsim::hpaConditionTypeName(c.type))),
                     coloured(c.status ? QStringLiteral("True") : QStringLiteral("False"), colour),
                     qs(c.reason).toHtmlEscaped(),
                     hint.isEmpty() ? QString() : tr(": %1", "condition reason: hint").arg(hint));
        const QString type = qs(std::string(cnsim::hpaConditionTypeName(c.type)));
        lines << tr("%1 %2 %3%4", "condition type, status, reason, hint")
                     .arg(type, c.status ? QStringLiteral("True") : QStringLiteral("False"),
                          qs(c.reason),
                          hint.isEmpty() ? QString()
                                         : tr(": %1", "condition reason: hint").arg(hint));
        messages << type + QStringLiteral(": ") + qs(c.message);
    }
    m_conditionsPlain = lines.join(u'\n');
    m_conditions->setText(QStringLiteral("<table cellspacing=\"0\">%1</table>").arg(rows));
    // Upstream's own messages, as `kubectl describe hpa` prints them.
    m_conditions->setToolTip(messages.join(u'\n'));
}

void AutoscalingWidget::showPanels() {
    const bool groups = m_nodeGroups->hasGroups();
    m_chart->setVisible(!m_key.isEmpty() || groups);
    m_tabs->setTabVisible(1, groups);
    // A cluster with node groups and no HPA opens on the node groups, once.
    if (groups && !m_groupsShown && m_key.isEmpty()) {
        m_tabs->setCurrentWidget(m_nodeGroups);
    }
    m_groupsShown = groups;
}

void AutoscalingWidget::showNodeGroups() {
    m_tabs->setCurrentWidget(m_nodeGroups);
}

void AutoscalingWidget::showDetail() {
    const QModelIndexList selected = m_logView->selectionModel()->selectedRows();
    const cnsim::Explanation* explanation = nullptr;
    QString heading;
    if (!selected.isEmpty()) {
        const HpaDecisionLogModel::Entry& e = m_log->entry(selected.front().row());
        explanation = &e.explanation;
        heading = tr("How the HPA decided at %1:").arg(HpaDecisionLogModel::shortClock(e.last));
    } else if (m_latest) {
        explanation = &m_latest->decision.explanation;
        heading = tr("How the latest sync decided (%1):")
                      .arg(HpaDecisionLogModel::shortClock(m_latest->time));
    }
    if (explanation == nullptr) {
        m_detail->setHtml(tr("Select a line of the log to see every step of that decision."));
        return;
    }
    QString items;
    for (const cnsim::ExplainStep& step : explanation->steps) {
        items += QStringLiteral("<li>%1</li>").arg(ExplanationText::step(step).toHtmlEscaped());
    }
    m_detail->setHtml(QStringLiteral("<b>%1</b><ol style=\"margin-left:-20px\">%2</ol>")
                          .arg(heading.toHtmlEscaped(), items));
}

void AutoscalingWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void AutoscalingWidget::retranslateUi() {
    m_comboLabel->setText(tr("&HorizontalPodAutoscaler:"));
    m_tabs->setTabText(0, tr("Pods (HPA)"));
    m_tabs->setTabText(1, tr("Nodes (cluster autoscaler)"));
    m_logTitle->setText(tr("Decision log (syncs that scaled, were limited, held or stuck)"));
    m_logView->setToolTip(tr("Hover a line for every step of that sync; select it to read them "
                             "below."));
    m_log->retranslate();
    showStatus();
    showDetail();
}
