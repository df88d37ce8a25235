#include "eventlogwidget.h"

#include "eventlogmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

EventLogWidget::EventLogWidget(EventLogModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)), m_view(new QTableView(this)) {
    m_proxy->setSourceModel(model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // any column: "node-2", "kubelet" or "Failed" all work

    m_filter->setObjectName(QStringLiteral("eventFilter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("eventTable"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    // Columns are sized to their contents once, when the first events of a run arrive:
    // ResizeToContents would re-measure hundreds of rows on every tick while playing.
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_count);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    // Follow the log only when already at the bottom, so reading older events is possible.
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar* bar = m_view->verticalScrollBar();
        m_view->setProperty("followTail", bar->value() == bar->maximum());
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_columnsSized) {
            m_columnsSized = true;
            for (int column = 0; column < EventLogModel::MessageColumn; ++column) {
                m_view->resizeColumnToContents(column);
            }
        }
        if (m_view->property("followTail").toBool()) {
            m_view->scrollToBottom();
        }
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsSized = false;
        updateCount();
    });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &EventLogWidget::updateCount);
    connect(m_filter, &QLineEdit::textChanged, this, &EventLogWidget::updateCount);
    retranslateUi();
}

void EventLogWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void EventLogWidget::retranslateUi() {
    m_filter->setPlaceholderText(tr("Filter events (e.g. node-2, kubelet, Failed)"));
    updateCount();
}

void EventLogWidget::updateCount() {
    m_count->setText(
        tr("%1 of %n event(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}
