#pragma once

// Actions: everything a person can do to a running simulation. The studio, the CLI,
// lessons and tests all go through these, so a lesson can replay what a student did.

#include <string>
#include <variant>
#include <vector>

namespace cnsim {

struct FailNodeAction {
    std::string node;
};
struct RecoverNodeAction {
    std::string node;
};
struct DeletePodAction {
    std::string pod;
};
struct ScaleDeploymentAction {
    std::string deployment;
    int replicas = 0;
};

using Action =
    std::variant<FailNodeAction, RecoverNodeAction, DeletePodAction, ScaleDeploymentAction>;

struct ActionResult {
    bool ok = true;
    std::string code;              // e.g. "unknown-node"; empty when ok
    std::vector<std::string> args; // the code's parameters
    std::string message;           // English explanation when !ok
};

} // namespace cnsim
