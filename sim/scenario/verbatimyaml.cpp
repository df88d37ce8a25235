#include "scenario/verbatimyaml.h"

namespace cnsim {

void emitVerbatim(YAML::Emitter& out, const YAML::Node& node) {
    const bool flow = node.Style() == YAML::EmitterStyle::Flow;
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        out << YAML::Null;
        return;
    case YAML::NodeType::Scalar: {
        const std::string& tag = node.Tag();
        if (tag == "!") {
            // Non-specific tag "!": the scalar was quoted in the source.
            out << YAML::DoubleQuoted << node.Scalar();
        } else if (tag == "?" || tag.empty()) {
            out << node.Scalar();
        } else {
            out << YAML::VerbatimTag(tag) << node.Scalar();
        }
        return;
    }
    case YAML::NodeType::Sequence:
        out << (flow ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
        for (const YAML::Node& child : node) {
            emitVerbatim(out, child);
        }
        out << YAML::EndSeq;
        return;
    case YAML::NodeType::Map:
        out << (flow ? YAML::Flow : YAML::Block) << YAML::BeginMap;
        for (auto it = node.begin(); it != node.end(); ++it) {
            out << YAML::Key;
            emitVerbatim(out, it->first);
            out << YAML::Value;
            emitVerbatim(out, it->second);
        }
        out << YAML::EndMap;
        return;
    }
}

std::string dumpVerbatim(const YAML::Node& node) {
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetOutputCharset(YAML::EmitNonAscii);
    emitVerbatim(out, node);
    return out.c_str();
}

} // namespace cnsim
