#include "control/workloads/podavailability.h"

namespace cnsim {

bool isPodAvailable(std::optional<SimTime> readySince, int minReadySeconds, SimTime now) {
    if (!readySince) {
        return false;
    }
    if (minReadySeconds == 0) {
        return true;
    }
    return *readySince + SimTime::seconds(minReadySeconds) < now;
}

SimTime podAvailableAt(SimTime readySince, int minReadySeconds) {
    if (minReadySeconds == 0) {
        return readySince;
    }
    // One microsecond, the simulation's clock tick, past the strict boundary.
    return readySince + SimTime::seconds(minReadySeconds) + SimTime::microseconds(1);
}

} // namespace cnsim
