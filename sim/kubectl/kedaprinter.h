#pragma once

// kubectl for KEDA's ScaledObject (keda.sh/v1alpha1): `get scaledobjects` with the CRD's
// printer columns (config/crd/bases/keda.sh_scaledobjects.yaml: SCALETARGETKIND
// SCALETARGETNAME MIN MAX READY ACTIVE FALLBACK PAUSED TRIGGERS AUTHENTICATIONS AGE) and the
// object for -o yaml|json.

#include "kubectl/resourcetypes.h"

#include <string>
#include <vector>

namespace cnsim {

Table scaledObjectTable(const Simulation& sim, const ObjectFilter& filter,
                        const TableOptions& options);
std::vector<ObjectValue> scaledObjectObjects(const Simulation& sim, const ObjectFilter& filter);
std::vector<std::string> scaledObjectNames(const Simulation& sim, const std::string& nameSpace);

} // namespace cnsim
