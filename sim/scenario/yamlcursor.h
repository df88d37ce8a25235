#pragma once

// The typed "YAML cursor" every scenario reader is built on: it walks yaml-cpp nodes,
// converts values to typed results and records a Diagnostic for each problem instead of
// throwing, so one pass reports every error in a file.
//
// Invariants: no function here throws on any input; every diagnostic carries the 1-based
// line and column of the key or value it is about (yaml-cpp marks are 0-based); a value
// that fails to read yields std::nullopt and exactly one error.

#include "scenario/diagnostic.h"
#include "scenario/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace cnsim {

// Collects diagnostics for one file.
class DiagnosticSink {
public:
    explicit DiagnosticSink(std::string fileName) : m_fileName(std::move(fileName)) {}

    void error(const YAML::Mark& at, std::string code, std::vector<std::string> args,
               std::string message);
    void warning(const YAML::Mark& at, std::string code, std::vector<std::string> args,
                 std::string message);
    void add(Severity severity, int line, int column, std::string code,
             std::vector<std::string> args, std::string message);

    bool hasErrors() const { return m_errorCount > 0; }
    // No more diagnostics will be listed: callers may skip costly work for messages (such as
    // a suggestion searched among thousands of names).
    bool isFull() const;
    // Diagnostics in file order (line, then column, then the order they were found).
    std::vector<Diagnostic> takeSorted();

private:
    std::string m_fileName;
    std::vector<Diagnostic> m_diagnostics;
    int m_errorCount = 0;
};

// What keys a mapping may hold. `modelled` keys are read by cnsim; `unmodelled` keys are
// defined by Kubernetes but not simulated: accepted with a warning and kept verbatim.
// Any other key is an error, with the nearest of both lists suggested.
struct FieldTable {
    std::string_view context; // "Deployment spec", used in messages
    std::vector<std::string_view> modelled;
    std::vector<std::string_view> unmodelled;
    bool kubernetes = false; // Kubernetes says "field", cnsim's own sections say "key"
    // Further unmodelled keys that no list can hold (extended resources "nvidia.com/gpu").
    bool (*isUnmodelled)(std::string_view key) = nullptr;
};

// A table for one of cnsim's own sections: every key is modelled, none is kept verbatim.
inline FieldTable cnsimFields(std::string_view context, std::vector<std::string_view> keys) {
    return FieldTable{context, std::move(keys), {}, false, nullptr};
}

struct YamlEntry {
    std::string key;
    YAML::Node keyNode;
    YAML::Node value;
    YAML::Mark keyMark() const { return keyNode.Mark(); }
};

// One mapping, checked against a FieldTable on construction.
class MapCursor {
public:
    // `owner` is where the mapping's own key is ("spec:"), where missing keys are reported.
    // Unmodelled fields go to `preserved` with paths under `path`.
    MapCursor(DiagnosticSink& sink, const YAML::Node& node, const YAML::Mark& owner,
              const FieldTable& table, std::string path = {},
              std::vector<PreservedField>* preserved = nullptr);

    bool isMap() const { return m_isMap; }
    const YAML::Mark& owner() const { return m_owner; }
    // nullptr when the key is absent.
    const YamlEntry* find(std::string_view key) const;
    // As find(), but an absent key is an error naming the key and this mapping.
    const YamlEntry* require(std::string_view key);
    std::string childPath(std::string_view key) const;

private:
    DiagnosticSink& m_sink;
    YAML::Mark m_owner;
    const FieldTable& m_table;
    std::string m_path;
    std::vector<YamlEntry> m_entries;
    bool m_isMap = false;
};

// "a mapping", "a list", "text", "nothing": for "expected X, got Y" messages.
std::string describeNode(const YAML::Node& node);
// The node as block YAML, for PreservedField.
std::string dumpYaml(const YAML::Node& node);
// An element of a list: its values' marks are its own.
std::vector<YAML::Node> readList(DiagnosticSink& sink, const YamlEntry& entry);

std::optional<std::string> readString(DiagnosticSink& sink, const YamlEntry& entry);
std::optional<std::int64_t> readInteger(DiagnosticSink& sink, const YamlEntry& entry,
                                        std::int64_t min, std::int64_t max);
// `true` or `false`, unquoted. YAML 1.1's yes/no/on/off are rejected: they read differently in
// YAML 1.2 tools, so a scenario should not depend on them.
std::optional<bool> readBool(DiagnosticSink& sink, const YamlEntry& entry);
// intstr.IntOrString as Kubernetes validates it (ValidatePositiveIntOrPercent): an unquoted
// integer ≥ 0, or a string of digits followed by '%', at most `maxPercent`.
std::optional<IntOrPercent> readIntOrPercent(DiagnosticSink& sink, const YamlEntry& entry,
                                             int maxPercent);
std::optional<std::uint64_t> readUnsigned64(DiagnosticSink& sink, const YamlEntry& entry);
std::optional<double> readNumber(DiagnosticSink& sink, const YamlEntry& entry, double min,
                                 double max);
// `maxText` describes the maximum in messages ("720h (30 days)"); empty uses formatDuration.
std::optional<SimTime> readDuration(DiagnosticSink& sink, const YamlEntry& entry, SimTime min,
                                    SimTime max, std::string_view maxText = {});
std::optional<CpuMillis> readCpu(DiagnosticSink& sink, const YamlEntry& entry, CpuMillis min,
                                 CpuMillis max);
std::optional<Bytes> readMemory(DiagnosticSink& sink, const YamlEntry& entry, Bytes min, Bytes max);
// Index into `allowed`, with a suggestion for a misspelled value.
std::optional<std::size_t> readEnum(DiagnosticSink& sink, const YamlEntry& entry,
                                    const std::vector<std::string_view>& allowed);
// A map of Kubernetes labels, keys and values validated.
std::optional<LabelMap> readLabels(DiagnosticSink& sink, const YamlEntry& entry);
// A name checked with one of names.h's rules; `rule` returns empty when valid.
std::optional<std::string> readName(DiagnosticSink& sink, const YamlEntry& entry,
                                    std::string (*rule)(std::string_view));

} // namespace cnsim
