#pragma once

// Attribute schemas for the kinds of things cnsim has registries of (traffic shapes, load
// balancers, …). A kind is a name, a one-line description and the attributes a file may give
// it; the scenario reader validates a file against the schema, the writer writes the values
// back, and the studio's palette and inspector list the same entries.
//
// Values are kept as the file gave them, typed by the schema: rates and plain numbers as
// double, durations as SimTime (never a float), file names as text.

#include "engine/simtime.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cnsim {

enum class AttributeKind {
    Rate,     // requests per second, a number ≥ 0
    Number,   // a plain number
    Fraction, // a number in [0, 1]
    Count,    // a whole number
    Duration, // "90s", "250ms"
    Text,     // e.g. a file name
};

struct AttributeSchema {
    std::string_view name;
    AttributeKind kind = AttributeKind::Number;
    bool required = false;
    // Used when the file leaves the attribute out (not for required ones). Durations are in
    // microseconds here.
    double defaultValue = 0.0;
    double minimum = 0.0; // bounds checked by the reader (Duration: microseconds)
    double maximum = 0.0;
    std::string_view help;
};

struct KindDescriptor {
    std::string_view name;
    std::string_view description;
    std::vector<AttributeSchema> attributes;

    const AttributeSchema* attribute(std::string_view attributeName) const;
};

using AttributeValue = std::variant<double, SimTime, std::string>;
using AttributeMap = std::map<std::string, AttributeValue, std::less<>>;

// A kind's attribute as a number / duration / text: the file's value, else the schema's
// default. The schema must name the attribute (a programming error otherwise).
double numberAttribute(const KindDescriptor& kind, const AttributeMap& values,
                       std::string_view name);
SimTime durationAttribute(const KindDescriptor& kind, const AttributeMap& values,
                          std::string_view name);
std::string textAttribute(const AttributeMap& values, std::string_view name);

// The descriptor called `name` in `kinds`, or nullptr.
const KindDescriptor* findKind(const std::vector<KindDescriptor>& kinds, std::string_view name);

} // namespace cnsim
