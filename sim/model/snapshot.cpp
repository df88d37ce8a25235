#include "model/snapshot.h"

namespace cnsim {

std::string_view podPhaseName(PodPhase phase) {
    switch (phase) {
    case PodPhase::Pending:
        return "Pending";
    case PodPhase::Starting:
        return "Starting";
    case PodPhase::Running:
        return "Running";
    case PodPhase::Terminating:
        return "Terminating";
    }
    return "Unknown";
}

} // namespace cnsim
