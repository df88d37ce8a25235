#include "releasewidget.h"

#include "analysisrunmodel.h"
#include "model/pipelinerunner.h"
#include "model/simulation.h"
#include "objectcombo.h"
#include "pipelinerunmodel.h"
#include "releasechart.h"
#include "rolloutstepmodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

const char* const kHashLabel = "rollouts-pod-template-hash";

// The Service users reach the Rollout through: the first one in its namespace that selects its
// pods and is neither its canary nor its stable Service (those select one version only).
QString userServiceFor(const cnsim::ApiServer& api, const cnsim::RolloutObject& rollout) {
    std::string canary;
    std::string stable;
    if (rollout.spec.canary) {
        canary = rollout.spec.canary->canaryService;
        stable = rollout.spec.canary->stableService;
    }
    for (const auto& [key, service] : api.services()) {
        const std::string& name = service.meta.name;
        if (service.meta.nameSpace != rollout.meta.nameSpace || service.spec.selector.empty() ||
            name == canary || name == stable) {
            continue;
        }
        bool selects = true;
        for (const auto& [label, value] : service.spec.selector) {
            const auto it = rollout.spec.podLabels.find(label);
            selects = selects && it != rollout.spec.podLabels.end() && it->second == value;
        }
        if (selects) {
            return qs(name);
        }
    }
    return {};
}

QString boxed(const QString& text, const QColor& colour) {
    return QStringLiteral("<div style=\"color:%1\">%2</div>")
        .arg(colour.name(), text.toHtmlEscaped());
}

const QColor badColour(0xc6, 0x28, 0x28);
const QColor goodColour(0x2e, 0x7d, 0x32);
const QColor busyColour(0x00, 0x48, 0x8a);
const QColor waitColour(0xb2, 0x6a, 0x00);

QTreeView* makeView(QWidget* parent, const QString& name) {
    auto* view = new QTreeView(parent);
    view->setObjectName(name);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setTextElideMode(Qt::ElideRight);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QWidget* titled(QWidget* parent, QLabel* title, QWidget* body) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(body, 1);
    return box;
}

} // namespace

ReleaseWidget::ReleaseWidget(QWidget* parent)
    : QWidget(parent), m_comboLabel(new QLabel(this)), m_combo(new QComboBox(this)),
      m_status(new QLabel(this)), m_decision(new QLabel(this)), m_stepsTitle(new QLabel(this)),
      m_analysisTitle(new QLabel(this)), m_pipelinesTitle(new QLabel(this)),
      m_empty(new QLabel(this)), m_steps(new RolloutStepModel(this)),
      m_analysis(new AnalysisRunModel(this)), m_pipelines(new PipelineRunModel(this)),
      m_stepView(makeView(this, QStringLiteral("rolloutSteps"))),
      m_analysisView(makeView(this, QStringLiteral("analysisRuns"))),
      m_pipelineView(makeView(this, QStringLiteral("pipelineRuns"))), m_rolloutBox(nullptr),
      m_pipelineBox(nullptr), m_chart(new ReleaseChart(this)) {
    setObjectName(QStringLiteral("releaseWidget"));
    m_combo->setObjectName(QStringLiteral("rolloutCombo"));
    m_status->setObjectName(QStringLiteral("rolloutStatus"));
    m_decision->setObjectName(QStringLiteral("rolloutDecision"));
    m_status->setTextFormat(Qt::RichText);
    m_status->setWordWrap(true);
    m_decision->setTextFormat(Qt::RichText);
    m_decision->setWordWrap(true);
    m_decision->setFrameShape(QFrame::StyledPanel);
    m_decision->setMargin(6);
    m_empty->setWordWrap(true);
    m_stepView->setModel(m_steps);
    m_analysisView->setModel(m_analysis);
    m_pipelineView->setModel(m_pipelines);
    // Run names are long ("web-5bfdccc7c-3-2"): elided in the middle, whole in the tooltip, so
    // the counts against the limits fit a narrow dock.
    m_analysisView->setTextElideMode(Qt::ElideMiddle);
    m_analysisView->header()->setSectionResizeMode(AnalysisRunModel::RunColumn,
                                                   QHeaderView::Interactive);
    m_analysisView->header()->resizeSection(AnalysisRunModel::RunColumn, 120);
    for (QLabel* title : {m_stepsTitle, m_analysisTitle, m_pipelinesTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
    }

    auto* comboRow = new QHBoxLayout;
    comboRow->addWidget(m_comboLabel);
    comboRow->addWidget(m_combo, 1);
    auto* tables = new QSplitter(Qt::Vertical, this);
    tables->setChildrenCollapsible(false);
    tables->addWidget(titled(this, m_stepsTitle, m_stepView));
    tables->addWidget(titled(this, m_analysisTitle, m_analysisView));
    tables->setSizes({130, 110});
    m_rolloutBox = new QWidget(this);
    auto* rolloutLayout = new QVBoxLayout(m_rolloutBox);
    rolloutLayout->setContentsMargins(0, 0, 0, 0);
    rolloutLayout->addLayout(comboRow);
    rolloutLayout->addWidget(m_status);
    rolloutLayout->addWidget(m_decision);
    rolloutLayout->addWidget(tables, 1);
    m_pipelineBox = titled(this, m_pipelinesTitle, m_pipelineView);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("releaseSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_rolloutBox);
    splitter->addWidget(m_pipelineBox);
    splitter->addWidget(m_chart);
    splitter->setSizes({420, 140, 260});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_empty);
    layout->addWidget(splitter, 1);

    m_comboLabel->setVisible(false);
    m_combo->setVisible(false);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &ReleaseWidget::onRolloutChosen);
    connect(m_pipelines, &QAbstractItemModel::rowsInserted, m_pipelineView,
            &QTreeView::scrollToBottom);
    connect(m_analysis, &QAbstractItemModel::rowsInserted, m_analysisView,
            &QTreeView::scrollToBottom);
    retranslateUi();
    clear();
}

QStringList ReleaseWidget::rolloutNames() const {
    QStringList names;
    for (int i = 0; i < m_combo->count(); ++i) {
        names << m_combo->itemText(i);
    }
    return names;
}

bool ReleaseWidget::selectRollout(const QString& name) {
    const int index = m_combo->findText(name);
    if (index < 0) {
        return false;
    }
    m_combo->setCurrentIndex(index);
    return true;
}

QString ReleaseWidget::statusText() const {
    return QTextDocumentFragment::fromHtml(m_status->text()).toPlainText();
}

QString ReleaseWidget::decisionText() const {
    return QTextDocumentFragment::fromHtml(m_decision->text()).toPlainText();
}

void ReleaseWidget::clear() {
    {
        const QSignalBlocker blocker(m_combo);
        m_combo->clear();
    }
    m_comboLabel->setVisible(false);
    m_combo->setVisible(false);
    m_pipelines->clear();
    onRolloutChosen();
}

void ReleaseWidget::onRolloutChosen() {
    m_key = m_combo->currentData().toString();
    m_shown.reset();
    m_version = 0;
    m_targetChanged = true;
    m_steps->clear();
    m_analysis->clear();
    m_chart->setTarget(QString(), QString());
    showStatus();
}

std::optional<ReleaseWidget::Shown> ReleaseWidget::read(const cnsim::ApiServer& api,
                                                        const QString& key) {
    const std::string k = key.toStdString();
    const std::size_t slash = k.find('/');
    const cnsim::RolloutObject* rollout =
        api.rollouts().find(k.substr(0, slash), k.substr(slash + 1));
    if (rollout == nullptr) {
        return std::nullopt;
    }
    Shown shown;
    shown.rollout = *rollout;
    for (const auto& [runKey, run] : api.analysisRuns()) {
        if (run.rollout == rollout->meta.name && run.meta.nameSpace == rollout->meta.nameSpace) {
            shown.runs.push_back(run);
        }
    }
    std::stable_sort(shown.runs.begin(), shown.runs.end(), [](const auto& a, const auto& b) {
        return a.meta.creationTimestamp < b.meta.creationTimestamp;
    });
    if (!rollout->spec.podSpec.containers.empty()) {
        shown.canaryImage = qs(rollout->spec.podSpec.containers.front().image);
    }
    for (const auto& [rsKey, rs] : api.replicaSets()) {
        const auto hash = rs.meta.labels.find(kHashLabel);
        if (rs.meta.nameSpace != rollout->meta.nameSpace || hash == rs.meta.labels.end()) {
            continue;
        }
        const bool owned = std::any_of(
            rs.meta.ownerReferences.begin(), rs.meta.ownerReferences.end(),
            [&](const cnsim::OwnerReference& o) { return o.name == rollout->meta.name; });
        if (!owned) {
            continue;
        }
        if (hash->second == rollout->stableRs) {
            shown.stablePods = rs.readyReplicas;
            if (!rs.templateSpec.containers.empty()) {
                shown.stableImage = qs(rs.templateSpec.containers.front().image);
            }
        } else if (hash->second == rollout->currentPodHash) {
            shown.canaryPods = rs.readyReplicas;
        }
    }
    return shown;
}

void ReleaseWidget::sync(const cnsim::Simulation& simulation) {
    const cnsim::ApiServer& api = simulation.api();
    QStringList keys;
    for (const auto& [key, rollout] : api.rollouts()) {
        keys << qs(key);
    }
    if (ObjectCombo::sync(m_combo, m_comboLabel, keys, m_key)) {
        onRolloutChosen();
    }
    m_pipelines->sync(simulation.pipelines());
    if (!m_key.isEmpty()) {
        // Any change to the Rollout, its ReplicaSets or its runs moves the API's version.
        std::uint64_t version = 0;
        for (const auto& [key, rs] : api.replicaSets()) {
            version = std::max(version, rs.meta.resourceVersion);
        }
        for (const auto& [key, run] : api.analysisRuns()) {
            version = std::max(version, run.meta.resourceVersion);
        }
        for (const auto& [key, r] : api.rollouts()) {
            version = std::max(version, r.meta.resourceVersion);
        }
        if (!m_shown || version != m_version) {
            m_version = version;
            m_shown = read(api, m_key);
            if (m_shown) {
                m_steps->sync(m_shown->rollout);
                m_analysis->sync(api, m_shown->rollout.meta.nameSpace, m_shown->rollout.meta.name);
            }
        }
        if (m_shown && m_targetChanged) {
            m_targetChanged = false;
            m_chart->setTarget(qs(m_shown->rollout.meta.name),
                               userServiceFor(api, m_shown->rollout));
        }
        m_chart->sync(simulation.metrics(), simulation.now());
    }
    showStatus();
}

QString ReleaseWidget::decision() const {
    const cnsim::RolloutObject& r = m_shown->rollout;
    const QString stable =
        m_shown->stableImage.isEmpty() ? tr("the stable version") : m_shown->stableImage;
    if (r.abort) {
        // The run that decided: the latest one that ended badly.
        for (auto run = m_shown->runs.rbegin(); run != m_shown->runs.rend(); ++run) {
            for (const cnsim::AnalysisMetricResult& m : run->metrics) {
                const cnsim::MetricCounters& c = m.counters;
                if (m.phase == cnsim::AnalysisPhase::Failed) {
                    const QString condition =
                        m.spec.successCondition
                            ? tr("it needed %1").arg(qs(m.spec.successCondition->text))
                        : m.spec.failureCondition
                            ? tr("it fails if %1").arg(qs(m.spec.failureCondition->text))
                            : QString();
                    return tr("Analysis %1 failed %2 of %3 measurements, more than its "
                              "failureLimit of %4: the last read %5, %6. The controller "
                              "aborted the update to revision %7: the canary was scaled away "
                              "and all traffic is back on %8.")
                        .arg(qs(m.spec.name))
                        .arg(c.failed)
                        .arg(c.count)
                        .arg(m.spec.failureLimit.value_or(0))
                        .arg(AnalysisRunModel::lastValue(m))
                        .arg(condition)
                        .arg(r.revision)
                        .arg(stable);
                }
                if (m.phase == cnsim::AnalysisPhase::Error) {
                    return tr("Analysis %1 could not measure %2 times in a row, more than its "
                              "consecutiveErrorLimit. The controller aborted the update to "
                              "revision %3: all traffic is back on %4.")
                        .arg(qs(m.spec.name))
                        .arg(c.consecutiveError)
                        .arg(r.revision)
                        .arg(stable);
                }
            }
        }
        return tr("The update to revision %1 was aborted by hand (kubectl argo rollouts abort): "
                  "all traffic is back on %2.")
            .arg(r.revision)
            .arg(stable);
    }
    if (r.paused && r.pauseReason == "InconclusiveAnalysisRun") {
        return tr("An analysis was inconclusive: the Rollout waits for a person to promote or "
                  "abort it.");
    }
    const bool updating = !r.stableRs.empty() && r.currentPodHash != r.stableRs;
    if (!updating) {
        return tr("Stable: every pod runs %1 (revision %2). Nothing to decide until the image "
                  "changes.")
            .arg(m_shown->canaryImage)
            .arg(r.revision);
    }
    if (!r.spec.canary) {
        return tr("Blue-green: %1 runs beside %2 until it is promoted.")
            .arg(m_shown->canaryImage, stable);
    }
    const int steps = static_cast<int>(r.spec.canary->steps.size());
    const int step = std::min(r.currentStepIndex, steps);
    const QString what =
        step < steps
            ? RolloutStepModel::stepText(r.spec.canary->steps[static_cast<std::size_t>(step)])
            : tr("moving every pod to the new version");
    return tr("Rolling out %1 (revision %2): step %3 of %4, %5. An analysis failure would "
              "roll back to %6.")
        .arg(m_shown->canaryImage)
        .arg(r.revision)
        .arg(std::min(step + 1, steps))
        .arg(steps)
        .arg(what)
        .arg(stable);
}

void ReleaseWidget::showStatus() {
    const bool hasRollout = m_shown.has_value();
    const bool hasPipelines = m_pipelines->rowCount() > 0;
    m_rolloutBox->setVisible(hasRollout);
    m_chart->setVisible(hasRollout);
    m_pipelineBox->setVisible(hasPipelines);
    m_empty->setVisible(!hasRollout && !hasPipelines);
    if (!hasRollout) {
        m_status->clear();
        m_decision->clear();
        return;
    }
    const cnsim::RolloutObject& r = m_shown->rollout;
    const int canary = r.spec.canary ? r.currentWeight : 0;
    m_status->setText(
        tr("<b>Rollout %1</b> · revision %2 · %3<br>Canary %4 % (%5 ready, %6) · stable %7 % "
           "(%8 ready, %9)")
            .arg(qs(r.meta.name).toHtmlEscaped())
            .arg(r.revision)
            .arg(qs(r.phase))
            .arg(canary)
            .arg(m_shown->canaryPods)
            .arg(m_shown->canaryImage.toHtmlEscaped())
            .arg(100 - canary)
            .arg(m_shown->stablePods)
            .arg(m_shown->stableImage.toHtmlEscaped()));
    const bool updating = !r.stableRs.empty() && r.currentPodHash != r.stableRs;
    const QColor colour = r.abort                                                  ? badColour
                          : r.paused && r.pauseReason == "InconclusiveAnalysisRun" ? waitColour
                          : updating                                               ? busyColour
                                                                                   : goodColour;
    m_decision->setText(boxed(decision(), colour));
}

void ReleaseWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void ReleaseWidget::retranslateUi() {
    m_comboLabel->setText(tr("Rollout:"));
    m_stepsTitle->setText(tr("Canary steps"));
    m_analysisTitle->setText(tr("Analysis runs (measurements against the limits)"));
    m_pipelinesTitle->setText(tr("CI/CD pipeline runs"));
    m_empty->setText(tr("This scenario has no Argo Rollouts Rollout and no CI/CD pipeline. Open "
                        "canary-analysis-rollback.yaml or pipeline-three-versions.yaml to see "
                        "a release here."));
    m_steps->retranslate();
    m_analysis->retranslate();
    m_pipelines->retranslate();
    showStatus();
}
