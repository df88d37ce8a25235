#include "tracewaterfall.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace {

constexpr int indentPx = 14;
constexpr int marginPx = 6;

double msSince(cnsim::SimTime from, cnsim::SimTime to) {
    return (to - from).toMilliseconds();
}

// A "nice" tick step (1, 2, 5 × 10^k ms) giving about `ticks` ticks over `spanMs`.
double tickStep(double spanMs, int ticks) {
    const double raw = spanMs / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0}) {
        if (m * magnitude >= raw) {
            return m * magnitude;
        }
    }
    return 10.0 * magnitude;
}

} // namespace

TraceWaterfall::TraceWaterfall(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("traceWaterfall"));
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

const cnsim::TraceSpan& TraceWaterfall::span(int row) const {
    return m_trace->spans.at(
        static_cast<std::size_t>(m_rows.at(static_cast<std::size_t>(row)).span));
}

int TraceWaterfall::depth(int row) const {
    return m_rows.at(static_cast<std::size_t>(row)).depth;
}

QColor TraceWaterfall::statusColour(int code) {
    if (code == 0) {
        return QColor(0x9e9e9e); // still in flight
    }
    if (code >= 500) {
        return QColor(0xd55e00);
    }
    if (code >= 400) {
        return QColor(0xe69f00);
    }
    return QColor(0x009e73);
}

void TraceWaterfall::setTrace(const cnsim::RequestTrace& trace) {
    m_trace = trace;
    m_rows.clear();
    // Depth first from the root, children in start order: callers sit above their callees.
    const auto& spans = m_trace->spans;
    std::vector<int> stack;
    for (int i = static_cast<int>(spans.size()) - 1; i >= 0; --i) {
        if (spans[static_cast<std::size_t>(i)].parent < 0) {
            stack.push_back(i);
        }
    }
    std::vector<int> depths(spans.size(), 0);
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        m_rows.push_back({s, depths[static_cast<std::size_t>(s)]});
        std::vector<int> children;
        for (int c = 0; c < static_cast<int>(spans.size()); ++c) {
            if (spans[static_cast<std::size_t>(c)].parent == s) {
                children.push_back(c);
            }
        }
        std::stable_sort(children.begin(), children.end(), [&](int a, int b) {
            return spans[static_cast<std::size_t>(a)].start <
                   spans[static_cast<std::size_t>(b)].start;
        });
        for (auto it = children.rbegin(); it != children.rend(); ++it) {
            depths[static_cast<std::size_t>(*it)] = depths[static_cast<std::size_t>(s)] + 1;
            stack.push_back(*it);
        }
    }
    cnsim::SimTime last = m_trace->end;
    for (const cnsim::TraceSpan& s : spans) {
        last = std::max(last, s.end);
    }
    m_spanMs = std::max(0.1, msSince(m_trace->start, last));
    updateGeometry();
    update();
}

void TraceWaterfall::clear() {
    m_trace.reset();
    m_rows.clear();
    updateGeometry();
    update();
}

QString TraceWaterfall::whereText(const cnsim::TraceSpan& s, bool shortPod) {
    QStringList where;
    QString pod = QString::fromStdString(s.pod);
    if (shortPod) {
        pod = pod.section(u'-', -1); // the suffix the canvas chips show
    }
    where << (s.pod.empty() ? tr("no ready pod") : pod);
    if (!s.node.empty()) {
        where << QString::fromStdString(s.node);
    }
    if (!s.version.empty()) {
        where << QString::fromStdString(s.version);
    }
    if (s.attempt > 1) {
        where << tr("attempt %1").arg(s.attempt);
    }
    return where.join(QStringLiteral(" · "));
}

QString TraceWaterfall::rowLabel(int row) const {
    const cnsim::TraceSpan& s = span(row);
    return tr("%1  %2", "service, where it ran")
        .arg(QString::fromStdString(s.service), whereText(s, false));
}

int TraceWaterfall::rowHeight() const {
    return fontMetrics().height() + 8;
}

int TraceWaterfall::headerHeight() const {
    return fontMetrics().height() + 8;
}

int TraceWaterfall::labelWidth() const {
    return std::clamp(width() * 9 / 20, 160, 420);
}

QSize TraceWaterfall::sizeHint() const {
    return {520, headerHeight() + rowHeight() * std::max(3, rowCount()) + marginPx};
}

QSize TraceWaterfall::minimumSizeHint() const {
    return {300, headerHeight() + rowHeight() * std::max(1, rowCount()) + marginPx};
}

void TraceWaterfall::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!m_trace) {
        return;
    }
    const int rowH = rowHeight();
    const int top = headerHeight();
    const int left = labelWidth();
    const int right =
        width() - marginPx - fontMetrics().horizontalAdvance(QStringLiteral("000.0 ms · 000"));
    const double pxPerMs = std::max(1, right - left) / m_spanMs;

    // Time scale: "0 ms … n ms" ticks with faint grid lines through the rows.
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    const double step = tickStep(m_spanMs, 5);
    for (double t = 0.0; t <= m_spanMs + 1e-9; t += step) {
        const int x = left + static_cast<int>(std::lround(t * pxPerMs));
        p.setPen(QColor(0xe0e0e0));
        p.drawLine(x, top - 2, x, top + rowH * rowCount());
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(x - 40, 0, 80, top - 2), Qt::AlignHCenter | Qt::AlignBottom,
                   tr("%1 ms").arg(t, 0, 'g', 4));
    }

    for (int r = 0; r < rowCount(); ++r) {
        const cnsim::TraceSpan& s = span(r);
        const int y = top + r * rowH;
        if (r % 2 == 1) {
            p.fillRect(QRect(0, y, width(), rowH), palette().alternateBase());
        }
        // Label: the Service in bold, where it ran in grey, indented under its caller.
        const int x0 = marginPx + depth(r) * indentPx;
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(palette().color(QPalette::Text));
        const QString service = QString::fromStdString(s.service);
        const QRect labelRect(x0, y, left - x0 - marginPx, rowH);
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, service);
        const int serviceWidth = QFontMetrics(bold).horizontalAdvance(service) + 6;
        p.setFont(small);
        p.setPen(s.attempt > 1 ? QColor(0xb26a00) : palette().color(QPalette::PlaceholderText));
        const QRect whereRect = labelRect.adjusted(serviceWidth, 0, 0, 0);
        p.drawText(
            whereRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(small).elidedText(whereText(s, true), Qt::ElideMiddle, whereRect.width()));

        // Bar: start to end; a refused span still gets a visible sliver.
        const double startMs = msSince(m_trace->start, s.start);
        if (s.end <= s.start && s.code == 200) {
            // No response recorded: the caller stopped waiting (a timeout) or it is still
            // running. Outline it up to the caller's next attempt, or the caller's end.
            const double untilMs = msSince(m_trace->start, unansweredUntil(r));
            const int bx = left + static_cast<int>(std::lround(startMs * pxPerMs));
            const int bw =
                std::max(3, static_cast<int>(std::lround((untilMs - startMs) * pxPerMs)));
            p.setPen(QPen(statusColour(0), 1, Qt::DashLine));
            p.setBrush(QBrush(statusColour(0), Qt::BDiagPattern));
            p.drawRect(QRect(bx, y + 4, bw, rowH - 9));
            p.setBrush(Qt::NoBrush);
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(QRect(bx + bw + 4, y, width() - bx - bw - 4, rowH),
                       Qt::AlignLeft | Qt::AlignVCenter, tr("no response"));
            continue;
        }
        const double endMs = s.end > s.start ? msSince(m_trace->start, s.end) : startMs;
        const int bx = left + static_cast<int>(std::lround(startMs * pxPerMs));
        const int bw = std::max(3, static_cast<int>(std::lround((endMs - startMs) * pxPerMs)));
        const QColor colour = statusColour(s.code);
        p.fillRect(QRect(bx, y + 4, bw, rowH - 8), colour);
        p.setPen(palette().color(QPalette::Text));
        const QString label = s.code == 200
                                  ? tr("%1 ms").arg(endMs - startMs, 0, 'f', 1)
                                  : tr("%1 ms · %2").arg(endMs - startMs, 0, 'f', 1).arg(s.code);
        p.drawText(QRect(bx + bw + 4, y, width() - bx - bw - 4, rowH),
                   Qt::AlignLeft | Qt::AlignVCenter, label);
    }
}

cnsim::SimTime TraceWaterfall::unansweredUntil(int row) const {
    const cnsim::TraceSpan& s = span(row);
    cnsim::SimTime until = m_trace->end > s.start ? m_trace->end : s.start;
    if (s.parent >= 0) {
        const cnsim::TraceSpan& caller = m_trace->spans[static_cast<std::size_t>(s.parent)];
        if (caller.end > s.start) {
            until = caller.end;
        }
        // The caller's next attempt at the same Service starts when it gave up on this one.
        for (const cnsim::TraceSpan& other : m_trace->spans) {
            if (other.parent == s.parent && other.service == s.service &&
                other.attempt == s.attempt + 1 && other.start > s.start) {
                until = std::min(until, other.start);
            }
        }
    }
    return until;
}

void TraceWaterfall::mousePressEvent(QMouseEvent* event) {
    const int row = (static_cast<int>(event->position().y()) - headerHeight()) / rowHeight();
    if (m_trace && event->position().y() >= headerHeight() && row < rowCount() &&
        !span(row).pod.empty()) {
        emit spanClicked(QString::fromStdString(span(row).pod));
    }
    QWidget::mousePressEvent(event);
}

void TraceWaterfall::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}
