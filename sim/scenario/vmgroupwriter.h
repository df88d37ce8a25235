#pragma once

// Writes the scenario's `vmGroups:` list in the form vmgroupreader.h reads (nothing when
// empty); values at their defaults are left out.

#include "scenario/vmgroupspec.h"
#include "scenario/yamlwriter.h"

#include <vector>

namespace cnsim {

void writeVmGroups(YamlWriter& w, const std::vector<VmGroupSpec>& groups);

} // namespace cnsim
