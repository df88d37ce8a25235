#pragma once

// Emits a YAML node as written: quoted scalars stay quoted, plain ones plain, flow
// collections flow. yaml-cpp's own `out << node` drops the quotes, which turns the string
// "on" into the boolean on and the annotation "3" into a number — wrong for Kubernetes,
// which is strict about string fields. Used for PreservedField text and to write it back.
//
// Aliases are expanded (the reader has bounded their total size); nesting depth is
// bounded by yaml-cpp's parser (2000 levels).

#include <string>
#include <yaml-cpp/yaml.h>

namespace cnsim {

void emitVerbatim(YAML::Emitter& out, const YAML::Node& node);
std::string dumpVerbatim(const YAML::Node& node);

} // namespace cnsim
