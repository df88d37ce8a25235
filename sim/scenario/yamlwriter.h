#pragma once

// The emitter every scenario writer is built on: block-style YAML with two-space indent,
// text quoted whenever a YAML reader would take it for something else, and Kubernetes
// fields kept verbatim (PreservedField) re-inserted into the mapping they came from.
//
// One YamlWriter writes one document; `setPreserved` points it at the preserved fields of
// the manifest being written (paths relative to that manifest), or at nothing.

#include "scenario/kubernetestypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace cnsim {

class YamlWriter {
public:
    YamlWriter();

    YAML::Emitter& out() { return m_out; }
    // The document so far, ending in a newline.
    std::string result() const;

    void key(std::string_view name);
    // Text, double-quoted when YAML would misread it ("true", "4", "1.0", empty, multi-line).
    void text(const std::string& value);
    void field(std::string_view name, const std::string& value);
    void integer(std::string_view name, std::int64_t value);
    // `name: value` only when the value is set: a field the file left out stays out.
    void optionalInteger(std::string_view name, const std::optional<int>& value);
    // A finite number in fixed notation, shortest exact form: 12.5, 0.25, 100000 (never 1e+05).
    void number(std::string_view name, double value);
    void number(double value);
    void boolean(std::string_view name, bool value);
    void labels(std::string_view name, const LabelMap& map);
    // 3 or 25%, as Kubernetes writes an IntOrString.
    void intOrPercent(std::string_view name, const IntOrPercent& value);
    void beginMap() { m_out << YAML::BeginMap; }
    void endMap() { m_out << YAML::EndMap; }
    void beginSeq() { m_out << YAML::BeginSeq; }
    void endSeq() { m_out << YAML::EndSeq; }

    void setPreserved(const std::vector<PreservedField>* preserved) { m_preserved = preserved; }
    // Writes the kept fields whose parent is the mapping at `path`, in path order.
    void preserved(const std::string& path);
    // Whether any kept field lies below `path`, so an otherwise empty mapping must be written.
    bool hasPreservedUnder(const std::string& path) const;
    // Writes one kept value (a probe handler) as `name: <yaml>`.
    void verbatim(std::string_view name, const std::string& yaml);

private:
    YAML::Emitter m_out;
    const std::vector<PreservedField>* m_preserved = nullptr;
};

} // namespace cnsim
