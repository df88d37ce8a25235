#include "scenario/probereader.h"

#include "scenario/kubernetesfields.h"

#include <array>
#include <limits>

namespace cnsim {

namespace {

constexpr std::int64_t kMaxSeconds = std::numeric_limits<std::int32_t>::max();
constexpr std::array<std::string_view, 4> kHandlers{"httpGet", "tcpSocket", "exec", "grpc"};

std::optional<int> readField(DiagnosticSink& sink, const MapCursor& map, std::string_view key,
                             std::int64_t min) {
    const YamlEntry* entry = map.find(key);
    if (entry == nullptr) {
        return std::nullopt;
    }
    const std::optional<std::int64_t> value = readInteger(sink, *entry, min, kMaxSeconds);
    return value ? std::optional(static_cast<int>(*value)) : std::nullopt;
}

} // namespace

Probe readProbe(DiagnosticSink& sink, const YamlEntry& entry, ProbeKind kind,
                const std::string& path, std::vector<PreservedField>& kept) {
    const FieldTable table = probeFields(entry.key);
    MapCursor map(sink, entry.value, entry.keyMark(), table, path, &kept);
    Probe probe;
    const YamlEntry* first = nullptr;
    for (const std::string_view name : kHandlers) {
        const YamlEntry* handler = map.find(name);
        if (handler == nullptr) {
            continue;
        }
        if (first != nullptr) {
            sink.error(handler->keyMark(), "conflicting-keys", {first->key, handler->key},
                       "a probe has exactly one handler; '" + handler->key + "' conflicts with '" +
                           first->key + "'");
            continue;
        }
        first = handler;
        if (!handler->value.IsMap()) {
            sink.error(handler->value.IsNull() ? handler->keyMark() : handler->value.Mark(),
                       "wrong-type", {handler->key, "a mapping", describeNode(handler->value)},
                       "'" + handler->key + "' must be a mapping, got " +
                           describeNode(handler->value));
            continue;
        }
        probe.handler.push_back(PreservedField{handler->key, dumpYaml(handler->value)});
    }
    if (first == nullptr && map.isMap()) {
        sink.error(entry.keyMark(), "missing-key", {"handler", entry.key},
                   "missing handler in " + entry.key +
                       ": a probe needs one of httpGet, tcpSocket, exec or grpc");
    }
    // Kubernetes takes 0 as "use the default" for the fields below, but its API docs give
    // 1 as the minimum; cnsim asks for what the docs say so an unset field stays unset.
    probe.initialDelaySeconds = readField(sink, map, "initialDelaySeconds", 0);
    probe.periodSeconds = readField(sink, map, "periodSeconds", 1);
    probe.timeoutSeconds = readField(sink, map, "timeoutSeconds", 1);
    probe.successThreshold = readField(sink, map, "successThreshold", 1);
    probe.failureThreshold = readField(sink, map, "failureThreshold", 1);
    if (kind != ProbeKind::Readiness && probe.successThreshold && *probe.successThreshold != 1) {
        const YamlEntry* success = map.find("successThreshold");
        sink.error(success->value.Mark(), "bad-value", {"successThreshold", entry.key, "1"},
                   "successThreshold must be 1 for a " + entry.key +
                       " (a single success is enough to pass it)");
    }
    return probe;
}

} // namespace cnsim
