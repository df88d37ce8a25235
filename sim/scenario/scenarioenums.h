#pragma once

// The text each enum of the scenario model has in a file, in the enum's declaration order,
// shared by the readers (the allowed values) and the writers, so the two cannot disagree.
// Kubernetes enums use Kubernetes' spelling ("NoExecute"); cnsim's own use camelCase.

#include "scenario/scenario.h"
#include "scenario/yamlcursor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cnsim {

template <typename Enum>
const std::vector<std::string_view>& enumNames();

template <>
const std::vector<std::string_view>& enumNames<SelectorOperator>();
template <>
const std::vector<std::string_view>& enumNames<TaintEffect>();
template <>
const std::vector<std::string_view>& enumNames<TolerationOperator>();
template <>
const std::vector<std::string_view>& enumNames<UnsatisfiableConstraintAction>();
template <>
const std::vector<std::string_view>& enumNames<ImagePullPolicy>();
template <>
const std::vector<std::string_view>& enumNames<RestartPolicy>();
template <>
const std::vector<std::string_view>& enumNames<DeploymentStrategyType>();
template <>
const std::vector<std::string_view>& enumNames<MachineKind>();
template <>
const std::vector<std::string_view>& enumNames<FaultType>();
template <>
const std::vector<std::string_view>& enumNames<ControlPlaneComponent>();
template <>
const std::vector<std::string_view>& enumNames<ScoringStrategy>();
template <>
const std::vector<std::string_view>& enumNames<TrafficMode>();

template <typename Enum>
std::string enumName(Enum value) {
    return std::string(enumNames<Enum>().at(static_cast<std::size_t>(value)));
}

// readEnum over all of the enum's names.
template <typename Enum>
std::optional<Enum> readEnumValue(DiagnosticSink& sink, const YamlEntry& entry) {
    const std::optional<std::size_t> index = readEnum(sink, entry, enumNames<Enum>());
    return index ? std::optional(static_cast<Enum>(*index)) : std::nullopt;
}

} // namespace cnsim
