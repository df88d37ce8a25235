#pragma once

// Actions, checked and carried out. prepareAction() validates an action against the cluster
// as it is now (names exist, values in bounds, a revision to roll back to) and returns the
// effect to run as an engine event of its own, so a person's action is ordered and
// fingerprinted like everything else; an invalid action yields only an error.

#include "model/action.h"

#include <functional>

namespace cnsim {

class SimulationModel;

struct PreparedAction {
    ActionResult result;
    std::function<void()> effect; // empty when the action was refused
};

PreparedAction prepareAction(SimulationModel& model, const Action& action);

} // namespace cnsim
