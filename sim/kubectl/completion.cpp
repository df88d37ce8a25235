#include "kubectl/completion.h"

#include "kubectl/commandparser.h"
#include "kubectl/resourcetypes.h"
#include "model/simulation.h"

#include <algorithm>

namespace cnsim {

namespace {

std::vector<std::string> typeNames() {
    std::vector<std::string> out;
    for (const ResourceType& t : resourceTypes()) {
        out.emplace_back(t.plural);
        for (const std::string_view s : t.shortNames) {
            out.emplace_back(s);
        }
    }
    return out;
}

std::vector<std::string> objectNames(const Simulation& sim, KubectlResource resource,
                                     const std::string& prefix = {}) {
    std::vector<std::string> out;
    for (const std::string& n : resourceType(resource).names(sim, "default")) {
        out.push_back(prefix + n);
    }
    return out;
}

std::vector<std::string> flagsFor(const std::string& verb) {
    if (verb == "get") {
        return {"--output",    "-o", "--selector",    "-l",          "--all-namespaces", "-A",
                "--namespace", "-n", "--show-labels", "--no-headers"};
    }
    if (verb == "describe") {
        return {"--selector", "-l", "--all-namespaces", "-A", "--namespace", "-n"};
    }
    if (verb == "scale") {
        return {"--replicas=", "--namespace", "-n"};
    }
    if (verb == "drain") {
        return {"--ignore-daemonsets", "--delete-emptydir-data", "--force"};
    }
    if (verb == "rollout") {
        return {"--to-revision=", "--revision=", "--namespace", "-n"};
    }
    if (verb == "apply") {
        return {"-f", "--filename"};
    }
    if (verb == "top") {
        return {"--selector", "-l", "--all-namespaces", "-A", "--no-headers"};
    }
    return {"--namespace", "-n"};
}

} // namespace

std::vector<std::string> kubectlCompletions(const Simulation& sim, std::string_view line) {
    std::vector<std::string> words = splitCommandLine(line);
    const bool newWord = line.empty() || line.back() == ' ';
    const std::string current = newWord || words.empty() ? std::string() : words.back();
    if (!newWord && !words.empty()) {
        words.pop_back();
    }
    std::vector<std::string> candidates;
    if (words.empty()) {
        candidates.emplace_back("kubectl");
    }
    if (!words.empty() && words.front() == "kubectl") {
        words.erase(words.begin());
    }
    // Positional words so far, without flags (and the values of -o, -l, -n, -f).
    std::vector<std::string> args;
    std::string previous;
    for (const std::string& w : words) {
        const bool isValueOf = previous == "-o" || previous == "--output" || previous == "-l" ||
                               previous == "--selector" || previous == "-n" ||
                               previous == "--namespace" || previous == "-f" ||
                               previous == "--filename";
        if (!w.starts_with("-") && !isValueOf) {
            args.push_back(w);
        }
        previous = w;
    }
    if (previous == "-o" || previous == "--output") {
        candidates = {"json", "name", "wide", "yaml"};
    } else if (current.starts_with("-")) {
        candidates = flagsFor(args.empty() ? std::string() : args.front());
    } else if (args.empty()) {
        for (const std::string_view c : kubectlCommandNames()) {
            candidates.emplace_back(c);
        }
    } else {
        const std::string& verb = args.front();
        const std::size_t position = args.size(); // index of the word being completed
        if (verb == "get" || verb == "describe" || verb == "delete") {
            if (position == 1 && current.find('/') != std::string::npos) {
                const ResourceType* type = findResourceType(current.substr(0, current.find('/')));
                if (type != nullptr) {
                    candidates =
                        objectNames(sim, type->resource, current.substr(0, current.find('/') + 1));
                }
            } else if (position == 1) {
                candidates =
                    verb == "delete" ? std::vector<std::string>{"pod", "pods", "po"} : typeNames();
            } else if (const ResourceType* type = findResourceType(args[1])) {
                candidates = objectNames(sim, type->resource);
            }
        } else if (verb == "cordon" || verb == "uncordon" || verb == "drain") {
            if (position == 1) {
                candidates = objectNames(sim, KubectlResource::Nodes);
            }
        } else if (verb == "scale" || (verb == "set" && position >= 2) ||
                   (verb == "rollout" && position >= 2)) {
            candidates = objectNames(sim, KubectlResource::Deployments, "deployment/");
        } else if (verb == "rollout") {
            candidates = {"history", "restart", "status", "undo"};
        } else if (verb == "set") {
            candidates = {"image"};
        } else if (verb == "top") {
            if (position == 1) {
                candidates = {"nodes", "pods"};
            } else {
                candidates = objectNames(sim, args[1].starts_with("no") ? KubectlResource::Nodes
                                                                        : KubectlResource::Pods);
            }
        }
    }
    std::vector<std::string> out;
    for (std::string& c : candidates) {
        if (c.starts_with(current)) {
            out.push_back(std::move(c));
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace cnsim
