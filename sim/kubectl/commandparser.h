#pragma once

// Parses a kubectl command line into a typed command, with kubectl's own error messages
// for unknown commands, flags and resource types (k8s.io/kubectl/pkg/cmd/*, cobra/pflag).
// Pure: text in, a command or an error out; nothing here looks at a cluster.

#include "kubectl/labelselector.h"
#include "kubectl/resourcetypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cnsim {

enum class OutputFormat { Table, Wide, Yaml, Json, Name };

// Where a command looks: one namespace ("default" unless -n) or all of them (-A).
struct Scope {
    std::string nameSpace = "default";
    bool allNamespaces = false;
};

struct ResourceTarget {
    const ResourceType* type = nullptr;
    std::vector<std::string> names; // empty: every object of the type
};

struct GetCommand {
    std::vector<ResourceTarget> targets;
    Scope scope;
    OutputFormat output = OutputFormat::Table;
    LabelQuery selector;
    bool showLabels = false;
    bool noHeaders = false;
};

struct DescribeCommand {
    ResourceTarget target;
    Scope scope;
    LabelQuery selector;
};

struct ScaleCommand {
    std::string deployment;
    int replicas = 0;
    Scope scope;
};

struct CordonCommand {
    std::string node;
    bool cordon = true;
};

struct DrainCommand {
    std::string node;
    bool ignoreDaemonSets = false;
    bool deleteEmptyDirData = false;
    bool force = false;
};

struct DeletePodCommand {
    std::vector<std::string> pods;
    Scope scope;
};

struct RolloutCommand {
    enum class Verb { Status, History, Undo, Restart };
    Verb verb = Verb::Status;
    std::string deployment;
    std::int64_t toRevision = 0; // undo --to-revision
    std::int64_t revision = 0;   // history --revision
    Scope scope;
};

struct SetImageCommand {
    std::string deployment;                                  // the Rollout's name when `rollout`
    bool rollout = false;                                    // set image rollout/NAME
    std::vector<std::pair<std::string, std::string>> images; // container → image
    Scope scope;
};

struct TopCommand {
    bool nodes = true; // false: pods
    std::vector<std::string> names;
    Scope scope;
    LabelQuery selector;
    bool noHeaders = false;
};

struct ApplyCommand {
    std::string file;
    Scope scope;
};

// The Argo Rollouts kubectl plugin's commands cnsim has (kubectl argo rollouts …):
// promote, abort, retry rollout, get rollout, set image.
struct ArgoRolloutsCommand {
    enum class Verb { Promote, Abort, Retry, Get, SetImage };
    Verb verb = Verb::Get;
    std::string rollout;
    std::vector<std::pair<std::string, std::string>> images; // set image: container → image
    Scope scope;
};

struct ApiResourcesCommand {};
struct VersionCommand {};
struct HelpCommand {};

using KubectlCommand =
    std::variant<GetCommand, DescribeCommand, ScaleCommand, CordonCommand, DrainCommand,
                 DeletePodCommand, RolloutCommand, SetImageCommand, TopCommand, ApplyCommand,
                 ApiResourcesCommand, VersionCommand, HelpCommand, ArgoRolloutsCommand>;

struct ParsedKubectl {
    std::optional<KubectlCommand> command;
    std::string error; // kubectl's message, with its trailing newline, when command is empty
};

// Splits like a POSIX shell: whitespace separates words, '…' and "…" quote, \ escapes.
std::vector<std::string> splitCommandLine(std::string_view line);

// `line` may start with "kubectl" or not.
ParsedKubectl parseKubectl(std::string_view line);

// The commands cnsim supports, in `kubectl --help` order (completion reads this too).
const std::vector<std::string_view>& kubectlCommandNames();

} // namespace cnsim
