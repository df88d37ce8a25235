#pragma once

// Where things were in the file, recorded by the section readers so the cross-reference
// checks (scenariovalidator.h) can point at the right line after the model is built.
//
// Vectors run parallel to the Scenario's vectors: marks.workloads[i] belongs to
// scenario.workloads[i], and so on.

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace cnsim {

// A name one manifest uses for another object ("Service" canary-svc), where it is written.
struct ReferenceMark {
    std::string kind; // Service, AnalysisTemplate, HTTPRoute
    std::string name;
    YAML::Mark at;
};

struct ManifestMarks {
    YAML::Mark item;          // the "- apiVersion:" line
    YAML::Mark name;          // metadata.name's value
    YAML::Mark selector;      // a Service's or PDB's spec.selector, or its spec when there is none
    YAML::Mark schedulerName; // a Deployment's spec.template.spec.schedulerName value
    YAML::Mark scaleTarget;   // an HPA's scaleTargetRef.name value
    std::vector<YAML::Mark> metrics;       // an HPA's metrics[i] (its describedObject.name if any)
    std::vector<ReferenceMark> references; // a Rollout's Services, templates and route
};

// simulation.services[i]: calls[step][call] is the call's `service:` value.
struct BehaviourMarks {
    YAML::Mark name;
    std::vector<std::vector<YAML::Mark>> calls;
};

struct GatewayMarks {
    YAML::Mark service;                            // the gateway's `service:` value
    std::vector<std::vector<YAML::Mark>> backends; // routes[r].backendRefs[b].name values
};

// One request class of a traffic source (the source's own keys for an inline target).
struct RequestClassMarks {
    YAML::Mark service;      // `service:` value, or the first of host/path/headers when absent
    bool viaGateway = false; // the class gave host, path or headers
    YAML::Mark queue;        // `queue:` value when the class publishes to a queue
};

// simulation.queues[i]: its name and consumer.deployment values.
struct QueueMarks {
    YAML::Mark name;
    YAML::Mark deployment;
};

struct TrafficMarks {
    YAML::Mark name;
    YAML::Mark start;
    YAML::Mark stop;
    std::vector<RequestClassMarks> classes; // parallel to TrafficSourceSpec::classes
};

struct FaultMarks {
    YAML::Mark at;
    YAML::Mark target;    // the node / zone / pod / deployment value
    YAML::Mark container; // a containerKill's container value
};

// simulation.pipelines[i]: its name, the target's name and container values, each commit's
// `at`.
struct PipelineMarks {
    YAML::Mark name;
    YAML::Mark target;
    YAML::Mark container;
    std::vector<YAML::Mark> commits;
};

struct ScenarioMarks {
    YAML::Mark duration;
    YAML::Mark cluster;
    std::vector<YAML::Mark> nodeNames;
    std::vector<YAML::Mark> poolNames;
    std::vector<YAML::Mark> poolCounts;
    std::vector<YAML::Mark> groupNames;      // cluster.nodeGroups[i].name
    std::vector<YAML::Mark> vmGroupNames;    // vmGroups[i].name
    std::vector<YAML::Mark> vmGroupServices; // vmGroups[i].service
    YAML::Mark clusterAutoscaler;            // simulation.clusterAutoscaler's key
    YAML::Mark sloService;                   // simulation.slo.service's value
    std::vector<ManifestMarks> workloads;
    std::vector<BehaviourMarks> behaviours; // simulation.services[]
    GatewayMarks gateway;
    std::vector<TrafficMarks> traffic;
    std::vector<QueueMarks> queues; // simulation.queues[]
    std::vector<FaultMarks> faults;
    std::vector<YAML::Mark> commands;          // each command's `at`
    std::vector<PipelineMarks> pipelines;
    YAML::Mark trafficMode;                    // simulation.trafficMode's value
    YAML::Mark mesh;                           // simulation.mesh's key
    std::vector<ReferenceMark> meshReferences; // Services and subsets the mesh objects name
};

} // namespace cnsim
