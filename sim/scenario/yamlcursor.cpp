#include "scenario/yamlcursor.h"

#include "scenario/editdistance.h"
#include "scenario/names.h"
#include "scenario/quantity.h"
#include "scenario/verbatimyaml.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

namespace cnsim {

namespace {

// Garbage input can produce an error per line; past this many the rest add nothing.
constexpr std::size_t kMaxDiagnostics = 500;

std::string quoted(std::string_view text) {
    // Long or multi-line values are cut so a message stays one readable line.
    std::string shown(text.substr(0, 60));
    if (text.size() > 60) {
        shown += "…";
    }
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    return "'" + shown + "'";
}

bool isQuotedScalar(const YAML::Node& node) {
    return node.Tag() == "!";
}

// A scalar's text; reports an error naming `expected` for anything else.
std::optional<std::string> scalarText(DiagnosticSink& sink, const YamlEntry& entry,
                                      std::string_view expected) {
    if (!entry.value.IsScalar()) {
        sink.error(entry.value.IsNull() ? entry.keyMark() : entry.value.Mark(), "wrong-type",
                   {entry.key, std::string(expected), describeNode(entry.value)},
                   "'" + entry.key + "' must be " + std::string(expected) + ", got " +
                       describeNode(entry.value));
        return std::nullopt;
    }
    return entry.value.Scalar();
}

} // namespace

void DiagnosticSink::add(Severity severity, int line, int column, std::string code,
                         std::vector<std::string> args, std::string message) {
    if (severity == Severity::Error) {
        ++m_errorCount;
    }
    if (m_diagnostics.size() >= kMaxDiagnostics) {
        return;
    }
    m_diagnostics.push_back(Diagnostic{severity, m_fileName, line, column, std::move(code),
                                       std::move(args), std::move(message)});
}

void DiagnosticSink::error(const YAML::Mark& at, std::string code, std::vector<std::string> args,
                           std::string message) {
    add(Severity::Error, at.line < 0 ? 0 : at.line + 1, at.column < 0 ? 0 : at.column + 1,
        std::move(code), std::move(args), std::move(message));
}

void DiagnosticSink::warning(const YAML::Mark& at, std::string code, std::vector<std::string> args,
                             std::string message) {
    add(Severity::Warning, at.line < 0 ? 0 : at.line + 1, at.column < 0 ? 0 : at.column + 1,
        std::move(code), std::move(args), std::move(message));
}

bool DiagnosticSink::isFull() const {
    return m_diagnostics.size() >= kMaxDiagnostics;
}

std::vector<Diagnostic> DiagnosticSink::takeSorted() {
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                     });
    if (m_diagnostics.size() >= kMaxDiagnostics) {
        m_diagnostics.push_back(Diagnostic{Severity::Error,
                                           m_fileName,
                                           0,
                                           0,
                                           "too-many-problems",
                                           {std::to_string(kMaxDiagnostics)},
                                           "too many problems; only the first " +
                                               std::to_string(kMaxDiagnostics) + " are shown"});
    }
    return std::move(m_diagnostics);
}

MapCursor::MapCursor(DiagnosticSink& sink, const YAML::Node& node, const YAML::Mark& owner,
                     const FieldTable& table, std::string path,
                     std::vector<PreservedField>* preserved)
    : m_sink(sink), m_owner(owner), m_table(table), m_path(std::move(path)) {
    if (node.IsNull()) {
        // `spec:` with nothing after it: an empty mapping, so required keys report as missing.
        m_isMap = true;
        return;
    }
    if (!node.IsMap()) {
        sink.error(node.Mark(), "wrong-type", {std::string(table.context), describeNode(node)},
                   std::string(table.context) + " must be a mapping of keys to values, got " +
                       describeNode(node));
        return;
    }
    m_isMap = true;
    const std::string_view word = table.kubernetes ? "field" : "key";
    for (auto it = node.begin(); it != node.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            sink.error(key.Mark(), "bad-key", {std::string(table.context)},
                       "keys in " + std::string(table.context) + " must be plain text, got " +
                           describeNode(key));
            continue;
        }
        YamlEntry entry{key.Scalar(), key, it->second};
        const auto sameKey = [&](const YamlEntry& e) { return e.key == entry.key; };
        if (const auto first = std::find_if(m_entries.begin(), m_entries.end(), sameKey);
            first != m_entries.end()) {
            sink.error(
                key.Mark(), "duplicate-key", {entry.key, std::to_string(first->keyMark().line + 1)},
                "duplicate " + std::string(word) + " " + quoted(entry.key) +
                    " (first given on line " + std::to_string(first->keyMark().line + 1) + ")");
            continue;
        }
        const auto in = [&](const std::vector<std::string_view>& list) {
            return std::find(list.begin(), list.end(), entry.key) != list.end();
        };
        if (in(table.modelled)) {
            m_entries.push_back(std::move(entry));
        } else if (in(table.unmodelled) ||
                   (table.isUnmodelled != nullptr && table.isUnmodelled(entry.key))) {
            sink.warning(key.Mark(), "unmodelled-field", {entry.key, std::string(table.context)},
                         "field " + quoted(entry.key) + " in " + std::string(table.context) +
                             " is valid Kubernetes but cnsim does not simulate it; it is kept "
                             "when saving");
            if (preserved != nullptr) {
                preserved->push_back(PreservedField{childPath(entry.key), dumpYaml(entry.value)});
            }
        } else {
            std::vector<std::string_view> candidates = table.modelled;
            candidates.insert(candidates.end(), table.unmodelled.begin(), table.unmodelled.end());
            const std::string suggestion = nearestName(entry.key, candidates);
            std::string message = "unknown " + std::string(word) + " " + quoted(entry.key) +
                                  " in " + std::string(table.context);
            if (!suggestion.empty()) {
                message += " — did you mean '" + suggestion + "'?";
            }
            sink.error(key.Mark(), "unknown-key",
                       {entry.key, std::string(table.context), suggestion}, std::move(message));
        }
    }
}

const YamlEntry* MapCursor::find(std::string_view key) const {
    for (const YamlEntry& entry : m_entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

const YamlEntry* MapCursor::require(std::string_view key) {
    const YamlEntry* entry = find(key);
    if (entry == nullptr && m_isMap) {
        const std::string_view word = m_table.kubernetes ? "field" : "key";
        m_sink.error(m_owner, "missing-key", {std::string(key), std::string(m_table.context)},
                     "missing required " + std::string(word) + " '" + std::string(key) + "' in " +
                         std::string(m_table.context));
    }
    return entry;
}

std::string MapCursor::childPath(std::string_view key) const {
    // Keys with dots ("nvidia.com/gpu") are bracketed so the path still splits unambiguously.
    const std::string segment = key.find_first_of(".[]") == std::string_view::npos
                                    ? std::string(key)
                                    : "[\"" + std::string(key) + "\"]";
    if (m_path.empty() || segment.front() == '[') {
        return m_path + segment;
    }
    return m_path + "." + segment;
}

std::string describeNode(const YAML::Node& node) {
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return "nothing";
    case YAML::NodeType::Scalar:
        return quoted(node.Scalar());
    case YAML::NodeType::Sequence:
        return "a list";
    case YAML::NodeType::Map:
        return "a mapping";
    }
    return "something else";
}

std::string dumpYaml(const YAML::Node& node) {
    return dumpVerbatim(node);
}

std::vector<YAML::Node> readList(DiagnosticSink& sink, const YamlEntry& entry) {
    std::vector<YAML::Node> items;
    if (entry.value.IsNull()) {
        return items;
    }
    if (!entry.value.IsSequence()) {
        sink.error(entry.value.Mark(), "wrong-type",
                   {entry.key, "a list", describeNode(entry.value)},
                   "'" + entry.key + "' must be a list (items starting with '- '), got " +
                       describeNode(entry.value));
        return items;
    }
    for (const YAML::Node& item : entry.value) {
        items.push_back(item);
    }
    return items;
}

std::optional<std::string> readString(DiagnosticSink& sink, const YamlEntry& entry) {
    return scalarText(sink, entry, "text");
}

std::optional<std::int64_t> readInteger(DiagnosticSink& sink, const YamlEntry& entry,
                                        std::int64_t min, std::int64_t max) {
    const std::optional<std::string> text = scalarText(sink, entry, "an integer");
    if (!text) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc::result_out_of_range) {
        const bool negative = !text->empty() && text->front() == '-';
        sink.error(entry.value.Mark(), negative ? "below-minimum" : "above-maximum",
                   {entry.key, *text, std::to_string(negative ? min : max)},
                   entry.key + " " + *text + " is " +
                       (negative ? "below the minimum of " : "above the maximum of ") +
                       std::to_string(negative ? min : max));
        return std::nullopt;
    }
    if (ec != std::errc() || ptr != end || isQuotedScalar(entry.value)) {
        std::string message = "'" + entry.key + "' must be an integer, got " + quoted(*text);
        if (ec == std::errc() && ptr == end) {
            message += " (a quoted string; remove the quotes)";
        }
        sink.error(entry.value.Mark(), "wrong-type", {entry.key, "an integer", *text}, message);
        return std::nullopt;
    }
    if (value < min) {
        sink.error(entry.value.Mark(), "below-minimum", {entry.key, *text, std::to_string(min)},
                   entry.key + " " + *text + " is below the minimum of " + std::to_string(min));
        return std::nullopt;
    }
    if (value > max) {
        sink.error(entry.value.Mark(), "above-maximum", {entry.key, *text, std::to_string(max)},
                   entry.key + " " + *text + " is above the maximum of " + std::to_string(max));
        return std::nullopt;
    }
    return value;
}

std::optional<bool> readBool(DiagnosticSink& sink, const YamlEntry& entry) {
    const std::optional<std::string> text = scalarText(sink, entry, "true or false");
    if (!text) {
        return std::nullopt;
    }
    if (!isQuotedScalar(entry.value) && (*text == "true" || *text == "false")) {
        return *text == "true";
    }
    sink.error(entry.value.Mark(), "wrong-type", {entry.key, "true or false", *text},
               "'" + entry.key + "' must be true or false, got " + quoted(*text));
    return std::nullopt;
}

std::optional<IntOrPercent> readIntOrPercent(DiagnosticSink& sink, const YamlEntry& entry,
                                             int maxPercent) {
    const std::optional<std::string> text =
        scalarText(sink, entry, "a number such as 1 or a percentage such as '25%'");
    if (!text) {
        return std::nullopt;
    }
    const auto digitsOnly = [](std::string_view s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const bool looksNumeric = !text->empty() && ((*text)[0] == '-' || (*text)[0] == '+' ||
                                                 ((*text)[0] >= '0' && (*text)[0] <= '9'));
    if (!isQuotedScalar(entry.value) && text->back() != '%' && looksNumeric) {
        const std::optional<std::int64_t> value =
            readInteger(sink, entry, 0, std::numeric_limits<std::int32_t>::max());
        return value ? std::optional(IntOrPercent{static_cast<int>(*value), false}) : std::nullopt;
    }
    const std::string_view number = std::string_view(*text).substr(0, text->size() - 1);
    if (text->back() != '%' || !digitsOnly(number) || number.size() > 9) {
        // Kubernetes' rule, in its words: "a valid percent string must be a numeric string
        // followed by an ending '%'".
        std::string message = entry.key + " " + quoted(*text) +
                              " is invalid: a percentage must be a whole number followed by "
                              "'%' (e.g. '25%')";
        if (digitsOnly(*text)) {
            message += "; for a number of pods write " + *text + " without quotes";
        }
        sink.error(entry.value.Mark(), "bad-percent", {entry.key, *text}, std::move(message));
        return std::nullopt;
    }
    int percent = 0;
    std::from_chars(number.data(), number.data() + number.size(), percent);
    if (percent > maxPercent) {
        sink.error(entry.value.Mark(), "above-maximum",
                   {entry.key, *text, std::to_string(maxPercent) + "%"},
                   entry.key + " " + *text + " is above the maximum of " +
                       std::to_string(maxPercent) + "%");
        return std::nullopt;
    }
    return IntOrPercent{percent, true};
}

std::optional<std::uint64_t> readUnsigned64(DiagnosticSink& sink, const YamlEntry& entry) {
    const std::optional<std::string> text = scalarText(sink, entry, "an unsigned integer");
    if (!text) {
        return std::nullopt;
    }
    std::uint64_t value = 0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    const bool digitsOnly = !text->empty() && std::all_of(text->begin(), text->end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (!digitsOnly || ec != std::errc() || ptr != end || isQuotedScalar(entry.value)) {
        const bool tooLarge = digitsOnly && ec == std::errc::result_out_of_range;
        sink.error(entry.value.Mark(), tooLarge ? "above-maximum" : "wrong-type",
                   {entry.key, "an integer from 0 to 18446744073709551615", *text},
                   "'" + entry.key + "' must be an integer from 0 to 18446744073709551615, got " +
                       quoted(*text));
        return std::nullopt;
    }
    return value;
}

std::optional<double> readNumber(DiagnosticSink& sink, const YamlEntry& entry, double min,
                                 double max) {
    const std::optional<std::string> text = scalarText(sink, entry, "a number");
    if (!text) {
        return std::nullopt;
    }
    double value = 0.0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    // from_chars reads "inf" and "nan" too; neither is a rate anyone means.
    if (ec != std::errc() || ptr != end || !std::isfinite(value) || isQuotedScalar(entry.value)) {
        sink.error(entry.value.Mark(), "wrong-type", {entry.key, "a number", *text},
                   "'" + entry.key + "' must be a number, got " + quoted(*text));
        return std::nullopt;
    }
    const auto show = [](double v) {
        char buffer[400];
        const auto result =
            std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
        return std::string(buffer, result.ptr);
    };
    if (value < min) {
        sink.error(entry.value.Mark(), "below-minimum", {entry.key, *text, show(min)},
                   entry.key + " " + *text + " is below the minimum of " + show(min));
        return std::nullopt;
    }
    if (value > max) {
        sink.error(entry.value.Mark(), "above-maximum", {entry.key, *text, show(max)},
                   entry.key + " " + *text + " is above the maximum of " + show(max));
        return std::nullopt;
    }
    return value;
}

std::optional<SimTime> readDuration(DiagnosticSink& sink, const YamlEntry& entry, SimTime min,
                                    SimTime max, std::string_view maxText) {
    const std::string maxShown = maxText.empty() ? formatDuration(max) : std::string(maxText);
    const std::string expected = "a duration from " + formatDuration(min) + " to " + maxShown +
                                 " such as 90s, 5m or 1h30m (units h, m, s, ms, us)";
    const std::optional<std::string> text = scalarText(sink, entry, expected);
    if (!text) {
        return std::nullopt;
    }
    const std::optional<SimTime> value = parseDuration(*text);
    if (!value) {
        sink.error(entry.value.Mark(), "bad-duration",
                   {entry.key, *text, formatDuration(min), maxShown},
                   "'" + entry.key + "' must be " + expected + ", got " + quoted(*text));
        return std::nullopt;
    }
    if (*value < min) {
        sink.error(entry.value.Mark(), "below-minimum", {entry.key, *text, formatDuration(min)},
                   entry.key + " " + *text + " is below the minimum of " + formatDuration(min));
        return std::nullopt;
    }
    if (*value > max) {
        sink.error(entry.value.Mark(), "above-maximum", {entry.key, *text, maxShown},
                   entry.key + " " + *text + " is above the maximum of " + maxShown);
        return std::nullopt;
    }
    return value;
}

namespace {

template <typename T, typename Parse, typename Format>
std::optional<T> readQuantity(DiagnosticSink& sink, const YamlEntry& entry, T min, T max,
                              Parse parse, Format format, std::string_view expected) {
    const std::optional<std::string> text = scalarText(sink, entry, expected);
    if (!text) {
        return std::nullopt;
    }
    const auto result = parse(*text);
    if (!result.value) {
        sink.error(entry.value.Mark(), "bad-quantity", {entry.key, *text, result.error},
                   entry.key + " " + quoted(*text) + " is not a valid quantity: " + result.error);
        return std::nullopt;
    }
    if (*result.value < min) {
        sink.error(entry.value.Mark(), "below-minimum", {entry.key, *text, format(min)},
                   entry.key + " " + *text + " is below the minimum of " + format(min));
        return std::nullopt;
    }
    if (*result.value > max) {
        sink.error(entry.value.Mark(), "above-maximum", {entry.key, *text, format(max)},
                   entry.key + " " + *text + " is above the maximum of " + format(max));
        return std::nullopt;
    }
    return result.value;
}

} // namespace

std::optional<CpuMillis> readCpu(DiagnosticSink& sink, const YamlEntry& entry, CpuMillis min,
                                 CpuMillis max) {
    return readQuantity(
        sink, entry, min, max, parseCpu,
        [](CpuMillis c) { return c.value % 1000 == 0 ? formatCpu(c) + " cores" : formatCpu(c); },
        "a CPU quantity such as 500m or 2");
}

std::optional<Bytes> readMemory(DiagnosticSink& sink, const YamlEntry& entry, Bytes min,
                                Bytes max) {
    return readQuantity(sink, entry, min, max, parseMemory, formatMemory,
                        "a memory quantity such as 512Mi or 2Gi");
}

std::optional<std::size_t> readEnum(DiagnosticSink& sink, const YamlEntry& entry,
                                    const std::vector<std::string_view>& allowed) {
    std::string list;
    for (const std::string_view name : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(name);
    }
    const std::optional<std::string> text = scalarText(sink, entry, "one of " + list);
    if (!text) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < allowed.size(); ++i) {
        if (*text == allowed[i]) {
            return i;
        }
    }
    const std::string suggestion = nearestName(*text, allowed);
    std::string message = "'" + entry.key + "' must be one of " + list + ", got " + quoted(*text);
    if (!suggestion.empty()) {
        message += " — did you mean '" + suggestion + "'?";
    }
    sink.error(entry.value.Mark(), "bad-value", {entry.key, list, *text, suggestion}, message);
    return std::nullopt;
}

std::optional<LabelMap> readLabels(DiagnosticSink& sink, const YamlEntry& entry) {
    LabelMap labels;
    if (entry.value.IsNull()) {
        return labels;
    }
    if (!entry.value.IsMap()) {
        sink.error(entry.value.Mark(), "wrong-type",
                   {entry.key, "a mapping", describeNode(entry.value)},
                   "'" + entry.key + "' must be a mapping of label keys to values, got " +
                       describeNode(entry.value));
        return std::nullopt;
    }
    bool ok = true;
    for (auto it = entry.value.begin(); it != entry.value.end(); ++it) {
        const YAML::Node key = it->first;
        const YAML::Node value = it->second;
        if (!key.IsScalar() || !(value.IsScalar() || value.IsNull())) {
            sink.error(key.IsScalar() ? value.Mark() : key.Mark(), "wrong-type",
                       {entry.key, "text", describeNode(value)},
                       "labels in '" + entry.key + "' must be text keys with text values, got " +
                           describeNode(key.IsScalar() ? value : key));
            ok = false;
            continue;
        }
        const std::string keyText = key.Scalar();
        const std::string valueText = value.IsNull() ? std::string() : value.Scalar();
        if (const std::string reason = checkLabelKey(keyText); !reason.empty()) {
            sink.error(key.Mark(), "bad-label", {keyText, reason},
                       "label key " + quoted(keyText) + " is invalid: " + reason);
            ok = false;
        } else if (labels.count(keyText) != 0) {
            sink.error(key.Mark(), "duplicate-key", {keyText},
                       "duplicate label key " + quoted(keyText));
            ok = false;
        } else if (const std::string valueReason = checkLabelValue(valueText);
                   !valueReason.empty()) {
            sink.error(value.Mark(), "bad-label", {valueText, valueReason},
                       "label value " + quoted(valueText) + " is invalid: " + valueReason);
            ok = false;
        } else {
            labels.emplace(keyText, valueText);
        }
    }
    return ok ? std::optional<LabelMap>(std::move(labels)) : std::nullopt;
}

std::optional<std::string> readName(DiagnosticSink& sink, const YamlEntry& entry,
                                    std::string (*rule)(std::string_view)) {
    std::optional<std::string> text = scalarText(sink, entry, "a name");
    if (!text) {
        return std::nullopt;
    }
    if (const std::string reason = rule(*text); !reason.empty()) {
        sink.error(entry.value.Mark(), "bad-name", {entry.key, *text, reason},
                   entry.key + " " + quoted(*text) + " is invalid: " + reason);
        return std::nullopt;
    }
    return text;
}

} // namespace cnsim
