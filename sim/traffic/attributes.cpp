#include "traffic/attributes.h"

#include <stdexcept>

namespace cnsim {

const AttributeSchema* KindDescriptor::attribute(std::string_view attributeName) const {
    for (const AttributeSchema& schema : attributes) {
        if (schema.name == attributeName) {
            return &schema;
        }
    }
    return nullptr;
}

namespace {

const AttributeSchema& schemaOf(const KindDescriptor& kind, std::string_view name) {
    const AttributeSchema* schema = kind.attribute(name);
    if (schema == nullptr) {
        throw std::logic_error("kind " + std::string(kind.name) + " has no attribute " +
                               std::string(name));
    }
    return *schema;
}

} // namespace

double numberAttribute(const KindDescriptor& kind, const AttributeMap& values,
                       std::string_view name) {
    const AttributeSchema& schema = schemaOf(kind, name);
    if (auto it = values.find(name); it != values.end()) {
        if (const double* number = std::get_if<double>(&it->second)) {
            return *number;
        }
    }
    return schema.defaultValue;
}

SimTime durationAttribute(const KindDescriptor& kind, const AttributeMap& values,
                          std::string_view name) {
    const AttributeSchema& schema = schemaOf(kind, name);
    if (auto it = values.find(name); it != values.end()) {
        if (const SimTime* duration = std::get_if<SimTime>(&it->second)) {
            return *duration;
        }
    }
    return SimTime::microseconds(static_cast<std::int64_t>(schema.defaultValue));
}

std::string textAttribute(const AttributeMap& values, std::string_view name) {
    if (auto it = values.find(name); it != values.end()) {
        if (const std::string* text = std::get_if<std::string>(&it->second)) {
            return *text;
        }
    }
    return {};
}

const KindDescriptor* findKind(const std::vector<KindDescriptor>& kinds, std::string_view name) {
    for (const KindDescriptor& kind : kinds) {
        if (kind.name == name) {
            return &kind;
        }
    }
    return nullptr;
}

} // namespace cnsim
