#pragma once

// Where things were in the file, recorded by the section readers so the cross-reference
// checks (scenariovalidator.h) can point at the right line after the model is built.
//
// Vectors run parallel to the Scenario's vectors: marks.workloads[i] belongs to
// scenario.workloads[i], and so on.

#include <vector>
#include <yaml-cpp/yaml.h>

namespace cnsim {

struct ManifestMarks {
    YAML::Mark item;          // the "- apiVersion:" line
    YAML::Mark name;          // metadata.name's value
    YAML::Mark selector;      // a Service's or PDB's spec.selector, or its spec when there is none
    YAML::Mark schedulerName; // a Deployment's spec.template.spec.schedulerName value
};

struct TrafficMarks {
    YAML::Mark name;
    YAML::Mark service;
    YAML::Mark start;
    YAML::Mark stop;
};

struct FaultMarks {
    YAML::Mark at;
    YAML::Mark target;    // the node / zone / pod / deployment value
    YAML::Mark container; // a containerKill's container value
};

struct ScenarioMarks {
    YAML::Mark duration;
    YAML::Mark cluster;
    std::vector<YAML::Mark> nodeNames;
    std::vector<YAML::Mark> poolNames;
    std::vector<YAML::Mark> poolCounts;
    std::vector<ManifestMarks> workloads;
    std::vector<YAML::Mark> behaviourNames; // simulation.services[].name
    std::vector<TrafficMarks> traffic;
    std::vector<FaultMarks> faults;
    std::vector<YAML::Mark> commands; // each command's `at`
};

} // namespace cnsim
