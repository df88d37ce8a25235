#include "scenario/scenarioenums.h"

namespace cnsim {

template <>
const std::vector<std::string_view>& enumNames<SelectorOperator>() {
    static const std::vector<std::string_view> names{"In",           "NotIn", "Exists",
                                                     "DoesNotExist", "Gt",    "Lt"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<TaintEffect>() {
    static const std::vector<std::string_view> names{"NoSchedule", "PreferNoSchedule", "NoExecute"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<TolerationOperator>() {
    static const std::vector<std::string_view> names{"Equal", "Exists"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<UnsatisfiableConstraintAction>() {
    static const std::vector<std::string_view> names{"DoNotSchedule", "ScheduleAnyway"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<ImagePullPolicy>() {
    static const std::vector<std::string_view> names{"Always", "IfNotPresent", "Never"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<RestartPolicy>() {
    static const std::vector<std::string_view> names{"Always", "OnFailure", "Never"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<DeploymentStrategyType>() {
    static const std::vector<std::string_view> names{"RollingUpdate", "Recreate"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<MachineKind>() {
    static const std::vector<std::string_view> names{"bareMetal", "virtualMachine"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<FaultType>() {
    static const std::vector<std::string_view> names{
        "failNode",           "recoverNode",        "stopKubelet",
        "startKubelet",       "partitionNode",      "healPartition",
        "zoneOutage",         "zoneRecover",        "podKill",
        "containerKill",      "registryOutage",     "registryRecover",
        "controlPlaneOutage", "controlPlaneRecover"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<ControlPlaneComponent>() {
    static const std::vector<std::string_view> names{"apiServer", "scheduler", "controllerManager"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<ScoringStrategy>() {
    static const std::vector<std::string_view> names{"LeastAllocated", "MostAllocated"};
    return names;
}

template <>
const std::vector<std::string_view>& enumNames<TrafficMode>() {
    static const std::vector<std::string_view> names{"perRequest", "aggregate"};
    return names;
}

} // namespace cnsim
