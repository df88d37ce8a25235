#pragma once

// Internal to the object encoders (objectencoder.cpp, serviceencoder.cpp): the API's
// common pieces — ObjectMeta, label maps and selectors, IntOrString — in the shape the API
// server returns them.

#include "cluster/objectmeta.h"
#include "kubectl/objectvalue.h"

#include <string_view>

namespace cnsim::encoding {

ObjectValue labelMap(const LabelMap& labels);
ObjectValue intOrPercent(const IntOrPercent& v);
ObjectValue labelSelector(const LabelSelector& s);
// metadata: generation only for the kinds whose controllers track it (apps, policy).
ObjectValue metadata(const ObjectMeta& meta, bool namespaced, bool withGeneration);
ObjectValue header(std::string_view apiVersion, std::string_view kind);

} // namespace cnsim::encoding
