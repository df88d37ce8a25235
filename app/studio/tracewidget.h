#pragma once

// TraceWidget: the "Traces" dock — the run's sampled request traces (TraceListModel) with a
// filter for failed or slow ones, and the selected trace as a TraceWaterfall. Until the
// student selects one, the waterfall shows the slowest trace so far, so there is always a
// story to read. Says how to turn tracing on when the scenario records none.
//
// Reads Simulation::traces() in sync(); tracing never changes what the simulation does.

#include <QWidget>

namespace cnsim {
class Simulation;
}

class QComboBox;
class QLabel;
class QTreeView;
class TraceFilterModel;
class TraceListModel;
class TraceWaterfall;

class TraceWidget : public QWidget {
    Q_OBJECT

public:
    explicit TraceWidget(QWidget* parent = nullptr);

    void sync(const cnsim::Simulation& simulation);
    void clear();

    TraceListModel* traces() const { return m_traces; }
    TraceFilterModel* filterModel() const { return m_filter; }
    QTreeView* listView() const { return m_list; }
    QComboBox* filterCombo() const { return m_filterCombo; }
    TraceWaterfall* waterfall() const { return m_waterfall; }
    // The trace the waterfall shows: the selected one, else the slowest; -1 for none.
    int shownTrace() const { return m_shown; }
    QString captionText() const;

signals:
    // A span of the waterfall was clicked: its pod.
    void podClicked(const QString& pod);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showTrace();
    void showSummary();

    QLabel* m_summary;
    QLabel* m_filterLabel;
    QComboBox* m_filterCombo;
    TraceListModel* m_traces;
    TraceFilterModel* m_filter;
    QTreeView* m_list;
    QLabel* m_caption;
    TraceWaterfall* m_waterfall;
    QWidget* m_body;
    bool m_tracing = false;
    double m_sampleRate = 0;
    int m_shown = -1;
};
