#include "tracewidget.h"

#include "hpadecisionlogmodel.h"
#include "model/simulation.h"
#include "tracelistmodel.h"
#include "tracewaterfall.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

TraceWidget::TraceWidget(QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_filterLabel(new QLabel(this)),
      m_filterCombo(new QComboBox(this)), m_traces(new TraceListModel(this)),
      m_filter(new TraceFilterModel(this)), m_list(new QTreeView(this)),
      m_caption(new QLabel(this)), m_waterfall(new TraceWaterfall(this)) {
    setObjectName(QStringLiteral("traceWidget"));
    m_summary->setObjectName(QStringLiteral("traceSummary"));
    m_summary->setWordWrap(true);
    m_filterCombo->setObjectName(QStringLiteral("traceFilter"));
    m_filterLabel->setBuddy(m_filterCombo);
    m_filter->setSourceModel(m_traces);
    m_filter->setSortRole(TraceListModel::SortRole);
    m_list->setObjectName(QStringLiteral("traceList"));
    m_list->setModel(m_filter);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(TraceListModel::TimeColumn, Qt::AscendingOrder);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TraceListModel::RequestColumn, QHeaderView::Stretch);
    m_caption->setObjectName(QStringLiteral("traceCaption"));
    m_caption->setWordWrap(true);
    QFont bold = font();
    bold.setBold(true);
    m_caption->setFont(bold);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterLabel);
    filterRow->addWidget(m_filterCombo, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_waterfall);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* waterfallBox = new QWidget(this);
    auto* waterfallLayout = new QVBoxLayout(waterfallBox);
    waterfallLayout->setContentsMargins(0, 0, 0, 0);
    waterfallLayout->addWidget(m_caption);
    waterfallLayout->addWidget(scroll, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_list);
    splitter->addWidget(waterfallBox);
    splitter->setSizes({300, 300});
    m_body = splitter;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    connect(m_filterCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setFilter(static_cast<TraceFilterModel::Filter>(index));
        showSummary();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TraceWidget::showTrace);
    connect(m_waterfall, &TraceWaterfall::spanClicked, this, &TraceWidget::podClicked);
    retranslateUi();
}

QString TraceWidget::captionText() const {
    return m_caption->text();
}

void TraceWidget::clear() {
    m_traces->clear();
    m_filter->refresh();
    m_tracing = false;
    m_shown = -1;
    m_waterfall->clear();
    showSummary();
    showTrace();
}

void TraceWidget::sync(const cnsim::Simulation& simulation) {
    m_tracing = simulation.scenario().simulation.tracing.sampleRate > 0.0;
    m_sampleRate = simulation.scenario().simulation.tracing.sampleRate;
    const std::vector<cnsim::RequestTrace>& traces = simulation.traces();
    const int before = m_traces->rowCount();
    m_traces->sync(traces);
    if (m_traces->rowCount() != before || m_filter->filter() == TraceFilterModel::Filter::Slow) {
        m_filter->refresh();
    }
    showSummary();
    if (m_list->selectionModel()->selectedRows().isEmpty()) {
        showTrace(); // the slowest so far may have changed
    }
}

void TraceWidget::showSummary() {
    m_body->setVisible(m_tracing);
    m_filterLabel->setVisible(m_tracing);
    m_filterCombo->setVisible(m_tracing);
    if (!m_tracing) {
        m_summary->setText(tr("This scenario records no traces. Add simulation.tracing "
                              "(sampleRate: 0.01) to follow single requests through the "
                              "Services, retries included."));
        return;
    }
    const int total = m_traces->rowCount();
    const int shown = m_filter->rowCount();
    const QString sampled = tr("%n request(s) traced (%1% of arrivals sampled).", nullptr, total)
                                .arg(m_sampleRate * 100.0, 0, 'g', 3);
    m_summary->setText(
        shown == total ? sampled : sampled + QLatin1Char(' ') + tr("%n shown.", nullptr, shown));
}

void TraceWidget::showTrace() {
    const QModelIndexList selected = m_list->selectionModel()->selectedRows();
    int row = -1;
    bool chosen = false;
    if (!selected.isEmpty()) {
        row = m_filter->mapToSource(selected.front()).row();
        chosen = true;
    } else {
        // The slowest finished trace: the one a student would look for first.
        double slowest = -1.0;
        for (int r = 0; r < m_traces->rowCount(); ++r) {
            const double ms = m_traces->index(r, 0).data(TraceListModel::DurationRole).toDouble();
            if (ms > slowest) {
                slowest = ms;
                row = r;
            }
        }
    }
    m_shown = row;
    if (row < 0) {
        m_waterfall->clear();
        m_caption->setText(tr("Select a trace to see its spans."));
        return;
    }
    const cnsim::RequestTrace& t = m_traces->trace(row);
    m_waterfall->setTrace(t);
    const QString what = m_traces->index(row, TraceListModel::RequestColumn).data().toString();
    const QString status = m_traces->index(row, TraceListModel::StatusColumn).data().toString();
    const QString duration = m_traces->index(row, TraceListModel::DurationColumn).data().toString();
    const QString line = tr("Trace %1 at %2: %3, status %4, %5")
                             .arg(t.id)
                             .arg(HpaDecisionLogModel::shortClock(t.start), what, status, duration);
    m_caption->setText(
        chosen ? line : tr("Slowest trace so far (select another in the list): %1").arg(line));
}

void TraceWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void TraceWidget::retranslateUi() {
    m_filterLabel->setText(tr("&Show:"));
    const int index = std::max(0, m_filterCombo->currentIndex());
    {
        const QSignalBlocker blocker(m_filterCombo);
        m_filterCombo->clear();
        // In TraceFilterModel::Filter order.
        m_filterCombo->addItems({tr("All traces"), tr("Failed requests (5xx)"), tr("Slowest 5%")});
        m_filterCombo->setCurrentIndex(index);
    }
    m_waterfall->setToolTip(tr("One row per span, indented under the Service that called it; "
                               "bars share one time scale from the request's arrival. Green: "
                               "OK, amber: rejected (4xx), red: failed (5xx). Click a span to "
                               "select its pod."));
    m_traces->retranslate();
    showSummary();
    showTrace();
}
