#include "simtimeaxis.h"

#include <qcustomplot.h>

namespace {

constexpr double secondsPerHour = 3600.0;

QString formatFor(bool hours) {
    return hours ? QStringLiteral("%h:%m") : QStringLiteral("%m:%s");
}

} // namespace

bool SimTimeAxis::usesHours(double rightSeconds) {
    return rightSeconds > secondsPerHour;
}

QSharedPointer<QCPAxisTickerTime> SimTimeAxis::ticker(bool hours) {
    QSharedPointer<QCPAxisTickerTime> time(new QCPAxisTickerTime);
    time->setTimeFormat(formatFor(hours));
    return time;
}

void SimTimeAxis::setFormat(QCPAxis* axis, bool hours) {
    if (auto time = axis->ticker().dynamicCast<QCPAxisTickerTime>()) {
        time->setTimeFormat(formatFor(hours));
    }
}

QString SimTimeAxis::label(bool hours) {
    return hours ? tr("Simulated time (h:min)") : tr("Simulated time (min:s)");
}
