#include "scenario/yamlwriter.h"

#include "scenario/verbatimyaml.h"

#include <array>
#include <charconv>

namespace cnsim {

namespace {

// Plain scalars that a YAML 1.1 or 1.2 reader (yaml-cpp, PyYAML, kubectl) would take for
// something other than a string: numbers, booleans, null. The emitter already quotes text
// with YAML punctuation; these it would write bare.
bool looksLikeNonString(const std::string& text) {
    if (text.empty()) {
        return true;
    }
    static constexpr std::array<std::string_view, 31> kWords{
        "y",    "Y",    "yes",   "Yes",   "YES",   "n",    "N",    "no",   "No",  "NO",  "true",
        "True", "TRUE", "false", "False", "FALSE", "on",   "On",   "ON",   "off", "Off", "OFF",
        "null", "Null", "NULL",  "~",     ".inf",  ".Inf", ".INF", ".nan", ".NaN"};
    for (const std::string_view word : kWords) {
        if (text == word) {
            return true;
        }
    }
    // Text made only of characters that YAML numbers, dates and times use, and starting
    // like a number, may be read as one: "4", "1.5", "1e3", "0x1F", "1_000" (YAML 1.1),
    // "12:30" (sexagesimal), "2024-01-01". "500m" and "8Gi" stay plain.
    const char first = text.front();
    if (!((first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.')) {
        return false;
    }
    return text.find_first_not_of("0123456789+-._:eExXoOabcdefABCDEF") == std::string::npos;
}

// The key of `path` when its parent is the mapping at `parent`, or empty. Paths are built
// by MapCursor::childPath: "a.b", "a[0].b", and `a["nvidia.com/gpu"]` for dotted keys.
std::string childKey(const std::string& path, const std::string& parent) {
    if (path.compare(0, parent.size(), parent) != 0) {
        return {};
    }
    std::string rest = path.substr(parent.size());
    if (!parent.empty()) {
        if (rest.size() > 4 && rest.compare(0, 2, "[\"") == 0 &&
            rest.compare(rest.size() - 2, 2, "\"]") == 0) {
            const std::string bracketed = rest.substr(2, rest.size() - 4);
            return bracketed.find("\"]") == std::string::npos ? bracketed : std::string();
        }
        if (rest.empty() || rest.front() != '.') {
            return {};
        }
        rest.erase(0, 1);
    } else if (rest.size() > 4 && rest.compare(0, 2, "[\"") == 0) {
        return {};
    }
    return rest.find_first_of(".[") == std::string::npos ? rest : std::string();
}

} // namespace

YamlWriter::YamlWriter() {
    m_out.SetIndent(2);
    m_out.SetOutputCharset(YAML::EmitNonAscii);
}

std::string YamlWriter::result() const {
    return std::string(m_out.c_str()) + "\n";
}

void YamlWriter::key(std::string_view name) {
    m_out << YAML::Key << std::string(name) << YAML::Value;
}

void YamlWriter::text(const std::string& value) {
    if (looksLikeNonString(value) || value.find('\n') != std::string::npos) {
        m_out << YAML::DoubleQuoted << value;
    } else {
        m_out << value;
    }
}

void YamlWriter::field(std::string_view name, const std::string& value) {
    key(name);
    text(value);
}

void YamlWriter::integer(std::string_view name, std::int64_t value) {
    key(name);
    m_out << value;
}

void YamlWriter::optionalInteger(std::string_view name, const std::optional<int>& value) {
    if (value) {
        integer(name, *value);
    }
}

void YamlWriter::number(std::string_view name, double value) {
    key(name);
    number(value);
}

void YamlWriter::number(double value) {
    char buffer[400];
    const auto result =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    m_out << std::string(buffer, result.ptr);
}

void YamlWriter::boolean(std::string_view name, bool value) {
    key(name);
    m_out << (value ? "true" : "false");
}

void YamlWriter::labels(std::string_view name, const LabelMap& map) {
    key(name);
    m_out << YAML::BeginMap;
    for (const auto& [labelKey, value] : map) {
        m_out << YAML::Key;
        text(labelKey);
        m_out << YAML::Value;
        text(value);
    }
    m_out << YAML::EndMap;
}

void YamlWriter::intOrPercent(std::string_view name, const IntOrPercent& value) {
    key(name);
    if (value.isPercent) {
        m_out << std::to_string(value.value) + "%";
    } else {
        m_out << value.value;
    }
}

void YamlWriter::verbatim(std::string_view name, const std::string& yaml) {
    key(name);
    try {
        emitVerbatim(m_out, YAML::Load(yaml));
    } catch (const YAML::Exception&) {
        // Only reachable for a PreservedField built by hand with broken YAML: keep the
        // text rather than lose it.
        m_out << YAML::DoubleQuoted << yaml;
    }
}

void YamlWriter::preserved(const std::string& path) {
    if (m_preserved == nullptr) {
        return;
    }
    for (const PreservedField& field : *m_preserved) {
        const std::string name = childKey(field.path, path);
        if (!name.empty()) {
            verbatim(name, field.yaml);
        }
    }
}

bool YamlWriter::hasPreservedUnder(const std::string& path) const {
    if (m_preserved == nullptr) {
        return false;
    }
    for (const PreservedField& field : *m_preserved) {
        if (field.path.size() > path.size() && field.path.compare(0, path.size(), path) == 0 &&
            (field.path[path.size()] == '.' || field.path[path.size()] == '[')) {
            return true;
        }
    }
    return false;
}

} // namespace cnsim
