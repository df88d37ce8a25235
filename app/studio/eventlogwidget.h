#pragma once

// EventLogWidget: the event log dock's content — a filter box over a table of
// EventLogModel rows. Follows new events (scrolls to the bottom) unless the student has
// scrolled up to read.

#include <QWidget>

class EventLogModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

class EventLogWidget : public QWidget {
    Q_OBJECT

public:
    explicit EventLogWidget(EventLogModel* model, QWidget* parent = nullptr);

    QSortFilterProxyModel* proxyModel() const { return m_proxy; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTableView* view() const { return m_view; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateCount();

    EventLogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QLabel* m_count;
    QTableView* m_view;
    bool m_columnsSized = false;
};
