#include "scenario/scenarioreader.h"

#include "scenario/clusterreader.h"
#include "scenario/manifestreader.h"
#include "scenario/meshreader.h"
#include "scenario/names.h"
#include "scenario/scenariovalidator.h"
#include "scenario/simulationreader.h"
#include "scenario/vmgroupreader.h"
#include "scenario/yamlcursor.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cnsim {

namespace {

// Hostile-input limits. Real scenarios are a few kilobytes; these only stop a runaway
// file from exhausting memory or time. yaml-cpp itself rejects nesting deeper than 2000.
constexpr std::size_t kMaxFileBytes = 16 * 1024 * 1024;
constexpr std::size_t kMaxNodes = 1'000'000; // counted with aliases expanded

constexpr SimTime kMaxDuration = SimTime::hours(24 * 30);

// The position of the first byte that is not printable UTF-8, or nothing. YAML is Unicode text;
// yaml-cpp would otherwise accept binary garbage as one long scalar.
std::optional<std::pair<int, int>> firstInvalidUtf8(const std::string& text) {
    int line = 1;
    int column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        // YAML allows only printable characters: no C0 controls besides tab and line
        // breaks, no DEL (YAML 1.2, production c-printable).
        if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f) {
            return std::pair(line, column);
        }
        if (byte < 0x80) {
            length = 1;
        } else if ((byte & 0xE0) == 0xC0 && byte >= 0xC2) {
            length = 2;
        } else if ((byte & 0xF0) == 0xE0) {
            length = 3;
        } else if ((byte & 0xF8) == 0xF0 && byte <= 0xF4) {
            length = 4;
        } else {
            return std::pair(line, column);
        }
        if (i + length > text.size()) {
            return std::pair(line, column);
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return std::pair(line, column);
            }
        }
        if (byte == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return std::nullopt;
}

// Counts nodes as a reader would visit them (aliases expanded), stopping at `limit`, so an
// alias bomb ("billion laughs") is caught before anything walks or copies it.
bool exceedsNodeBudget(const YAML::Node& root, std::size_t limit) {
    std::vector<YAML::Node> stack{root};
    std::size_t count = 0;
    while (!stack.empty()) {
        const YAML::Node node = stack.back();
        stack.pop_back();
        if (++count > limit) {
            return true;
        }
        if (node.IsSequence()) {
            for (const YAML::Node& child : node) {
                stack.push_back(child);
            }
        } else if (node.IsMap()) {
            for (auto it = node.begin(); it != node.end(); ++it) {
                stack.push_back(it->first);
                stack.push_back(it->second);
            }
        }
    }
    return false;
}

void readLocalizedText(DiagnosticSink& sink, const YamlEntry& entry, LocalizedText& text,
                       bool required) {
    static const FieldTable table = cnsimFields("localized text", {"en", "zh_CN"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* en = required ? map.require("en") : map.find("en")) {
        text.en = readString(sink, *en).value_or("");
    }
    if (const YamlEntry* zh = map.find("zh_CN")) {
        text.zhCN = readString(sink, *zh).value_or("");
    }
}

void readMetadata(DiagnosticSink& sink, const YamlEntry& entry, ScenarioMetadata& metadata) {
    static const FieldTable table =
        cnsimFields("scenario metadata", {"name", "title", "description"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    if (const YamlEntry* name = map.require("name")) {
        metadata.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* title = map.require("title")) {
        readLocalizedText(sink, *title, metadata.title, true);
    }
    if (const YamlEntry* description = map.find("description")) {
        readLocalizedText(sink, *description, metadata.description, false);
    }
}

void expectValue(DiagnosticSink& sink, const YamlEntry& entry, std::string_view expected) {
    const std::optional<std::string> value = readString(sink, entry);
    if (value && *value != expected) {
        sink.error(entry.value.Mark(), "bad-value", {entry.key, std::string(expected), *value},
                   "'" + entry.key + "' must be " + std::string(expected) + ", got '" + *value +
                       "'");
    }
}

std::optional<Scenario> readRoot(DiagnosticSink& sink, const YAML::Node& root,
                                 TrafficReadContext& context) {
    static const FieldTable table =
        cnsimFields("scenario", {"apiVersion", "kind", "metadata", "seed", "duration", "cluster",
                                 "workloads", "simulation", "vmGroups"});
    if (!root.IsMap()) {
        sink.error(root.Mark(), "wrong-type", {"scenario", describeNode(root)},
                   "a scenario file must be a mapping starting with 'apiVersion: cnsim/v1' and "
                   "'kind: Scenario', got " +
                       describeNode(root));
        return std::nullopt;
    }
    Scenario scenario;
    ScenarioMarks marks;
    MapCursor map(sink, root, root.Mark(), table);
    if (const YamlEntry* apiVersion = map.require("apiVersion")) {
        expectValue(sink, *apiVersion, "cnsim/v1");
    }
    if (const YamlEntry* kind = map.require("kind")) {
        expectValue(sink, *kind, "Scenario");
    }
    if (const YamlEntry* metadata = map.require("metadata")) {
        readMetadata(sink, *metadata, scenario.metadata);
    }
    if (const YamlEntry* seed = map.find("seed")) {
        scenario.seed = readUnsigned64(sink, *seed).value_or(scenario.seed);
    }
    marks.duration = root.Mark();
    if (const YamlEntry* duration = map.find("duration")) {
        marks.duration = duration->value.Mark();
        scenario.duration =
            readDuration(sink, *duration, SimTime::seconds(1), kMaxDuration, "720h (30 days)")
                .value_or(scenario.duration);
    }
    if (const YamlEntry* cluster = map.require("cluster")) {
        scenario.cluster = readCluster(sink, *cluster, marks);
    }
    if (const YamlEntry* workloads = map.find("workloads")) {
        for (const YAML::Node& item : readList(sink, *workloads)) {
            if (isMeshManifest(item)) {
                readMeshManifest(sink, item, scenario.virtualServices, scenario.destinationRules,
                                 marks.meshReferences);
                continue;
            }
            ManifestMarks manifestMarks;
            if (std::optional<Manifest> manifest = readManifest(sink, item, manifestMarks)) {
                scenario.workloads.push_back(std::move(*manifest));
                marks.workloads.push_back(manifestMarks);
            }
        }
    }
    if (const YamlEntry* simulation = map.find("simulation")) {
        scenario.simulation = readSimulation(sink, *simulation, marks, context);
    }
    if (const YamlEntry* vmGroups = map.find("vmGroups")) {
        scenario.vmGroups = readVmGroups(sink, *vmGroups, marks);
    }
    validateScenario(sink, scenario, marks);
    if (sink.hasErrors()) {
        return std::nullopt;
    }
    return scenario;
}

} // namespace

ScenarioLoadResult readScenario(const std::string& yamlText, const std::string& fileName,
                                const std::string& baseDirectory) {
    DiagnosticSink sink(fileName);
    ScenarioLoadResult result;
    if (yamlText.size() > kMaxFileBytes) {
        sink.add(Severity::Error, 0, 0, "file-too-large",
                 {std::to_string(yamlText.size()), std::to_string(kMaxFileBytes)},
                 "the file is larger than the maximum of 16 MiB for a scenario");
        result.diagnostics = sink.takeSorted();
        return result;
    }
    if (const auto bad = firstInvalidUtf8(yamlText)) {
        sink.add(Severity::Error, bad->first, bad->second, "not-text", {},
                 "the file is not UTF-8 text (binary data or another encoding)");
        result.diagnostics = sink.takeSorted();
        return result;
    }
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(yamlText);
        if (documents.empty() || (documents.size() == 1 && documents[0].IsNull())) {
            sink.add(Severity::Error, 1, 1, "empty-file", {},
                     "the file is empty; a scenario starts with 'apiVersion: cnsim/v1' and "
                     "'kind: Scenario'");
        } else if (documents.size() > 1) {
            sink.error(documents[1].Mark(), "several-documents", {std::to_string(documents.size())},
                       "a scenario file holds one YAML document, but this one has " +
                           std::to_string(documents.size()) + " (separated by '---')");
        } else if (exceedsNodeBudget(documents[0], kMaxNodes)) {
            sink.add(Severity::Error, 1, 1, "too-many-nodes", {std::to_string(kMaxNodes)},
                     "the file expands to more than " + std::to_string(kMaxNodes) +
                         " YAML values (are aliases repeating a large block?)");
        } else {
            TrafficReadContext context;
            context.baseDirectory = baseDirectory.empty()
                                        ? std::filesystem::path(fileName).parent_path().string()
                                        : baseDirectory;
            result.scenario = readRoot(sink, documents[0], context);
        }
    } catch (const YAML::ParserException& e) {
        sink.error(e.mark, "yaml-syntax", {e.msg}, "YAML syntax error: " + e.msg);
    } catch (const YAML::Exception& e) {
        sink.error(e.mark, "yaml-error", {e.msg}, "cannot read the YAML: " + e.msg);
    } catch (const std::exception& e) {
        // Last line of defence (e.g. std::bad_alloc): a bad file must never end the program.
        sink.add(Severity::Error, 0, 0, "read-failed", {e.what()},
                 std::string("cannot read the file: ") + e.what());
    }
    if (sink.hasErrors()) {
        result.scenario.reset();
    }
    result.diagnostics = sink.takeSorted();
    return result;
}

ScenarioLoadResult readScenarioFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        ScenarioLoadResult result;
        result.diagnostics.push_back(
            Diagnostic{Severity::Error, path, 0, 0, "cannot-open", {path}, "cannot open the file"});
        return result;
    }
    // Read at most one byte past the limit: enough to know the file is too large without
    // reading all of it.
    std::string text;
    text.resize(kMaxFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
        ScenarioLoadResult result;
        result.diagnostics.push_back(
            Diagnostic{Severity::Error, path, 0, 0, "cannot-read", {path}, "cannot read the file"});
        return result;
    }
    return readScenario(text, path);
}

} // namespace cnsim
