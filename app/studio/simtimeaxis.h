#pragma once

// SimTimeAxis: the simulated-time axis every studio chart shares — "min:s" for the first hour
// and "h:min" past it, since "540:00" minutes of a day-long run read badly — with the axis
// label that says which. One place, so the Metrics and Autoscaling charts never disagree.
// Stateless; the label is translated on each call.

#include <QCoreApplication>
#include <QSharedPointer>
#include <QString>

class QCPAxis;
class QCPAxisTickerTime;

class SimTimeAxis {
    Q_DECLARE_TR_FUNCTIONS(SimTimeAxis)

public:
    // Whether an axis showing 0 … rightSeconds reads in hours and minutes.
    static bool usesHours(double rightSeconds);
    // A time ticker for a bottom axis, in the given format.
    static QSharedPointer<QCPAxisTickerTime> ticker(bool hours);
    // Switches `axis`'s time ticker (if it has one) to the given format.
    static void setFormat(QCPAxis* axis, bool hours);
    // "Simulated time (min:s)" or "Simulated time (h:min)".
    static QString label(bool hours);
};
