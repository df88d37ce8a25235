#pragma once

// Helpers shared by the workload controllers: pod-template hashes and generated names as
// Kubernetes makes them, and building a Pod from a ReplicaSet's template.

#include "cluster/objects.h"
#include "engine/random.h"
#include "scenario/meshspec.h"

#include <string>

namespace cnsim {

// Like the pod-template-hash label: a 32-bit hash of the pod template, its decimal digits
// mapped onto Kubernetes' safe alphabet (apimachinery rand.SafeEncodeString).
std::string podTemplateHash(const LabelMap& labels, const PodSpec& spec,
                            const LabelMap& annotations = {});

// "<prefix>-" followed by five characters of Kubernetes' name alphabet
// (apiserver generateName: names.SimpleNameGenerator).
std::string generateName(const std::string& prefix, RandomStream& stream);

// A new Pending pod owned by `rs`, named `name`, with the template's labels and spec.
PodObject podFromTemplate(const ReplicaSetObject& rs, const std::string& name);

// Istio's sidecar injector (a mutating admission webhook, istio/istio
// pkg/kube/inject): appends the istio-proxy container with the mesh's CPU and memory
// requests, so the scheduler, node allocation and the HPA's utilization see them.
void injectSidecar(PodObject& pod, const MeshSettingsSpec& mesh);

} // namespace cnsim
