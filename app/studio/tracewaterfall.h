#pragma once

// TraceWaterfall: one request trace drawn as a waterfall — one row per span, indented under
// the span that called it, a bar from the span's start to its end on a time scale shared by
// all rows (0 = the request's arrival), coloured by HTTP status; each row names the Service,
// its pod, node and version, and the attempt when a retry made it; a span with no response
// (the caller timed out) is an outlined grey bar up to the caller's next attempt. Clicking a row
// emits spanClicked with the span's pod, so the canvas can select it.
//
// Paints itself (no scene): a trace has a handful of spans. Keeps a copy of the trace.

#include <QWidget>

// Qt first: Qt 6.4's moc fails on <compare> (pulled in by sim/ headers) unless a Qt
// header has set up the standard library's configuration macros before it.
#include "metrics/traces.h"

#include <optional>
#include <vector>

class TraceWaterfall : public QWidget {
    Q_OBJECT

public:
    explicit TraceWaterfall(QWidget* parent = nullptr);

    void setTrace(const cnsim::RequestTrace& trace);
    void clear();
    bool hasTrace() const { return m_trace.has_value(); }

    // The rows in drawing order (depth first, callers above callees), for tests.
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    const cnsim::TraceSpan& span(int row) const;
    int depth(int row) const;
    // What row `row` says, as plain text: "catalog  catalog-7d9f-2 · node-1 · v1 · attempt 2".
    QString rowLabel(int row) const;
    // The colour of a status: green OK, amber client error or rejected, red server error.
    static QColor statusColour(int code);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void spanClicked(const QString& pod);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        int span = 0;
        int depth = 0;
    };

    // "pod · node · version · attempt n": where a span ran; shortPod keeps the pod name's
    // random suffix only, as the canvas chips show it.
    static QString whereText(const cnsim::TraceSpan& span, bool shortPod);
    // When the caller stopped waiting for an unanswered span (its next attempt, or its end).
    cnsim::SimTime unansweredUntil(int row) const;
    int rowHeight() const;
    int headerHeight() const;
    int labelWidth() const;

    std::optional<cnsim::RequestTrace> m_trace;
    std::vector<Row> m_rows;
    double m_spanMs = 1.0; // the time scale's right end
};
