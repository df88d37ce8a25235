#include "scenario/pipelinereader.h"

#include "scenario/names.h"
#include "scenario/quantity.h"
#include "scenario/trafficreader.h"

#include <map>

namespace cnsim {

namespace {

// As far ahead as a scripted command may be (simulationreader.cpp's readCommand).
constexpr SimTime kLatestCommit = SimTime::hours(24 * 30);

const std::vector<std::string_view> kTargetKinds{"Deployment", "Rollout"};

void readTarget(DiagnosticSink& sink, const YamlEntry& entry, PipelineSpec& pipeline,
                PipelineMarks& marks) {
    static const FieldTable table = cnsimFields("pipeline target", {"kind", "name", "container"});
    MapCursor map(sink, entry.value, entry.keyMark(), table);
    marks.target = entry.keyMark();
    marks.container = entry.keyMark();
    if (const YamlEntry* kind = map.require("kind")) {
        if (const auto index = readEnum(sink, *kind, kTargetKinds)) {
            pipeline.targetKind = static_cast<PipelineTargetKind>(*index);
        }
    }
    if (const YamlEntry* name = map.require("name")) {
        marks.target = name->value.Mark();
        pipeline.target = readName(sink, *name, checkDns1123Subdomain).value_or("");
    }
    if (const YamlEntry* container = map.require("container")) {
        marks.container = container->value.Mark();
        pipeline.container = readName(sink, *container, checkDns1123Label).value_or("");
    }
}

PipelineStageSpec readStage(DiagnosticSink& sink, const YAML::Node& item) {
    static const FieldTable table =
        cnsimFields("pipeline stage", {"name", "duration", "failureProbability"});
    MapCursor map(sink, item, item.Mark(), table);
    PipelineStageSpec stage;
    if (const YamlEntry* name = map.require("name")) {
        stage.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* duration = map.require("duration")) {
        stage.duration = readDistribution(sink, *duration, kLongestPipelineStage);
    }
    if (const YamlEntry* p = map.find("failureProbability")) {
        stage.failureProbability = readNumber(sink, *p, 0.0, 1.0).value_or(0.0);
    }
    return stage;
}

// A commit's image must be a tagged reference ("shop/web:2.0"): the tag is the version the
// release machinery, the summary and the analysis provider tell apart.
void checkImage(DiagnosticSink& sink, const YAML::Mark& at, const std::string& image) {
    const std::size_t slash = image.rfind('/');
    const std::size_t colon = image.rfind(':');
    const bool tagged = colon != std::string::npos &&
                        (slash == std::string::npos || colon > slash) && colon + 1 < image.size();
    const bool blank = image.find_first_of(" \t") != std::string::npos;
    if (image.empty() || blank || !tagged) {
        sink.error(at, "bad-value", {"image", image},
                   "'image' must be a tagged container image such as shop/web:2.0, got '" + image +
                       "'");
    }
}

PipelineCommitSpec readCommit(DiagnosticSink& sink, const YAML::Node& item, YAML::Mark& atMark) {
    static const FieldTable table = cnsimFields("pipeline commit", {"at", "image"});
    MapCursor map(sink, item, item.Mark(), table);
    PipelineCommitSpec commit;
    atMark = item.Mark();
    if (const YamlEntry* at = map.require("at")) {
        atMark = at->value.Mark();
        commit.at =
            readDuration(sink, *at, SimTime::zero(), kLatestCommit).value_or(SimTime::zero());
    }
    if (const YamlEntry* image = map.require("image")) {
        if (const auto text = readString(sink, *image)) {
            commit.image = *text;
            checkImage(sink, image->value.Mark(), commit.image);
        }
    }
    return commit;
}

template <class T, class Read>
std::vector<T> readBounded(DiagnosticSink& sink, const YamlEntry& entry, int max,
                           std::string_view what, Read read) {
    std::vector<T> items;
    const std::vector<YAML::Node> nodes = readList(sink, entry);
    if (static_cast<int>(nodes.size()) > max) {
        sink.error(entry.value.Mark(), "above-maximum",
                   {entry.key, std::to_string(nodes.size()), std::to_string(max)},
                   "a pipeline has at most " + std::to_string(max) + " " + std::string(what) +
                       ", got " + std::to_string(nodes.size()) + "; split it into pipelines");
        return items;
    }
    for (const YAML::Node& node : nodes) {
        items.push_back(read(node));
    }
    return items;
}

PipelineSpec readPipeline(DiagnosticSink& sink, const YAML::Node& item, PipelineMarks& marks) {
    static const FieldTable table =
        cnsimFields("pipeline", {"name", "target", "stages", "commits"});
    MapCursor map(sink, item, item.Mark(), table);
    PipelineSpec pipeline;
    marks.name = item.Mark();
    marks.target = item.Mark();
    marks.container = item.Mark();
    if (const YamlEntry* name = map.require("name")) {
        marks.name = name->value.Mark();
        pipeline.name = readName(sink, *name, checkDns1123Label).value_or("");
    }
    if (const YamlEntry* target = map.require("target")) {
        readTarget(sink, *target, pipeline, marks);
    }
    if (const YamlEntry* stages = map.require("stages")) {
        std::map<std::string, int> firstLine;
        pipeline.stages = readBounded<PipelineStageSpec>(
            sink, *stages, kMaxPipelineStages, "stages", [&](const YAML::Node& node) {
                PipelineStageSpec stage = readStage(sink, node);
                if (const auto it = firstLine.find(stage.name);
                    !stage.name.empty() && it != firstLine.end()) {
                    sink.error(node.Mark(), "duplicate-name", {"stage", stage.name},
                               "duplicate stage '" + stage.name + "' (first given on line " +
                                   std::to_string(it->second) + ")");
                } else {
                    firstLine.emplace(stage.name, node.Mark().line + 1);
                }
                return stage;
            });
        if (stages->value.IsSequence() && stages->value.size() == 0) {
            sink.error(stages->value.Mark(), "empty-value", {"stages"},
                       "'stages' needs at least one stage; the last one deploys");
        }
    }
    if (const YamlEntry* commits = map.require("commits")) {
        pipeline.commits = readBounded<PipelineCommitSpec>(
            sink, *commits, kMaxPipelineCommits, "commits", [&](const YAML::Node& node) {
                marks.commits.emplace_back();
                return readCommit(sink, node, marks.commits.back());
            });
        for (std::size_t i = 1; i < pipeline.commits.size() && i < marks.commits.size(); ++i) {
            if (pipeline.commits[i].at < pipeline.commits[i - 1].at) {
                sink.error(
                    marks.commits[i], "bad-order", {"at"},
                    "commits must be in time order: " + formatDuration(pipeline.commits[i].at) +
                        " comes after " + formatDuration(pipeline.commits[i - 1].at));
            }
        }
    }
    return pipeline;
}

} // namespace

std::vector<PipelineSpec> readPipelines(DiagnosticSink& sink, const YamlEntry& entry,
                                        std::vector<PipelineMarks>& marks) {
    std::vector<PipelineSpec> pipelines;
    std::map<std::string, int> firstLine;
    for (const YAML::Node& item : readList(sink, entry)) {
        marks.emplace_back();
        PipelineSpec pipeline = readPipeline(sink, item, marks.back());
        if (const auto it = firstLine.find(pipeline.name);
            !pipeline.name.empty() && it != firstLine.end()) {
            sink.error(marks.back().name, "duplicate-name", {"pipeline", pipeline.name},
                       "duplicate pipeline '" + pipeline.name + "' (first given on line " +
                           std::to_string(it->second) + ")");
        } else {
            firstLine.emplace(pipeline.name, marks.back().name.line + 1);
        }
        pipelines.push_back(std::move(pipeline));
    }
    return pipelines;
}

} // namespace cnsim
