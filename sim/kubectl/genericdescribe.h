#pragma once

// `kubectl describe` of a custom resource (ScaledObject, VerticalPodAutoscaler), as kubectl's
// GenericDescriber does for kinds it has no describer for (k8s.io/kubectl/pkg/describe
// describe.go printUnstructuredContent): Name, Namespace, Labels, Annotations, then every
// field of the object in key order with smartLabelFor's labels ("apiVersion" → "API Version"),
// nested mappings indented two spaces, then the object's Events.

#include "kubectl/objectvalue.h"

#include <string>

namespace cnsim {

class Simulation;

std::string describeCustomResource(const Simulation& sim, const ObjectValue& object);
// describe.go smartLabelFor: camelCase split into words, each capitalized, the common
// acronyms (API, URL, UID, OSB, GUID) upper-case.
std::string smartLabelFor(const std::string& field);

} // namespace cnsim
